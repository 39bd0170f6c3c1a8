// The hardening probes of issue 15 on the API side, over HTTP against a real database (PGlite and PostgreSQL):
// one-time sign-in codes exchanged for sessions, signed file URLs bound to the credential that asked for them
// (dying with it, surviving restarts), team administration restricted to admins, and per-team import roots that
// answer a forbidden and a missing path the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../src/db/test-databases.ts';
import { startApiServer, type ApiServer } from '../src/http/server.ts';
import { createSignInCode } from '../src/auth/sessions.ts';
import { FILE_LINK_KEY, serverKey } from '../src/auth/server-keys.ts';
import { seedExperiment, seedTeam, type Seeded } from './seed.ts';
import { codes, fetchBytes, gql, ok } from './helpers.ts';

const LAYERS = [{ name: 'conv1', kind: 'conv' as const, units: { small: 4 } }];

/** POST /auth/session as the dashboard's server does. */
async function exchange(url: string, code: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  return { status: res.status, body: await res.json() };
}

/** GraphQL with a dashboard session, as the dashboard's server forwards it. */
async function asSession(url: string, session: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Session ${session}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
}

const errorText = async (u: string, headers: Record<string, string> = {}) => {
  const r = await fetchBytes(u, headers);
  return { status: r.status, message: r.bytes.toString('utf8') };
};

describe.each(testDatabaseKinds())('sessions, signed links, team administration and import roots on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Database;
  let api: ApiServer;
  let A: { teamId: string; token: string };
  let B: { teamId: string; token: string };
  let seeded: Seeded;
  let rootA: string;
  let rootB: string;
  const url = () => api.url;
  const startApi = () => startApiServer({ database: db, port: 0, log: (m) => { if (process.env.API_TEST_LOG) console.error(m); } });
  const betweenUrl = async (auth: (q: string, v: Record<string, unknown>) => Promise<any>) => {
    const d = await auth('query($a: ID!, $b: ID!) { alignment(networkA: $a, networkB: $b, layer: "conv1") { betweenUrl } }', { a: seeded.networks[0]!.id, b: seeded.networks[1]!.id });
    return d.alignment.betweenUrl as string;
  };

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    db = await openDatabase(testDb.options);
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'convergent-roots-'));
    rootA = path.join(tmp, 'a');
    rootB = path.join(tmp, 'b');
    mkdirSync(path.join(rootA, 'results'), { recursive: true });
    mkdirSync(rootB, { recursive: true });
    writeFileSync(path.join(rootA, 'results', 'acts.npy'), 'x');
    A = await seedTeam(db.prisma, 'auth-a', { importRoots: [rootA] });
    B = await seedTeam(db.prisma, 'auth-b', { importRoots: [rootB] });
    seeded = await seedExperiment(db.prisma, A.teamId, { name: 'auth family', networks: [{ arch: 'small', seed: 0 }, { arch: 'small', seed: 1 }], layers: LAYERS, methods: ['HUNGARIAN'] });
    api = await startApi();
  });

  afterAll(async () => {
    await api?.close();
    await db?.close();
    await testDb?.dispose();
    if (rootA) rmSync(path.dirname(rootA), { recursive: true, force: true });
  });

  it('a one-time sign-in code opens one session; spent, expired and unknown codes are refused with a clear message', async () => {
    const { code } = await createSignInCode(db.prisma, A.teamId, { role: 'ADMIN', name: 'npm start' });
    const first = await exchange(url(), code);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ team: 'auth-a', role: 'ADMIN' });
    expect(first.body.session).toMatch(/^cvs_/);
    expect(Date.parse(first.body.expiresAt)).toBeGreaterThan(Date.now() + 24 * 3600_000);
    const viewer = await asSession(url(), first.body.session, '{ viewer { tokenName role credentialKind team { name } } }');
    expect(viewer.data?.viewer).toEqual({ tokenName: 'npm start', role: 'ADMIN', credentialKind: 'SESSION', team: { name: 'auth-a' } });

    const again = await exchange(url(), code);
    expect(again.status).toBe(401);
    expect(again.body.errors[0].message).toMatch(/already used.*get a new link/);

    const old = await createSignInCode(db.prisma, A.teamId, { ttlMs: -1000 });
    const expired = await exchange(url(), old.code);
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].message).toMatch(/expired at .*get a new link/);
    // Refused codes open nothing.
    expect(await db.prisma.apiToken.count({ where: { teamId: A.teamId, kind: 'SESSION' } })).toBe(1);

    expect((await exchange(url(), `cvc_${'x'.repeat(43)}`)).body.errors[0].message).toMatch(/not valid on this server/);
    expect((await exchange(url(), A.token)).status).toBe(401); // a team token is no sign-in code
    const badBody = await fetch(`${url()}/auth/session`, { method: 'POST', body: 'code=abc' });
    expect(badBody.status).toBe(400);
    expect((await fetch(`${url()}/auth/session?code=${code}`)).status).toBe(405); // never by GET (link previews)
  });

  it('of concurrent exchanges of one code exactly one wins', async () => {
    const { code } = await createSignInCode(db.prisma, A.teamId);
    const results = await Promise.all(Array.from({ length: 6 }, () => exchange(url(), code)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
  });

  it('sessions and tokens are not interchangeable, and never accepted from a URL', async () => {
    const { code } = await createSignInCode(db.prisma, A.teamId);
    const { session } = (await exchange(url(), code)).body;
    expect((await gql(url(), session, '{ viewer { tokenName } }')).status).toBe(401); // a session secret as Bearer
    expect((await asSession(url(), A.token, '{ viewer { tokenName } }')).status).toBe(401); // a token as Session
    const viaQuery = await fetch(`${url()}/graphql?token=${A.token}&query=${encodeURIComponent('{ viewer { tokenName } }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(viaQuery.status).toBe(401);
  });

  it('signing out revokes the session at once, and the file links it was given with it', async () => {
    const { code } = await createSignInCode(db.prisma, A.teamId);
    const { session } = (await exchange(url(), code)).body;
    const link = await betweenUrl(async (q, v) => (await asSession(url(), session, q, v)).data);
    expect(new URL(link).searchParams.get('sig')).toBeTruthy();
    expect((await fetchBytes(link)).status).toBe(200);
    const out = await fetch(`${url()}/auth/sign-out`, { method: 'POST', headers: { authorization: `Session ${session}` } });
    expect(out.status).toBe(204);
    expect((await asSession(url(), session, '{ viewer { tokenName } }')).status).toBe(401);
    const dead = await errorText(link);
    expect(dead.status).toBe(401);
    expect(dead.message).toMatch(/issued to a token or dashboard session that has since been revoked/);
    // Team tokens are not signed out this way.
    expect((await fetch(`${url()}/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${A.token}` } })).status).toBe(401);
  });

  it('revoking a token kills its signed URLs, and only its own', async () => {
    const made = await ok(url(), A.token, 'mutation { createToken(input: { name: "notebook", expiresInDays: 30 }) { token credential { id name role kind prefix expiresAt current } } }');
    const { token, credential } = made.createToken;
    expect(credential).toMatchObject({ name: 'notebook', role: 'MEMBER', kind: 'TOKEN', current: false });
    expect(token.startsWith(credential.prefix)).toBe(true);
    const notebookLink = await betweenUrl((q, v) => ok(url(), token, q, v));
    const adminLink = await betweenUrl((q, v) => ok(url(), A.token, q, v));
    expect(notebookLink).not.toBe(adminLink); // bound to different credentials
    expect((await fetchBytes(notebookLink)).status).toBe(200);

    const revoked = await ok(url(), A.token, 'mutation($id: ID!) { revokeCredential(id: $id) { id revokedAt } }', { id: credential.id });
    expect(revoked.revokeCredential.revokedAt).not.toBeNull();
    // At once in this process (no 10 s grace for a revocation made here).
    expect((await gql(url(), token, '{ viewer { tokenName } }')).status).toBe(401);
    const dead = await errorText(notebookLink);
    expect(dead.status).toBe(401);
    expect(dead.message).toMatch(/revoked or has expired/);
    expect((await fetchBytes(adminLink)).status).toBe(200);
  });

  it('signed URLs survive an API restart (the key is in the database); expired and edited ones say so', async () => {
    const link = await betweenUrl((q, v) => ok(url(), A.token, q, v));
    await api.close();
    api = await startApi();
    const moved = link.replace(/^http:\/\/[^/]+/, url()); // the new server listens on another port
    expect((await fetchBytes(moved)).status).toBe(200);

    // A link signed with the server's key for a time in the past: expired, not "invalid".
    const u = new URL(moved);
    const [, credentialId] = u.searchParams.get('sig')!.split('.');
    const scope = u.pathname.replace(/^\/files\//, '').split('/').slice(0, 2).join('/');
    const exp = Math.floor(Date.now() / 1000) - 60;
    const key = await serverKey(db.prisma, FILE_LINK_KEY);
    const mac = createHmac('sha256', key).update(`${scope}\n${exp}\n${credentialId}`).digest('base64url');
    u.searchParams.set('sig', `${exp}.${credentialId}.${mac}`);
    const expired = await errorText(u.toString());
    expect(expired.status).toBe(401);
    expect(expired.message).toMatch(/expired at .*ask the API for a fresh one/);

    // Another credential id under the same MAC: invalid.
    u.searchParams.set('sig', `${exp + 3600}.${A.teamId}.${mac}`);
    expect((await errorText(u.toString())).message).toMatch(/not valid for this file/);
    // With a header credential an out-of-date link still opens (a long-open dashboard page).
    expect((await fetchBytes(u.toString(), { authorization: `Bearer ${A.token}` })).status).toBe(200);
  });

  it('tokens, sessions and sign-in links are managed by team admins only', async () => {
    const member = (await ok(url(), A.token, 'mutation { createToken(input: { name: "member script" }) { token credential { id } } }')).createToken;
    const q = {
      list: '{ team { credentials { totalCount edges { node { id name } } } } }',
      create: 'mutation { createToken(input: { name: "x", role: ADMIN }) { token } }',
      link: 'mutation { createSignInLink(input: { name: "guest" }) { code } }',
    };
    for (const query of Object.values(q)) expect(await codes(url(), member.token, query), query).toEqual(['FORBIDDEN']);
    const adminCredential = (await ok(url(), A.token, '{ team { credentials(kind: TOKEN) { edges { node { id current } } } } }')).team.credentials.edges.find((e: any) => e.node.current).node.id;
    expect(await codes(url(), member.token, 'mutation($id: ID!) { revokeCredential(id: $id) { id } }', { id: adminCredential })).toEqual(['FORBIDDEN']);
    // Another team's admin cannot see or touch them either.
    expect(await codes(url(), B.token, 'mutation($id: ID!) { revokeCredential(id: $id) { id } }', { id: member.credential.id })).toEqual(['NOT_FOUND']);
    const listedByB = (await ok(url(), B.token, q.list)).team.credentials.edges.map((e: any) => e.node.id);
    expect(listedByB).not.toContain(member.credential.id);

    const listed = (await ok(url(), A.token, q.list)).team.credentials.edges.map((e: any) => e.node.name);
    expect(listed).toContain('member script');
    expect(listed).not.toContain('notebook'); // revoked above: inactive ones only on request
    const all = (await ok(url(), A.token, '{ team { credentials(includeInactive: true) { edges { node { name revokedAt } } } } }')).team.credentials.edges;
    expect(all.find((e: any) => e.node.name === 'notebook').node.revokedAt).not.toBeNull();

    // An admin's sign-in link works once, with the role it was made for.
    const link = (await ok(url(), A.token, 'mutation { createSignInLink(input: { name: "guest", role: MEMBER }) { code path expiresAt } }')).createSignInLink;
    expect(link.path).toBe(`/sign-in#code=${link.code}`);
    const guest = await exchange(url(), link.code);
    expect(guest.body).toMatchObject({ team: 'auth-a', role: 'MEMBER' });
    expect(await codes(url(), A.token, 'mutation { createToken(input: { name: "" }) { token } }')).toEqual(['BAD_USER_INPUT']);

    // Anyone may revoke their own credential.
    expect((await ok(url(), member.token, 'mutation($id: ID!) { revokeCredential(id: $id) { revokedAt } }', { id: member.credential.id })).revokeCredential.revokedAt).not.toBeNull();
    expect((await gql(url(), member.token, '{ viewer { tokenName } }')).status).toBe(401);
  });

  it('import roots are per team, and a forbidden or missing path answers the same way', async () => {
    const importResult = (token: string, p: string) => gql(url(), token, 'mutation($p: String!) { importResult(input: { path: $p }) { experiment { id } } }', { p });
    const team = (await ok(url(), B.token, '{ team { importRoots } }')).team;
    expect(team.importRoots).toEqual([rootB]);
    // A symlink inside B's root that leads into A's root must not open it either.
    symlinkSync(rootA, path.join(rootB, 'into-a'));
    const probes = [
      path.join(rootA, 'results'), // exists, team A's
      path.join(rootA, 'missing'), // missing, team A's
      path.join(rootB, 'missing'), // missing, own root
      path.join(rootB, 'into-a', 'results'), // exists behind a symlink
      path.join(rootB, 'into-a', 'missing'),
      path.join(rootB, '..', 'a', 'results'),
      '/etc',
      '/no/such/dir',
    ];
    const answers = [];
    for (const p of probes) {
      const r = await importResult(B.token, p);
      expect(r.errors?.[0]?.extensions?.code, p).toBe('BAD_USER_INPUT');
      answers.push(r.errors![0]!.message.replace(JSON.stringify(p), '<path>'));
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/is not an existing directory inside team auth-b's import roots/);
    // Team A reaches its own folder (the path check passes; the folder is no result directory).
    const own = await importResult(A.token, path.join(rootA, 'results'));
    expect(own.errors?.[0]?.message).toMatch(/Cannot import/);
    // A file where a directory is expected, inside the roots: same answer again.
    const file = await importResult(A.token, path.join(rootA, 'results', 'acts.npy'));
    expect(file.errors?.[0]?.message).toMatch(/is not an existing directory inside team auth-a's import roots/);

    // The other two ways in, activation files and a spec's dataset files: one answer for all of them too.
    const filesProbes = [
      path.join(rootA, 'results', 'acts.npy'), // exists, team A's
      path.join(rootA, 'results', 'missing.npy'),
      path.join(rootB, 'missing.npy'),
      path.join(rootB, 'into-a', 'results', 'acts.npy'), // exists behind a symlink
      path.join(rootB, '..', 'a', 'results', 'acts.npy'),
      '/no/such/file.npy',
    ];
    const activations = (p: string) =>
      gql(url(), B.token, `mutation($p: String!) { importActivations(input: { name: "probe", networks: [
        { name: "a", architecture: "m", seed: 0, layers: [{ name: "h", path: $p }] }, { name: "b", architecture: "m", seed: 1, layers: [{ name: "h", path: $p }] }] }) { experiment { id } } }`, { p });
    const dataset = (p: string) =>
      gql(url(), B.token, 'mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id } } }', {
        input: {
          name: 'probe',
          spec: {
            name: 'probe',
            dataset: { npy: { images: p, labels: p } },
            split: { seed: 1, validation: 10, probe: 10 },
            architectures: [{ name: 'tiny', inputShape: [8, 8, 1], layers: [{ type: 'flatten' }, { type: 'dense', name: 'fc', units: 4, record: true }, { type: 'dense', units: 3 }] }],
            seeds: [1, 2],
            training: { epochs: 1, batchSize: 16, optimizer: 'adam', learningRate: 0.01 },
          },
        },
      });
    for (const probe of [activations, dataset]) {
      const seen = new Set<string>();
      for (const p of filesProbes) {
        const r = await probe(p);
        expect(r.errors?.[0]?.extensions?.code, p).toBe('BAD_USER_INPUT');
        seen.add(r.errors![0]!.message.replace(JSON.stringify(p), '<path>'));
      }
      expect([...seen]).toEqual([expect.stringMatching(/^<path> is not an existing file inside team auth-b's import roots/)]);
    }
    expect(await db.prisma.experiment.count({ where: { teamId: B.teamId } })).toBe(0);
  });
});
