// Dashboard sign-in: a one-time code (the secret of a sign-in link such as
// http://127.0.0.1:3000/sign-in#code=cvc_…) is exchanged once, by POST, for a SESSION credential whose secret the
// dashboard keeps in an HttpOnly, SameSite=Strict cookie. Codes live minutes; only their hashes are stored; the
// exchange marks a code spent in the same statement that checks it, so two exchanges of one code cannot both win.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createApiToken, generateSecret, hashToken, type Role } from './tokens.ts';

export const CODE_PREFIX = 'cvc_';
/** How long a sign-in link works (default). */
export const SIGN_IN_CODE_TTL_MS = 15 * 60_000;
/** How long a dashboard session lasts (default). */
export const SESSION_TTL_MS = 7 * 24 * 3600_000;

/** Where a fresh link comes from, for the messages of refused codes. */
export const NEW_LINK_HINT =
  'get a new link: restart `npm start` (it prints one), run `convergent team sign-in <team>`, or ask a team admin (Settings → Sign-in links)';

export interface SignInCode {
  /** The secret: put it in the link's fragment (`/sign-in#code=<code>`), never in a query string. */
  code: string;
  expiresAt: Date;
}

export async function createSignInCode(
  prisma: PrismaClient,
  teamId: string,
  options: { role?: Role; name?: string; ttlMs?: number } = {},
): Promise<SignInCode> {
  const code = generateSecret(CODE_PREFIX);
  const expiresAt = new Date(Date.now() + (options.ttlMs ?? SIGN_IN_CODE_TTL_MS));
  // Codes are worthless a day after they expire (kept that long so a late click still hears why it failed).
  await prisma.signInCode.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86_400_000) } } });
  await prisma.signInCode.create({
    data: { teamId, codeHash: hashToken(code), role: options.role ?? 'MEMBER', name: options.name ?? 'sign-in link', expiresAt },
    select: { id: true },
  });
  return { code, expiresAt };
}

/** Why a code was refused; `message` is for the person holding the link. */
export class SignInError extends Error {
  constructor(
    readonly reason: 'INVALID' | 'USED' | 'EXPIRED',
    message: string,
  ) {
    super(message);
  }
}

export interface Session {
  /** The session secret (goes into the dashboard's cookie, nowhere else). */
  secret: string;
  id: string;
  expiresAt: Date;
  teamName: string;
  role: Role;
}

/** Spend a sign-in code and open a session; throws SignInError when the code is unknown, spent or expired. */
export async function exchangeSignInCode(prisma: PrismaClient, code: string, options: { sessionTtlMs?: number } = {}): Promise<Session> {
  if (typeof code !== 'string' || !code.startsWith(CODE_PREFIX) || code.length > 200) {
    throw new SignInError('INVALID', `this is not a sign-in code (they start with ${CODE_PREFIX}); ${NEW_LINK_HINT}`);
  }
  const codeHash = hashToken(code);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + (options.sessionTtlMs ?? SESSION_TTL_MS));
  return prisma.$transaction(async (tx) => {
    // Check and spend in one statement: of two concurrent exchanges exactly one sees count 1.
    const spent = await tx.signInCode.updateMany({ where: { codeHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    const row = await tx.signInCode.findUnique({ where: { codeHash }, select: { teamId: true, role: true, name: true, usedAt: true, expiresAt: true, team: { select: { name: true } } } });
    if (spent.count !== 1 || !row) {
      if (!row) throw new SignInError('INVALID', `this sign-in link is not valid on this server (mistyped, or from another installation); ${NEW_LINK_HINT}`);
      if (!row.usedAt) {
        throw new SignInError('EXPIRED', `this sign-in link expired at ${row.expiresAt.toISOString()} (links work for ${Math.round(SIGN_IN_CODE_TTL_MS / 60_000)} minutes, once); ${NEW_LINK_HINT}`);
      }
      throw new SignInError('USED', `this sign-in link was already used (at ${row.usedAt.toISOString()}); a link signs in once. If that was not you, ask a team admin to revoke the session. To sign in again, ${NEW_LINK_HINT}`);
    }
    const session = await createApiToken(tx, row.teamId, row.name, { kind: 'SESSION', role: row.role, expiresAt });
    return { secret: session.token, id: session.id, expiresAt, teamName: row.team.name, role: row.role };
  });
}
