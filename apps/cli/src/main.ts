/**
 * The `convergent` binary: the engine's command table plus the commands that need the API package (worker, team,
 * token). It lives here, where both the engine and the API are visible, so that the engine imports nothing from
 * the apps. Argument handling, help and error reporting are the engine's `main`.
 */
import type { CliIO } from '@convergent/engine/cli';
import { ENGINE_COMMANDS, main as engineMain, type RegisteredCommand } from '@convergent/engine/cli';

/** Every `convergent` subcommand, in the order `convergent --help` lists them. */
export const COMMANDS: readonly RegisteredCommand[] = [
  ...ENGINE_COMMANDS,
  { name: 'worker', summary: 'run queued jobs (train, record, align, import) from the team database', load: async () => (await import('./worker.ts')).loadWorkerCommand() },
  { name: 'team', summary: 'create teams, set their import roots, print a dashboard sign-in link', load: async () => (await import('./team.ts')).loadTeamCommand() },
  { name: 'token', summary: "create, list and revoke a team's tokens (and dashboard sessions)", load: async () => (await import('./team.ts')).loadTokenCommand() },
];

export function main(argv: string[], io?: CliIO): Promise<number> {
  return engineMain(argv, io, COMMANDS);
}
