// Credentials: a random secret shown once, stored only as its SHA-256 (a database leak reveals no usable
// secret). Each credential belongs to one team and has a role; every read and write of the API is filtered by
// that team. Two kinds share this table and this code:
//   TOKEN    `cvg_…`  team tokens for scripts, sent as `Authorization: Bearer <token>` (never in a URL)
//   SESSION  `cvs_…`  dashboard sessions made from a one-time sign-in link (sessions.ts); the secret lives only
//                     in the dashboard's HttpOnly cookie, and the dashboard server forwards it to the API as
//                     `Authorization: Session <secret>`
import { createHash, randomBytes } from 'node:crypto';
import type { CredentialKind, PrismaClient, TeamRole } from '../generated/prisma/client.ts';

/** Human-recognisable prefix of every token secret ("cvg_"), then 32 random bytes in base64url. */
export const TOKEN_PREFIX = 'cvg_';
/** Prefix of session secrets. */
export const SESSION_PREFIX = 'cvs_';

export type Role = TeamRole;
export type Kind = CredentialKind;

/** A live credential and its team. */
export interface AuthenticatedTeam {
  teamId: string;
  teamName: string;
  tokenId: string;
  tokenName: string;
  kind: Kind;
  role: Role;
  /** The team's import roots (absolute folders on the API server). */
  importRoots: string[];
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function generateSecret(prefix: string = TOKEN_PREFIX): string {
  return prefix + randomBytes(32).toString('base64url');
}

export interface CreateCredentialOptions {
  expiresAt?: Date | null;
  role?: Role;
  kind?: Kind;
}

/** Create a credential for a team; returns the secret (the only time it exists in clear). */
export async function createApiToken(
  prisma: Pick<PrismaClient, 'apiToken'>,
  teamId: string,
  name: string,
  options: CreateCredentialOptions = {},
): Promise<{ id: string; token: string }> {
  const kind = options.kind ?? 'TOKEN';
  const token = generateSecret(kind === 'SESSION' ? SESSION_PREFIX : TOKEN_PREFIX);
  const row = await prisma.apiToken.create({
    data: {
      teamId,
      name,
      kind,
      role: options.role ?? 'MEMBER',
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashToken(token),
      expiresAt: options.expiresAt ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

const CREDENTIAL_SELECT = {
  id: true,
  name: true,
  kind: true,
  role: true,
  revokedAt: true,
  expiresAt: true,
  lastUsedAt: true,
  team: { select: { id: true, name: true, importRoots: true } },
} as const;

type CredentialRow = {
  id: string;
  name: string;
  kind: Kind;
  role: Role;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  team: { id: string; name: string; importRoots: string[] };
};

function live(row: CredentialRow | null, kind: Kind | undefined): AuthenticatedTeam | null {
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  if (kind && row.kind !== kind) return null;
  return {
    teamId: row.team.id,
    teamName: row.team.name,
    tokenId: row.id,
    tokenName: row.name,
    kind: row.kind,
    role: row.role,
    importRoots: row.team.importRoots ?? [],
  };
}

/**
 * Resolve a secret to its team, or null when unknown, revoked, expired or of another kind than `kind` (a
 * session secret is no bearer token and vice versa). Records `lastUsedAt` at most once a minute.
 */
export async function authenticateToken(prisma: PrismaClient, secret: string, kind: Kind = 'TOKEN'): Promise<AuthenticatedTeam | null> {
  if (!secret || secret.length > 200) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(secret) }, select: CREDENTIAL_SELECT });
  const auth = live(row, kind);
  if (auth && (!row!.lastUsedAt || Date.now() - row!.lastUsedAt.getTime() > 60_000)) {
    // Bookkeeping only: a failure here must not fail the request.
    await prisma.apiToken.update({ where: { id: row!.id }, data: { lastUsedAt: new Date() }, select: { id: true } }).catch(() => {});
  }
  return auth;
}

/** The credential with this id when it is still live (signed file URLs name their credential). */
export async function authenticateCredentialId(prisma: PrismaClient, id: string): Promise<AuthenticatedTeam | null> {
  if (!id || id.length > 64) return null;
  return live(await prisma.apiToken.findUnique({ where: { id }, select: CREDENTIAL_SELECT }), undefined);
}

/** A secret and the kind its scheme promises, from an `Authorization` header. */
export interface PresentedCredential {
  secret: string;
  kind: Kind;
}

/**
 * Parse `Authorization: Bearer <token>` (a team token) or `Authorization: Session <secret>` (a dashboard session,
 * forwarded by the dashboard server). Credentials are never read from URLs.
 */
export function credentialFromHeader(authorization: string | undefined): PresentedCredential | null {
  if (!authorization) return null;
  const m = /^(Bearer|Session)\s+(\S+)\s*$/i.exec(authorization);
  if (!m) return null;
  return { secret: m[2]!, kind: m[1]!.toLowerCase() === 'session' ? 'SESSION' : 'TOKEN' };
}
