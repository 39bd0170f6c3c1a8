/**
 * `convergent team …` and `convergent token …`: team administration on the team database (create teams, set their
 * import roots, print dashboard sign-in links; create, list and revoke tokens). The commands live in the API
 * package (they need Prisma); the engine does not depend on it at build time, so it is loaded on use, as for
 * `convergent worker`.
 */
import { CliError, type CliIO, type Command } from './command.ts';

interface TeamModule {
  teamCommand(args: readonly string[], io: CliIO): Promise<number>;
  tokenCommand(args: readonly string[], io: CliIO): Promise<number>;
  TEAM_USAGE: string;
  TOKEN_USAGE: string;
}

const API_TEAM = '@convergent/api/auth/team-command';

async function loadTeam(): Promise<TeamModule> {
  try {
    return (await import(/* @vite-ignore */ API_TEAM)) as TeamModule;
  } catch (err) {
    throw new CliError(`convergent team/token need the @convergent/api package (${(err as Error).message.split('\n')[0]}); run them from a checkout with \`npm ci\` done`);
  }
}

/** `convergent team`, with its full usage from the API package. */
export async function loadTeamCommand(): Promise<Command> {
  const team = await loadTeam();
  return {
    name: 'team',
    summary: 'create teams, set their import roots, print a dashboard sign-in link',
    usage: team.TEAM_USAGE,
    run: (args, io) => team.teamCommand(args, io),
  };
}

/** `convergent token`, with its full usage from the API package. */
export async function loadTokenCommand(): Promise<Command> {
  const team = await loadTeam();
  return {
    name: 'token',
    summary: "create, list and revoke a team's tokens (and dashboard sessions)",
    usage: team.TOKEN_USAGE,
    run: (args, io) => team.tokenCommand(args, io),
  };
}
