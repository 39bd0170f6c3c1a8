/**
 * `convergent team …` and `convergent token …`: team administration for whoever holds the database (the
 * operator). The engine's CLI registers these commands and loads this module with a dynamic import, as for
 * `convergent worker`. Secrets go to stdout alone (so `TOKEN=$(convergent token create …)` works) and everything
 * else to stderr; errors are one line and a non-zero exit.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CliError, parseArgs, type OptionSpec } from '@convergent/engine/cli';
import { embeddedDatabaseUrl, openDatabase, redact, type Database } from '../db/database.ts';
import { createSignInCode } from './sessions.ts';
import {
  createTeam,
  createToken,
  findTeam,
  listCredentials,
  listTeams,
  parseRole,
  revokeCredential,
  setImportRoots,
  signInPath,
  type CredentialSummary,
} from './team-admin.ts';

const DB_OPTIONS = `Database: --database-url URL, else $DATABASE_URL, else the embedded database of \`npm start\` in
--data DIR (default .convergent; running or not).`;

export const TEAM_USAGE = `usage: convergent team <create|list|import-roots|sign-in> …

  convergent team create NAME [--import-root DIR]… [--token-name LABEL]
      Create a team and its first token, an admin one; the token is printed once on stdout.
  convergent team list
      Teams with their import roots, live token and experiment counts.
  convergent team import-roots NAME [DIR…] [--clear]
      Show, set (replacing) or clear the folders on the API server the team may import from.
  convergent team sign-in NAME [--role admin|member] [--name WHO] [--dashboard URL]
      Print a one-time dashboard sign-in link (works once, for 15 minutes; default role member,
      dashboard http://127.0.0.1:3000 or $CONVERGENT_DASHBOARD_URL).

${DB_OPTIONS}
`;

export const TOKEN_USAGE = `usage: convergent token <create|list|revoke> … [--team NAME]

  convergent token create [--team NAME] [--name LABEL] [--role admin|member] [--expires-in-days N]
      Create a team token for scripts (Authorization: Bearer <token>); printed once on stdout.
  convergent token list [--team NAME] [--all]
      Tokens and dashboard sessions of the team (--all: also revoked and expired ones).
  convergent token revoke ID|PREFIX [--team NAME]
      Revoke a token or session (its signed file links stop working with it; API processes notice
      within 10 s).

--team defaults to "local" (the npm start team) on the embedded database.
${DB_OPTIONS}
`;

export interface TeamCommandIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export interface TeamCommandOptions {
  /** Use this database instead of opening one (tests). */
  database?: Database;
}

/** Thrown for bad usage: exit code 2. */
class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Map<string, string[]>;
  switches: Set<string>;
}

/** `valued` and `switches` name their options with dashes (`--team`); parsed by the repository's one parser (engine cli/command.ts). */
function parse(args: readonly string[], valued: readonly string[], switches: readonly string[]): Parsed {
  const spec: Record<string, OptionSpec> = {};
  for (const flag of valued) spec[flag.slice(2)] = { type: 'string', multiple: true };
  for (const flag of switches) spec[flag.slice(2)] = { type: 'boolean' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    // The usage follows the error line (guarded), so no hint.
    parsed = parseArgs(args, spec, {});
  } catch (err) {
    if (err instanceof CliError) throw new UsageError(err.message);
    throw err;
  }
  const out: Parsed = { positional: parsed.positionals, flags: new Map(), switches: new Set() };
  for (const [name, value] of Object.entries(parsed.options)) {
    if (Array.isArray(value)) out.flags.set(`--${name}`, value);
    else if (value === true) out.switches.add(`--${name}`);
  }
  return out;
}

const one = (p: Parsed, flag: string): string | undefined => p.flags.get(flag)?.at(-1);

async function withDatabase<T>(p: Parsed, options: TeamCommandOptions, io: TeamCommandIO, run: (db: Database, embedded: boolean) => Promise<T>): Promise<T> {
  if (options.database) return run(options.database, options.database.kind === 'pglite');
  const url = one(p, '--database-url') ?? process.env.DATABASE_URL;
  let db: Database;
  let embedded = false;
  if (url) db = await openDatabase({ url, poolSize: 2 });
  else {
    const dbDir = path.resolve(one(p, '--data') ?? '.convergent', 'db');
    const running = embeddedDatabaseUrl(dbDir);
    embedded = true;
    let served: Database | null = null;
    if (running) {
      // A URL file left by a process that did not shut down cleanly points at nothing: open the folder instead.
      served = await openDatabase({ url: running, poolSize: 2 }).catch((err: Error) => {
        if (/ECONNREFUSED/.test(err.message)) return null;
        throw err;
      });
    }
    if (served) db = served;
    else if (existsSync(dbDir)) db = await openDatabase({ dataDir: dbDir, poolSize: 2 });
    else throw new UsageError(`no database: pass --database-url postgresql://user@host:5432/db, set DATABASE_URL, or run \`npm start\` once in this folder (no ${dbDir})`);
  }
  io.stderr.write(`convergent: database ${embedded ? path.resolve(one(p, '--data') ?? '.convergent', 'db') : redact(url!)}\n`);
  try {
    return await run(db, embedded);
  } finally {
    await db.close();
  }
}

function teamName(p: Parsed, embedded: boolean): string {
  const name = one(p, '--team') ?? (embedded ? 'local' : undefined);
  if (!name) throw new UsageError('--team NAME is required on a shared database (convergent team list shows the teams)');
  return name;
}

const when = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

function credentialTable(rows: CredentialSummary[]): string {
  const head = ['ID', 'PREFIX', 'KIND', 'ROLE', 'NAME', 'CREATED', 'LAST USED', 'EXPIRES', 'REVOKED'];
  const body = rows.map((r) => [r.id, r.prefix, r.kind.toLowerCase(), r.role.toLowerCase(), r.name, when(r.createdAt), when(r.lastUsedAt), when(r.expiresAt), when(r.revokedAt)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return `${[head, ...body].map((cols) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n')}\n`;
}

async function guarded(usage: string, prefix: string, io: TeamCommandIO, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    const message = (err as Error).message.replace(/\s*\n\s*/g, ' ');
    if (err instanceof UsageError) {
      io.stderr.write(`${prefix}: ${message}\n${usage}`);
      return 2;
    }
    io.stderr.write(`${prefix}: ${message}\n`);
    return 1;
  }
}

const COMMON_VALUED = ['--database-url', '--data'];

export async function teamCommand(args: readonly string[], io: TeamCommandIO = process, options: TeamCommandOptions = {}): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    (sub === undefined ? io.stderr : io.stdout).write(TEAM_USAGE);
    return sub === undefined ? 2 : 0;
  }
  const prefix = `convergent team ${sub}`;
  return guarded(TEAM_USAGE, prefix, io, async () => {
    if (sub === 'create') {
      const p = parse(rest, [...COMMON_VALUED, '--import-root', '--token-name'], []);
      if (p.positional.length !== 1) throw new UsageError('give exactly one team name');
      return withDatabase(p, options, io, async (db) => {
        const made = await createTeam(db.prisma, p.positional[0]!, { importRoots: p.flags.get('--import-root') ?? [], ...(one(p, '--token-name') ? { tokenName: one(p, '--token-name')! } : {}) });
        io.stdout.write(`${made.token}\n`);
        io.stderr.write(
          `created team ${made.team.name} (import roots: ${made.team.importRoots.join(', ') || 'none'}) and its admin token (id ${made.tokenId}), shown above once: keep it in a password manager or a 0600 file.\n` +
            `use it as Authorization: Bearer <token>; for the dashboard: convergent team sign-in ${JSON.stringify(made.team.name)} --role admin\n`,
        );
        return 0;
      });
    }
    if (sub === 'list') {
      const p = parse(rest, COMMON_VALUED, []);
      if (p.positional.length) throw new UsageError(`unexpected argument ${p.positional[0]}`);
      return withDatabase(p, options, io, async (db) => {
        const teams = await listTeams(db.prisma);
        if (teams.length === 0) io.stderr.write('no teams yet: convergent team create NAME\n');
        for (const t of teams) io.stdout.write(`${t.name}\t${t.tokens} token(s)\t${t.experiments} experiment(s)\timport roots: ${t.importRoots.join(', ') || 'none'}\n`);
        return 0;
      });
    }
    if (sub === 'import-roots') {
      const p = parse(rest, COMMON_VALUED, ['--clear']);
      const [name, ...dirs] = p.positional;
      if (!name) throw new UsageError('give the team name');
      if (p.switches.has('--clear') && dirs.length) throw new UsageError('--clear takes no folders');
      return withDatabase(p, options, io, async (db) => {
        const team = await findTeam(db.prisma, name);
        let roots = team.importRoots;
        if (dirs.length || p.switches.has('--clear')) {
          roots = await setImportRoots(db.prisma, team.id, dirs);
          for (const d of roots) if (!existsSync(d)) io.stderr.write(`convergent team import-roots: warning: ${d} does not exist on this machine (fine if it is the API server's path)\n`);
          io.stderr.write(`team ${team.name} may now import from: ${roots.join(', ') || 'nothing'} (API processes notice within 10 s)\n`);
        }
        for (const r of roots) io.stdout.write(`${r}\n`);
        return 0;
      });
    }
    if (sub === 'sign-in') {
      const p = parse(rest, [...COMMON_VALUED, '--role', '--name', '--dashboard'], []);
      if (p.positional.length !== 1) throw new UsageError('give exactly one team name');
      const role = parseRole(one(p, '--role') ?? 'member');
      const dashboard = (one(p, '--dashboard') ?? process.env.CONVERGENT_DASHBOARD_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
      if (!/^https?:\/\/[^/?#]+$/.test(dashboard)) throw new UsageError(`--dashboard must be the dashboard's origin such as http://127.0.0.1:3000 (got ${dashboard})`);
      return withDatabase(p, options, io, async (db) => {
        const team = await findTeam(db.prisma, p.positional[0]!);
        const { code, expiresAt } = await createSignInCode(db.prisma, team.id, { role, name: one(p, '--name') ?? `sign-in link (${role.toLowerCase()}, CLI)` });
        io.stdout.write(`${dashboard}${signInPath(code)}\n`);
        io.stderr.write(`one-time ${role.toLowerCase()} sign-in link for team ${team.name}: works once, until ${expiresAt.toISOString()}\n`);
        return 0;
      });
    }
    throw new UsageError(`unknown subcommand ${sub}`);
  });
}

export async function tokenCommand(args: readonly string[], io: TeamCommandIO = process, options: TeamCommandOptions = {}): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    (sub === undefined ? io.stderr : io.stdout).write(TOKEN_USAGE);
    return sub === undefined ? 2 : 0;
  }
  const prefix = `convergent token ${sub}`;
  return guarded(TOKEN_USAGE, prefix, io, async () => {
    if (sub === 'create') {
      const p = parse(rest, [...COMMON_VALUED, '--team', '--name', '--role', '--expires-in-days'], []);
      if (p.positional.length) throw new UsageError(`unexpected argument ${p.positional[0]} (name the token with --name)`);
      const role = parseRole(one(p, '--role') ?? 'member');
      const daysText = one(p, '--expires-in-days');
      const days = daysText === undefined ? null : Number(daysText);
      if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new UsageError(`--expires-in-days must be a whole number from 1 to 3650 (got ${daysText})`);
      return withDatabase(p, options, io, async (db, embedded) => {
        const team = await findTeam(db.prisma, teamName(p, embedded));
        const made = await createToken(db.prisma, team.id, { name: one(p, '--name') ?? 'script token (CLI)', role, expiresInDays: days });
        io.stdout.write(`${made.token}\n`);
        io.stderr.write(
          `created ${role.toLowerCase()} token ${JSON.stringify(made.credential.name)} (id ${made.credential.id}, prefix ${made.credential.prefix}, ${made.credential.expiresAt ? `expires ${when(made.credential.expiresAt)}` : 'never expires'}) for team ${team.name}; shown above once: send it as Authorization: Bearer <token>\n`,
        );
        return 0;
      });
    }
    if (sub === 'list') {
      const p = parse(rest, [...COMMON_VALUED, '--team'], ['--all']);
      if (p.positional.length) throw new UsageError(`unexpected argument ${p.positional[0]}`);
      return withDatabase(p, options, io, async (db, embedded) => {
        const team = await findTeam(db.prisma, teamName(p, embedded));
        const { rows } = await listCredentials(db.prisma, team.id, { includeInactive: p.switches.has('--all'), take: 1000 });
        if (rows.length === 0) io.stderr.write(`team ${team.name} has no ${p.switches.has('--all') ? '' : 'live '}tokens or sessions\n`);
        else io.stdout.write(credentialTable(rows));
        return 0;
      });
    }
    if (sub === 'revoke') {
      const p = parse(rest, [...COMMON_VALUED, '--team'], []);
      if (p.positional.length !== 1) throw new UsageError('give the id or prefix of one token (convergent token list shows them)');
      return withDatabase(p, options, io, async (db, embedded) => {
        const team = await findTeam(db.prisma, teamName(p, embedded));
        const row = await revokeCredential(db.prisma, team.id, p.positional[0]!);
        io.stdout.write(`revoked ${row.kind.toLowerCase()} ${JSON.stringify(row.name)} (${row.prefix}) of team ${team.name} at ${when(row.revokedAt)}; API processes refuse it within 10 s, its signed file links too\n`);
        return 0;
      });
    }
    throw new UsageError(`unknown subcommand ${sub}`);
  });
}
