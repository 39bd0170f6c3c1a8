// Team administration, shared by the `convergent team` / `convergent token` commands (run by whoever holds the
// database) and by the GraphQL mutations for team admins: teams, their import roots, tokens, sessions and
// sign-in links. Bad input throws TeamAdminError with a message that names the problem and the fix.
import path from 'node:path';
import type { CredentialKind, PrismaClient, TeamRole } from '../generated/prisma/client.ts';
import { createApiToken } from './tokens.ts';
import { createSignInCode, type SignInCode } from './sessions.ts';

export class TeamAdminError extends Error {
  override name = 'TeamAdminError';
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

export interface TeamSummary {
  id: string;
  name: string;
  createdAt: Date;
  importRoots: string[];
  tokens: number;
  experiments: number;
}

export interface CredentialSummary {
  id: string;
  name: string;
  kind: CredentialKind;
  role: TeamRole;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const CREDENTIAL_FIELDS = { id: true, name: true, kind: true, role: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

export function parseRole(value: string): TeamRole {
  const v = value.toUpperCase();
  if (v !== 'ADMIN' && v !== 'MEMBER') throw new TeamAdminError(`role must be admin or member (got ${JSON.stringify(value)})`);
  return v;
}

function checkLabel(what: string, name: string): string {
  const n = name.trim();
  if (n.length < 1 || n.length > 100) throw new TeamAdminError(`${what} must be 1 to 100 characters (got ${n.length})`);
  return n;
}

/** Absolute, normalised folders; relative ones are refused (they would depend on the API's working directory). */
export function checkImportRoots(roots: readonly string[]): string[] {
  return [...new Set(roots.map((r) => {
    if (!path.isAbsolute(r)) throw new TeamAdminError(`import root ${JSON.stringify(r)} must be an absolute path on the API server`);
    return path.resolve(r);
  }))];
}

export async function findTeam(prisma: PrismaClient, name: string): Promise<{ id: string; name: string; importRoots: string[] }> {
  const team = await prisma.team.findUnique({ where: { name }, select: { id: true, name: true, importRoots: true } });
  if (!team) {
    const names = (await prisma.team.findMany({ select: { name: true }, orderBy: { name: 'asc' }, take: 20 })).map((t) => t.name);
    throw new TeamAdminError(`no team named ${JSON.stringify(name)}${names.length ? ` (teams: ${names.join(', ')})` : ' (there are no teams yet: convergent team create NAME)'}`);
  }
  return { ...team, importRoots: team.importRoots ?? [] };
}

/** A new team with its first token, an ADMIN one (the secret is returned once). */
export async function createTeam(
  prisma: PrismaClient,
  name: string,
  options: { importRoots?: string[]; tokenName?: string } = {},
): Promise<{ team: { id: string; name: string; importRoots: string[] }; token: string; tokenId: string }> {
  if (!NAME_RE.test(name)) throw new TeamAdminError(`team name must be 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit (got ${JSON.stringify(name)})`);
  const importRoots = checkImportRoots(options.importRoots ?? []);
  if (await prisma.team.findUnique({ where: { name }, select: { id: true } })) throw new TeamAdminError(`a team named ${JSON.stringify(name)} already exists`);
  const tokenName = checkLabel('token name', options.tokenName ?? `${name} admin`);
  try {
    return await prisma.$transaction(async (tx) => {
      const team = await tx.team.create({ data: { name, importRoots }, select: { id: true, name: true, importRoots: true } });
      const { id, token } = await createApiToken(tx, team.id, tokenName, { role: 'ADMIN' });
      return { team, token, tokenId: id };
    });
  } catch (err) {
    // Created by someone else between the check and here (unique name).
    if ((err as { code?: string }).code === 'P2002') throw new TeamAdminError(`a team named ${JSON.stringify(name)} already exists`);
    throw err;
  }
}

export async function listTeams(prisma: PrismaClient): Promise<TeamSummary[]> {
  const rows = await prisma.team.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, createdAt: true, importRoots: true, _count: { select: { experiments: true, tokens: { where: { kind: 'TOKEN', revokedAt: null } } } } },
  });
  return rows.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt, importRoots: t.importRoots ?? [], tokens: t._count.tokens, experiments: t._count.experiments }));
}

export async function setImportRoots(prisma: PrismaClient, teamId: string, roots: readonly string[]): Promise<string[]> {
  const importRoots = checkImportRoots(roots);
  await prisma.team.update({ where: { id: teamId }, data: { importRoots }, select: { id: true } });
  return importRoots;
}

export async function createToken(
  prisma: PrismaClient,
  teamId: string,
  input: { name: string; role?: TeamRole; expiresInDays?: number | null },
): Promise<{ token: string; credential: CredentialSummary }> {
  const name = checkLabel('token name', input.name);
  const days = input.expiresInDays ?? null;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new TeamAdminError(`expiresInDays must be a whole number of days from 1 to 3650, or none (got ${days})`);
  const expiresAt = days === null ? null : new Date(Date.now() + days * 86_400_000);
  const { id, token } = await createApiToken(prisma, teamId, name, { role: input.role ?? 'MEMBER', expiresAt });
  const credential = await prisma.apiToken.findUniqueOrThrow({ where: { id }, select: CREDENTIAL_FIELDS });
  return { token, credential };
}

export async function listCredentials(
  prisma: PrismaClient,
  teamId: string,
  options: { kind?: CredentialKind | null; includeInactive?: boolean; skip?: number; take?: number } = {},
): Promise<{ rows: CredentialSummary[]; count: () => Promise<number> }> {
  const now = new Date();
  const where = {
    teamId,
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.includeInactive ? {} : { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }),
  };
  const rows = await prisma.apiToken.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: CREDENTIAL_FIELDS, skip: options.skip ?? 0, take: options.take ?? 100 });
  return { rows, count: () => prisma.apiToken.count({ where }) };
}

/**
 * Revoke a token or session of the team by id or by its prefix (`cvg_AbCdEf`, as `token list` shows). Revoking an
 * already revoked one is a no-op that returns it.
 */
export async function revokeCredential(prisma: PrismaClient, teamId: string, idOrPrefix: string): Promise<CredentialSummary> {
  const key = idOrPrefix.trim();
  const matches = await prisma.apiToken.findMany({ where: { teamId, OR: [{ id: key }, { prefix: key }] }, select: CREDENTIAL_FIELDS, take: 3 });
  if (matches.length === 0) throw new TeamAdminError(`no token or session ${JSON.stringify(key)} in this team (give its id or its prefix, as \`convergent token list\` shows)`);
  if (matches.length > 1) throw new TeamAdminError(`${JSON.stringify(key)} matches several tokens; give the id instead (convergent token list)`);
  const row = matches[0]!;
  if (row.revokedAt) return row;
  return prisma.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() }, select: CREDENTIAL_FIELDS });
}

export async function createSignInLink(prisma: PrismaClient, teamId: string, input: { name: string; role?: TeamRole }): Promise<SignInCode & { path: string }> {
  const code = await createSignInCode(prisma, teamId, { name: checkLabel('name', input.name), role: input.role ?? 'MEMBER' });
  return { ...code, path: signInPath(code.code) };
}

/** The dashboard path of a sign-in link; the code rides in the fragment, which browsers never send to servers. */
export function signInPath(code: string): string {
  return `/sign-in#code=${code}`;
}
