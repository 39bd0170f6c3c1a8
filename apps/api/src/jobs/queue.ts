/**
 * The job queue: pg-boss 10 on the same PostgreSQL (or embedded PGlite) as the data, plus our `Job` row
 * per unit of work, which is what the API shows (status, progress, attempts, error). A pg-boss job
 * carries only `{ jobId }`; the Job row holds the payload.
 */
import PgBoss from 'pg-boss';
import type { Job, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { JobKind } from '../generated/prisma/enums.ts';

/** One pg-boss queue per kind, so a worker can take kinds in priority order. */
export const QUEUE_NAMES: Record<JobKind, string> = {
  EXPERIMENT: 'convergent-experiment',
  TRAIN: 'convergent-train',
  RECORD: 'convergent-record',
  ALIGN: 'convergent-align',
  IMPORT: 'convergent-import',
};

/** Retries pg-boss does for us: real failures are counted against Job.maxAttempts by the worker, this
 *  limit only bounds retries after workers vanish (SIGKILL, machine lost) or shut down mid-job. */
const BOSS_RETRY_LIMIT = 20;

export interface QueueOptions {
  /** Connections pg-boss may open (default 3). */
  max?: number;
  /** pg-boss's schema (default "pgboss"). */
  schema?: string;
  /** Run pg-boss maintenance (expiry, archiving) in this process (default true). */
  supervise?: boolean;
}

export async function startBoss(connectionString: string, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    max: options.max ?? 3,
    schema: options.schema ?? 'pgboss',
    supervise: options.supervise ?? true,
    schedule: false,
    application_name: 'convergent',
  });
  boss.on('error', (err: Error) => {
    // Maintenance errors are logged, not fatal: the next round retries.
    if (process.env.CONVERGENT_DEBUG_QUEUE) process.stderr.write(`pg-boss: ${err.message}\n`);
  });
  await boss.start();
  for (const name of Object.values(QUEUE_NAMES)) {
    // createQueue is idempotent in pg-boss 10 (ON CONFLICT DO NOTHING), safe from many processes.
    await boss.createQueue(name, {
      name,
      retryLimit: BOSS_RETRY_LIMIT,
      retryDelay: 1,
      // Long training runs are normal; lost workers are detected by the Job heartbeat instead.
      expireInSeconds: 6 * 3600,
    });
  }
  return boss;
}

export interface EnqueueInput {
  teamId: string;
  kind: JobKind;
  payload: Prisma.InputJsonValue;
  experimentId?: string | null;
  networkId?: string | null;
  /** Enqueue a logical step once: a second call with the same key returns the existing job. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Create the Job row and its pg-boss job. Never call inside a Prisma transaction (see pglite-server.ts). */
export async function enqueueJob(prisma: PrismaClient, boss: PgBoss, input: EnqueueInput): Promise<Job> {
  if (input.dedupeKey) {
    const existing = await prisma.job.findUnique({ where: { dedupeKey: input.dedupeKey } });
    if (existing) return existing;
  }
  let job: Job;
  try {
    job = await prisma.job.create({
      data: {
        teamId: input.teamId,
        kind: input.kind,
        payload: input.payload,
        experimentId: input.experimentId ?? null,
        networkId: input.networkId ?? null,
        dedupeKey: input.dedupeKey ?? null,
        maxAttempts: input.maxAttempts ?? 3,
      },
    });
  } catch (err) {
    // Lost a race on dedupeKey: the other caller's job is the one.
    if (input.dedupeKey && (err as { code?: string }).code === 'P2002') {
      return prisma.job.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey } });
    }
    throw err;
  }
  return sendToBoss(prisma, boss, job);
}

/** The pg-boss priority a job asks for in its payload (`priority`, higher first; default 0). */
export function bossPriority(job: Pick<Job, 'payload'>): number {
  const p = (job.payload as { priority?: unknown } | null)?.priority;
  return typeof p === 'number' && Number.isInteger(p) ? p : 0;
}

/** (Re)send an existing Job row to pg-boss, as QUEUED. */
export async function sendToBoss(prisma: PrismaClient, boss: PgBoss, job: Job): Promise<Job> {
  let bossId: string | null;
  try {
    bossId = await boss.send(QUEUE_NAMES[job.kind], { jobId: job.id }, { priority: bossPriority(job) });
  } catch (err) {
    await prisma.job.update({ where: { id: job.id }, data: { status: 'FAILED', error: `could not queue: ${(err as Error).message}`, finishedAt: new Date() } });
    throw err;
  }
  return prisma.job.update({ where: { id: job.id }, data: { bossId, status: 'QUEUED' } });
}
