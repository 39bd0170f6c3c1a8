/**
 * IMPORT job: imports a result directory on the worker's machine (see import/import-result.ts), off the API's
 * thread: reading and checking every array of a result is the slow part. The directory's size is checked first
 * (everything is read before the one transaction that writes it).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Prisma } from '../generated/prisma/client.ts';
import { importResult } from '../import/import-result.ts';
import { markExperimentRunning } from '../store/experiments.ts';
import { PermanentJobError, type JobContext } from './job-context.ts';
import { importPayload, jobPayload } from './payloads.ts';

/** Bytes a result directory may hold (its arrays are held in memory while the transaction writes them). */
export const MAX_RESULT_IMPORT_BYTES = 4 * 2 ** 30;

async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await directoryBytes(p);
    else if (entry.isFile()) total += (await stat(p)).size;
  }
  return total;
}

export async function runImportJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { dir, name, experimentId, placeholder } = jobPayload(ctx.job, importPayload);
  if (experimentId) await markExperimentRunning(ctx.prisma, experimentId, 'importing', { onlyFrom: ['QUEUED'], keepError: true });
  try {
    ctx.progress({ phase: 'checking the result directory', fraction: 0.01 });
    const bytes = await directoryBytes(dir);
    if (bytes > MAX_RESULT_IMPORT_BYTES) {
      throw new PermanentJobError(`the result directory holds ${(bytes / 2 ** 30).toFixed(1)} GiB, over the limit of ${MAX_RESULT_IMPORT_BYTES / 2 ** 30} GiB per imported result`);
    }
    const out = await importResult(ctx.prisma, {
      teamId: ctx.job.teamId,
      dir,
      name: name ?? null,
      ...(experimentId ? { experimentId, placeholder: placeholder === true } : {}),
      onProgress: (phase, fraction) => ctx.progress({ phase, fraction }),
    });
    return { experimentId: out.experimentId, created: out.created, networks: out.networks, alignments: out.alignments };
  } catch (err) {
    // A missing or invalid directory does not fix itself.
    const e = err as Error & { code?: string };
    if (/not a result directory|invalid result manifest|incomplete result directory|is inconsistent/.test(e.message) || e.name === 'NpyFormatError' || e.code === 'ENOENT' || e.code === 'EACCES') {
      throw new PermanentJobError(e.message.split('\n')[0]!);
    }
    throw err;
  }
}
