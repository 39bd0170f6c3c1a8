// `convergent team …` and `convergent token …` on a real (PGlite) database: what they print, what they store,
// and one-line errors for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { exchangeSignInCode } from './sessions.ts';
import { teamCommand, tokenCommand } from './team-command.ts';
import { authenticateToken } from './tokens.ts';
import { captureIo } from '@convergent/engine/testing';


describe('convergent team / token', () => {
  let testDb: TestDatabase;
  let db: Database;
  const run = async (cmd: typeof teamCommand, args: string[]) => {
    const c = captureIo();
    const code = await cmd(args, c.io, { database: db });
    return { code, out: c.out(), err: c.err() };
  };

  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    db = await openDatabase(testDb.options);
  });
  afterAll(async () => {
    await db?.close();
    await testDb?.dispose();
  });

  it('team create prints an admin token once on stdout and stores its roots; names are unique', async () => {
    const r = await run(teamCommand, ['create', 'vision lab', '--import-root', '/data/vision', '--import-root', '/data/shared/']);
    expect(r.code).toBe(0);
    const token = r.out.trim();
    expect(token).toMatch(/^cvg_[A-Za-z0-9_-]{43}$/);
    expect(r.err).toContain('shown above once');
    expect(r.err).not.toContain(token);
    expect(await authenticateToken(db.prisma, token)).toMatchObject({ teamName: 'vision lab', role: 'ADMIN', importRoots: ['/data/vision', '/data/shared'] });

    const dup = await run(teamCommand, ['create', 'vision lab']);
    expect(dup.code).toBe(1);
    expect(dup.err.trim().split('\n')).toHaveLength(1);
    expect(dup.err).toMatch(/already exists/);
    expect((await run(teamCommand, ['create', '../evil'])).err).toMatch(/team name must be/);
    expect((await run(teamCommand, ['create', 'x', '--import-root', 'relative'])).err).toMatch(/must be an absolute path/);
    expect(await db.prisma.team.count({ where: { name: { in: ['../evil', 'x'] } } })).toBe(0);

    const list = await run(teamCommand, ['list']);
    expect(list.out).toMatch(/^vision lab\t1 token\(s\)\t0 experiment\(s\)\timport roots: \/data\/vision, \/data\/shared$/m);
  });

  it('team import-roots shows, replaces and clears a team\'s roots', async () => {
    expect((await run(teamCommand, ['import-roots', 'vision lab'])).out).toBe('/data/vision\n/data/shared\n');
    const set = await run(teamCommand, ['import-roots', 'vision lab', '/srv/a']);
    expect(set.out).toBe('/srv/a\n');
    expect(set.err).toMatch(/does not exist on this machine/);
    expect((await db.prisma.team.findUniqueOrThrow({ where: { name: 'vision lab' } })).importRoots).toEqual(['/srv/a']);
    expect((await run(teamCommand, ['import-roots', 'vision lab', '--clear'])).out).toBe('');
    expect((await db.prisma.team.findUniqueOrThrow({ where: { name: 'vision lab' } })).importRoots).toEqual([]);
    const unknown = await run(teamCommand, ['import-roots', 'nope', '/x']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no team named "nope" \(teams: vision lab\)/);
  });

  it('team sign-in prints a one-time link whose code opens a session with the asked role', async () => {
    const r = await run(teamCommand, ['sign-in', 'vision lab', '--role', 'admin', '--dashboard', 'https://convergent.example.org/']);
    expect(r.code).toBe(0);
    const m = /^https:\/\/convergent\.example\.org\/sign-in#code=(cvc_[A-Za-z0-9_-]{43})\n$/.exec(r.out);
    expect(m, r.out).not.toBeNull();
    const session = await exchangeSignInCode(db.prisma, m![1]!);
    expect(session).toMatchObject({ teamName: 'vision lab', role: 'ADMIN' });
    await expect(exchangeSignInCode(db.prisma, m![1]!)).rejects.toThrow(/already used/);
    expect((await run(teamCommand, ['sign-in', 'vision lab', '--role', 'owner'])).err).toMatch(/role must be admin or member/);
    expect((await run(teamCommand, ['sign-in', 'vision lab', '--dashboard', 'http://h/path?x'])).code).toBe(2);
  });

  it('token create / list / revoke', async () => {
    const made = await run(tokenCommand, ['create', '--team', 'vision lab', '--name', 'ci', '--expires-in-days', '30']);
    expect(made.code).toBe(0);
    const token = made.out.trim();
    const auth = await authenticateToken(db.prisma, token);
    expect(auth).toMatchObject({ role: 'MEMBER', tokenName: 'ci' });
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: auth!.tokenId } });
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const list = await run(tokenCommand, ['list', '--team', 'vision lab']);
    expect(list.out.split('\n')[0]).toMatch(/^ID\s+PREFIX\s+KIND\s+ROLE\s+NAME/);
    expect(list.out).toContain(row.prefix);
    expect(list.out).toMatch(/session\s+admin/); // the sign-in above
    expect(list.out).not.toContain(token); // never the secret

    const revoked = await run(tokenCommand, ['revoke', row.prefix, '--team', 'vision lab']);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toMatch(/revoked token "ci"/);
    expect(await authenticateToken(db.prisma, token)).toBeNull();
    expect((await run(tokenCommand, ['list', '--team', 'vision lab'])).out).not.toContain(row.prefix);
    expect((await run(tokenCommand, ['list', '--team', 'vision lab', '--all'])).out).toContain(row.prefix);

    // Tokens of another team are out of reach by id or prefix.
    await run(teamCommand, ['create', 'other']);
    const otherRow = await db.prisma.apiToken.findFirstOrThrow({ where: { team: { name: 'other' } } });
    const cross = await run(tokenCommand, ['revoke', otherRow.id, '--team', 'vision lab']);
    expect(cross.code).toBe(1);
    expect(cross.err).toMatch(/no token or session/);
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: otherRow.id } })).revokedAt).toBeNull();
  });

  it('bad usage exits 2 with the problem on the first line and the usage after it', async () => {
    for (const [cmd, args, problem] of [
      [tokenCommand, ['create', '--team', 'vision lab', '--expires-in-days', 'soon'], /--expires-in-days must be a whole number/],
      [tokenCommand, ['create', '--bogus'], /unknown option --bogus/],
      [tokenCommand, ['revoke'], /give the id or prefix/],
      [teamCommand, ['create'], /give exactly one team name/],
      [teamCommand, ['rename', 'x'], /unknown subcommand rename/],
    ] as const) {
      const r = await run(cmd, [...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(problem);
      expect(r.err).toContain('usage: convergent');
    }
    // On a shared database the team must be named.
    const shared = captureIo();
    const code = await tokenCommand(['list'], shared.io, { database: { ...db, kind: 'postgres' } });
    expect(code).toBe(2);
    expect(shared.err()).toMatch(/--team NAME is required/);
  });
});
