// Tokens and the embedded-mode local team, on a real (PGlite) database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { ensureLocalTeam } from './local-team.ts';
import { authenticateCredentialId, authenticateToken, createApiToken, credentialFromHeader, hashToken } from './tokens.ts';

describe('API tokens and the local team', () => {
  let testDb: TestDatabase;
  let db: Database;
  let dir: string;

  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    db = await openDatabase(testDb.options);
    dir = mkdtempSync(path.join(os.tmpdir(), 'convergent-token-'));
  });
  afterAll(async () => {
    await db?.close();
    await testDb?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ensureLocalTeam creates the team and a working token once, then reuses it', async () => {
    const tokenFile = path.join(dir, 'local-token');
    const first = await ensureLocalTeam(db.prisma, { tokenFile });
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^cvg_[A-Za-z0-9_-]{43}$/);
    // The local token administers its team (it is the only way in before any sign-in link).
    expect(await authenticateToken(db.prisma, first.token!)).toMatchObject({ teamId: first.team.id, role: 'ADMIN', kind: 'TOKEN' });
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(first.token);
    expect(statSync(tokenFile).mode & 0o077).toBe(0);
    // Only the hash is stored.
    const row = await db.prisma.apiToken.findFirstOrThrow({ where: { teamId: first.team.id } });
    expect(row.tokenHash).toBe(hashToken(first.token!));
    expect(JSON.stringify(row)).not.toContain(first.token!);

    const again = await ensureLocalTeam(db.prisma, { tokenFile });
    expect(again).toEqual({ team: first.team, token: first.token, created: false });
    expect(await ensureLocalTeam(db.prisma)).toEqual({ team: first.team, token: null, created: false });
    expect(await db.prisma.apiToken.count({ where: { teamId: first.team.id } })).toBe(1);
  });

  it('rejects unknown, revoked and expired tokens', async () => {
    const team = await db.prisma.team.create({ data: { name: 'tokens' } });
    const live = await createApiToken(db.prisma, team.id, 'live');
    const revoked = await createApiToken(db.prisma, team.id, 'revoked');
    const expired = await createApiToken(db.prisma, team.id, 'expired', { expiresAt: new Date(Date.now() - 1000) });
    await db.prisma.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect(await authenticateToken(db.prisma, live.token)).toMatchObject({ teamId: team.id, tokenName: 'live', teamName: 'tokens' });
    expect(await authenticateToken(db.prisma, revoked.token)).toBeNull();
    expect(await authenticateToken(db.prisma, expired.token)).toBeNull();
    expect(await authenticateToken(db.prisma, `${live.token}x`)).toBeNull();
    expect(await authenticateToken(db.prisma, '')).toBeNull();
  });

  it('a session secret is no bearer token and a token no session; credentials by id die with revocation', async () => {
    const team = await db.prisma.team.create({ data: { name: 'kinds' } });
    const token = await createApiToken(db.prisma, team.id, 'script');
    const session = await createApiToken(db.prisma, team.id, 'browser', { kind: 'SESSION', role: 'ADMIN' });
    expect(session.token).toMatch(/^cvs_/);
    expect(await authenticateToken(db.prisma, token.token, 'TOKEN')).toMatchObject({ kind: 'TOKEN', role: 'MEMBER' });
    expect(await authenticateToken(db.prisma, token.token, 'SESSION')).toBeNull();
    expect(await authenticateToken(db.prisma, session.token, 'TOKEN')).toBeNull();
    expect(await authenticateToken(db.prisma, session.token, 'SESSION')).toMatchObject({ kind: 'SESSION', role: 'ADMIN', tokenName: 'browser' });
    expect(await authenticateCredentialId(db.prisma, session.id)).toMatchObject({ tokenId: session.id });
    await db.prisma.apiToken.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    expect(await authenticateCredentialId(db.prisma, session.id)).toBeNull();
    // Use is recorded (to the minute) for the token list.
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
  });

  it('reads credentials from the Authorization header only: Bearer for tokens, Session for dashboard sessions', () => {
    expect(credentialFromHeader('Bearer abc')).toEqual({ secret: 'abc', kind: 'TOKEN' });
    expect(credentialFromHeader('bearer  abc ')).toEqual({ secret: 'abc', kind: 'TOKEN' });
    expect(credentialFromHeader('Session cvs_x')).toEqual({ secret: 'cvs_x', kind: 'SESSION' });
    expect(credentialFromHeader('Basic xyz')).toBeNull();
    expect(credentialFromHeader('Bearer a b')).toBeNull();
    expect(credentialFromHeader(undefined)).toBeNull();
  });
});
