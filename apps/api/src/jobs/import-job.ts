/** IMPORT job: imports a result directory on the worker's machine (see import/import-result.ts). */
import type { Prisma } from '../generated/prisma/client.ts';
import { importResult } from '../import/import-result.ts';
import { PermanentJobError, type JobContext } from './job-context.ts';

export async function runImportJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { dir, name, experimentId } = ctx.job.payload as { dir?: string; name?: string | null; experimentId?: string };
  if (!dir) throw new PermanentJobError('IMPORT job payload lacks dir');
  try {
    const out = await importResult(ctx.prisma, {
      teamId: ctx.job.teamId,
      dir,
      name: name ?? null,
      ...(experimentId ? { experimentId } : {}),
      onProgress: (phase, fraction) => ctx.progress({ phase, fraction }),
    });
    return { experimentId: out.experimentId, created: out.created, networks: out.networks, alignments: out.alignments };
  } catch (err) {
    // A missing or invalid directory does not fix itself.
    if (/not a result directory|invalid result manifest|incomplete result directory/.test((err as Error).message)) {
      throw new PermanentJobError((err as Error).message);
    }
    throw err;
  }
}
