/**
 * `convergent team …` and `convergent token …`: team administration on the team database (create teams, set their
 * import roots, print dashboard sign-in links; create, list and revoke tokens). The commands live in the API
 * package (they need Prisma) and load on use, as for `convergent worker`.
 */
import type { Command } from '@convergent/engine/cli';

/** `convergent team`, with its full usage from the API package. */
export async function loadTeamCommand(): Promise<Command> {
  const team = await import('@convergent/api/auth/team-command');
  return {
    name: 'team',
    summary: 'create teams, set their import roots, print a dashboard sign-in link',
    usage: team.TEAM_USAGE,
    run: (args, io) => team.teamCommand(args, io),
  };
}

/** `convergent token`, with its full usage from the API package. */
export async function loadTokenCommand(): Promise<Command> {
  const team = await import('@convergent/api/auth/team-command');
  return {
    name: 'token',
    summary: "create, list and revoke a team's tokens (and dashboard sessions)",
    usage: team.TOKEN_USAGE,
    run: (args, io) => team.tokenCommand(args, io),
  };
}
