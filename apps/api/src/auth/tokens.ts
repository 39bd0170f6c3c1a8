// API tokens: a random secret shown once, stored only as its SHA-256 (a token database leak reveals no usable
// token). Tokens are scoped to one team; every read and write of the API is filtered by that team.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Human-recognisable prefix of every secret ("cvg_"), then 32 random bytes in base64url. */
export const TOKEN_PREFIX = 'cvg_';

export interface AuthenticatedTeam {
  teamId: string;
  teamName: string;
  tokenId: string;
  tokenName: string;
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Create a token for a team; returns the secret (the only time it exists in clear). */
export async function createApiToken(
  prisma: PrismaClient,
  teamId: string,
  name: string,
  options: { expiresAt?: Date } = {},
): Promise<{ id: string; token: string }> {
  const token = generateTokenSecret();
  const row = await prisma.apiToken.create({
    data: {
      teamId,
      name,
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashToken(token),
      expiresAt: options.expiresAt ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** Resolve a secret to its team, or null when unknown, revoked or expired. */
export async function authenticateToken(prisma: PrismaClient, secret: string): Promise<AuthenticatedTeam | null> {
  if (!secret || secret.length > 200) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, name: true, revokedAt: true, expiresAt: true, team: { select: { id: true, name: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  return { teamId: row.team.id, teamName: row.team.name, tokenId: row.id, tokenName: row.name };
}

/** Pull the secret from `Authorization: Bearer <token>`, or (file routes only) from `?token=`. */
export function tokenFromRequest(authorization: string | undefined, queryToken: string | null | undefined): string | null {
  if (authorization) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return m?.[1] ?? null;
  }
  return queryToken ?? null;
}
