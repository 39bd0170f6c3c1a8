// Who is asking: resolves the credential of a request (Authorization header) or of a signed file URL (its
// credential id) to a live credential and its team, remembering answers for a few seconds (one query less per
// request). A credential revoked through this process is forgotten at once; one revoked elsewhere (the CLI,
// another API process) stops working within AUTH_TTL_MS.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { authenticateCredentialId, authenticateToken, credentialFromHeader, type AuthenticatedTeam } from './tokens.ts';

/** How long a credential's team is remembered (a credential revoked elsewhere stops working at most this much later). */
export const AUTH_TTL_MS = 10_000;

export type RequestAuth = { ok: true; auth: AuthenticatedTeam } | { ok: false; message: string };

export interface Authenticator {
  /** The credential an `Authorization: Bearer <token>` or `Authorization: Session <secret>` header presents. */
  fromHeader(authorization: string | undefined): Promise<RequestAuth>;
  /** A live credential by id (signed file URLs carry it), else null. */
  byId(id: string): Promise<AuthenticatedTeam | null>;
  /** Forget what is remembered about a credential (call after revoking it). */
  forget(credentialId: string): void;
}

export const MISSING_CREDENTIALS = 'missing credentials: send Authorization: Bearer <team token> (scripts), or sign in to the dashboard';

export function createAuthenticator(prisma: PrismaClient, options: { ttlMs?: number } = {}): Authenticator {
  const ttl = options.ttlMs ?? AUTH_TTL_MS;
  const bySecret = new Map<string, { auth: AuthenticatedTeam | null; until: number }>();
  const byIdSeen = new Map<string, { auth: AuthenticatedTeam | null; until: number }>();

  async function remembered<K>(map: Map<K, { auth: AuthenticatedTeam | null; until: number }>, key: K, look: () => Promise<AuthenticatedTeam | null>) {
    const now = Date.now();
    const hit = map.get(key);
    if (hit && hit.until > now) return hit.auth;
    const auth = await look();
    if (map.size >= 1000) map.clear();
    // Unknown secrets are remembered briefly only (a new credential works within a second).
    map.set(key, { auth, until: now + (auth ? ttl : Math.min(ttl, 1000)) });
    return auth;
  }

  return {
    async fromHeader(authorization) {
      if (!authorization) return { ok: false, message: MISSING_CREDENTIALS };
      const presented = credentialFromHeader(authorization);
      if (!presented) return { ok: false, message: 'malformed Authorization header: expected `Bearer <team token>`' };
      const auth = await remembered(bySecret, `${presented.kind}:${presented.secret}`, () => authenticateToken(prisma, presented.secret, presented.kind));
      if (!auth) {
        return {
          ok: false,
          message: presented.kind === 'SESSION' ? 'your dashboard session has expired or was revoked: sign in again' : 'invalid, revoked or expired API token',
        };
      }
      return { ok: true, auth };
    },
    byId(id) {
      return remembered(byIdSeen, id, () => authenticateCredentialId(prisma, id));
    },
    forget(credentialId) {
      for (const [key, v] of bySecret) if (v.auth?.tokenId === credentialId) bySecret.delete(key);
      byIdSeen.delete(credentialId);
    },
  };
}
