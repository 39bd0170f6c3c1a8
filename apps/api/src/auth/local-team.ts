// Embedded mode: one local team, created on first start with an ADMIN token for scripts. The secret is stored only
// as a hash in the database; pass `tokenFile` (e.g. .convergent/local-token, mode 0600) so later starts can read
// it again. Without the file, later starts return token null. The dashboard does not use this token: `npm start`
// prints a one-time sign-in link instead (auth/sessions.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { authenticateToken, createApiToken } from './tokens.ts';

export const LOCAL_TEAM_NAME = 'local';

export interface LocalTeam {
  team: { id: string; name: string };
  /** The local token's secret: new when created, else read back from tokenFile (null when unavailable). */
  token: string | null;
  created: boolean;
}

export interface LocalTeamOptions {
  name?: string;
  tokenFile?: string;
  /** Import roots the team gets when it has none yet (npm start: its working directory). */
  importRoots?: string[];
}

export async function ensureLocalTeam(prisma: PrismaClient, options: LocalTeamOptions = {}): Promise<LocalTeam> {
  const name = options.name ?? LOCAL_TEAM_NAME;
  const importRoots = (options.importRoots ?? []).map((r) => path.resolve(r));
  const existing = await prisma.team.findUnique({ where: { name }, select: { id: true, name: true, importRoots: true } });
  if (existing) {
    if (importRoots.length > 0 && (existing.importRoots ?? []).length === 0) {
      await prisma.team.update({ where: { id: existing.id }, data: { importRoots }, select: { id: true } });
    }
    return { team: { id: existing.id, name: existing.name }, token: await readSavedToken(prisma, existing.id, options.tokenFile), created: false };
  }
  let team: { id: string; name: string };
  try {
    team = await prisma.team.create({ data: { name, importRoots }, select: { id: true, name: true } });
  } catch (err) {
    // Two processes starting at once: the other one created it (unique name).
    const again = await prisma.team.findUnique({ where: { name }, select: { id: true, name: true } });
    if (!again) throw err;
    return { team: again, token: await readSavedToken(prisma, again.id, options.tokenFile), created: false };
  }
  const { token } = await createApiToken(prisma, team.id, 'local (created on first start)', { role: 'ADMIN' });
  if (options.tokenFile) {
    mkdirSync(path.dirname(options.tokenFile), { recursive: true });
    writeFileSync(options.tokenFile, `${token}\n`, { mode: 0o600 });
  }
  return { team, token, created: true };
}

async function readSavedToken(prisma: PrismaClient, teamId: string, file: string | undefined): Promise<string | null> {
  if (!file || !existsSync(file)) return null;
  const token = readFileSync(file, 'utf8').trim();
  const auth = await authenticateToken(prisma, token);
  return auth && auth.teamId === teamId ? token : null;
}
