/**
 * The job worker: `convergent worker` on any machine that reaches the database, and the API's embedded
 * worker. It takes jobs from pg-boss, claims the Job row (status RUNNING, workerId, attempts + 1),
 * heartbeats while the handler runs, and settles the Job row and the pg-boss job at the end.
 *
 * Lost workers: a RUNNING job whose heartbeat is older than `staleSeconds` belonged to a worker that
 * died (SIGKILL, machine gone). Every worker sweeps for those and hands them back to pg-boss for a
 * retry; the handler of the next attempt resumes from the checkpoints of the previous one. A worker
 * that was only slow notices at its next heartbeat that the job is no longer its own, and stops.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import { openDatabase, type Database } from '../db/database.ts';
import type { Job, Prisma } from '../generated/prisma/client.ts';
import type { JobKind } from '../generated/prisma/enums.ts';
import { failExperiment } from '../store/experiments.ts';
import { runAlignActivationsJob } from './align-activations-job.ts';
import { runImportJob } from './import-job.ts';
import { PermanentJobError, ProgressWriter, type JobContext, type JobHandler } from './job-context.ts';
import { userFacingError } from './job-errors.ts';
import { resolveSpecLimits, type SpecLimits } from '@convergent/engine/contracts';
import { runAlignPairJob } from './pipeline/align-job.ts';
import { isNetworksAlignJob, runAlignNetworksJob } from './pipeline/align-networks-job.ts';
import { completePipelineJob, failPipeline, isPipelineJob } from './pipeline/pipeline.ts';
import { runPlanJob } from './pipeline/plan-job.ts';
import { runRecordJob } from './pipeline/record-job.ts';
import { runTrainJob } from './pipeline/train-job.ts';
import { QUEUE_NAMES, sendToBoss, startBoss } from './queue.ts';

const HANDLERS: Partial<Record<JobKind, JobHandler>> = {
  IMPORT: runImportJob,
  // An ALIGN job is a pipeline step (one pair at one layer), an on-demand alignment of two networks of two
  // experiments (mutation alignNetworks), or an import of external activations.
  ALIGN: (ctx) => (isPipelineJob(ctx.job) ? runAlignPairJob(ctx) : isNetworksAlignJob(ctx.job) ? runAlignNetworksJob(ctx) : runAlignActivationsJob(ctx)),
  EXPERIMENT: runPlanJob,
  TRAIN: runTrainJob,
  RECORD: runRecordJob,
};

/** Default order a worker looks at the queues in: finishing work first, so alignments appear early. */
export const DEFAULT_KINDS: JobKind[] = ['ALIGN', 'RECORD', 'IMPORT', 'EXPERIMENT', 'TRAIN'];

export interface WorkerOptions {
  /** Database to work on: an open one (embedded worker), or a URL (default DATABASE_URL). */
  database?: Database;
  databaseUrl?: string;
  /** Jobs run at once (default: one per CPU core; a TRAIN job trains in a worker thread of its own). */
  concurrency?: number;
  /** Aborting it stops the worker (like `stop()`). */
  signal?: AbortSignal;
  /** Local scratch folder (default `.convergent/work` under the working directory). */
  workDir?: string;
  /** Job kinds this worker takes, in priority order (default DEFAULT_KINDS). */
  kinds?: JobKind[];
  heartbeatSeconds?: number;
  /** A RUNNING job without a heartbeat for this long is taken over (default 60). */
  staleSeconds?: number;
  /** Seconds between polls when idle (default 1). */
  pollSeconds?: number;
  log?: (message: string) => void;
  /** Test hook: data to train on instead of loading the spec's dataset. */
  loadData?: (spec: unknown) => Promise<unknown>;
  /** 1 = TRAIN jobs train in the worker's own thread instead of a worker thread (tests). */
  trainConcurrency?: number;
  /** Plausibility limits for the specs this worker plans (default: the engine's DEFAULT_SPEC_LIMITS). */
  specLimits?: Partial<SpecLimits>;
}

export interface WorkerHandle {
  id: string;
  /** Stop taking jobs; running jobs are interrupted (they resume from checkpoints later). */
  stop(): Promise<void>;
  /** Resolves once the worker has stopped. */
  stopped: Promise<void>;
}

type Ending = 'stopping' | 'cancelled' | 'lost';

export async function startWorker(options: WorkerOptions = {}): Promise<WorkerHandle> {
  const log = options.log ?? ((m: string) => process.stderr.write(`worker: ${m}\n`));
  const ownDatabase = !options.database;
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!options.database && !url) {
    throw new Error('no database for the worker: pass --database-url postgresql://... (or set DATABASE_URL) pointing at the API server\'s database');
  }
  const database = options.database ?? (await openDatabase({ url: url!, log }));
  const prisma = database.prisma;
  let boss: PgBoss;
  try {
    boss = await startBoss(database.connectionString);
  } catch (err) {
    if (ownDatabase) await database.close();
    throw err;
  }
  const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const workDir = path.resolve(options.workDir ?? '.convergent/work');
  const kinds = (options.kinds ?? DEFAULT_KINDS).filter((k) => HANDLERS[k]);
  const heartbeatMs = (options.heartbeatSeconds ?? 2) * 1000;
  const staleMs = (options.staleSeconds ?? 60) * 1000;
  const pollMs = (options.pollSeconds ?? 1) * 1000;
  const specLimits = resolveSpecLimits(options.specLimits);
  const stopController = new AbortController();
  const running = new Map<string, (why: Ending) => void>();
  let wake: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  // ---- lost-worker sweep (never our own jobs: a long synchronous step may delay our heartbeat, but we
  // know we are alive)
  const sweep = async (): Promise<void> => {
    const threshold = new Date(Date.now() - staleMs);
    const lost = await prisma.$queryRaw<Array<{ id: string; kind: JobKind; bossId: string | null }>>`
      UPDATE "Job" SET status = 'QUEUED', phase = 'worker lost; waiting to resume', "workerId" = NULL, "etaSeconds" = NULL
      WHERE status = 'RUNNING' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < ${threshold})
        AND ("workerId" IS NULL OR "workerId" <> ${id})
      RETURNING id, kind, "bossId"`;
    for (const job of lost) {
      log(`job ${job.id} (${job.kind}) lost its worker; queued again`);
      if (job.bossId) await boss.fail(QUEUE_NAMES[job.kind], job.bossId, { error: 'worker lost' }).catch(() => {});
    }
    // Pipeline steps are created in a transaction and sent to pg-boss after its commit; a worker that died in
    // between left them unsent.
    const unsent = await prisma.job.findMany({ where: { status: 'QUEUED', bossId: null, createdAt: { lt: threshold } } });
    for (const job of unsent) {
      log(`job ${job.id} (${job.kind}) was never sent to the queue; sending it now`);
      await sendToBoss(prisma, boss, job).catch(() => {});
    }
  };
  const sweeper = setInterval(() => void sweep().catch(() => {}), Math.max(500, staleMs / 2));

  // ---- one job
  const handle = async (kind: JobKind, bossJob: PgBoss.Job<{ jobId?: string }>): Promise<void> => {
    const queue = QUEUE_NAMES[kind];
    const jobId = bossJob.data?.jobId;
    const claimed = jobId
      ? await prisma.job.updateMany({
          where: { id: jobId, OR: [{ status: 'QUEUED' }, { status: 'RUNNING', heartbeatAt: { lt: new Date(Date.now() - staleMs) } }] },
          data: { status: 'RUNNING', workerId: id, attempts: { increment: 1 }, heartbeatAt: new Date(), startedAt: new Date(), error: null, phase: 'starting' },
        })
      : { count: 0 };
    if (claimed.count === 0) {
      // Deleted, cancelled, finished, or being run by a live worker: nothing to do for this delivery.
      await boss.complete(queue, bossJob.id).catch(() => {});
      return;
    }
    const job = (await prisma.job.findUniqueOrThrow({ where: { id: jobId! } })) as Job;
    const controller = new AbortController();
    let ending: Ending | null = null;
    const abort = (why: Ending) => {
      if (!ending) ending = why;
      controller.abort(new Error(`job ${why}`));
    };
    running.set(job.id, abort);
    if (stopController.signal.aborted) abort('stopping');
    const progress = new ProgressWriter(prisma, job.id, id);
    const heartbeat = setInterval(() => {
      void (async () => {
        const n = await prisma.job.updateMany({ where: { id: job.id, workerId: id, status: 'RUNNING' }, data: { heartbeatAt: new Date() } });
        if (n.count === 0) {
          const now = await prisma.job.findUnique({ where: { id: job.id }, select: { status: true } });
          abort(!now || now.status === 'CANCELLED' ? 'cancelled' : 'lost');
        }
      })().catch(() => {});
    }, heartbeatMs);
    const ctx: JobContext = {
      prisma,
      job,
      workerId: id,
      signal: controller.signal,
      workDir,
      progress: (u) => progress.set(u),
      log: (m) => log(`[${job.kind} ${job.id}] ${m}`),
      async assertOwner() {
        const now = await prisma.job.findUnique({ where: { id: job.id }, select: { workerId: true, status: true } });
        if (!now || now.workerId !== id || now.status !== 'RUNNING') {
          abort(now?.status === 'CANCELLED' ? 'cancelled' : 'lost');
          throw new Error(`job ${job.id} is no longer this worker's`);
        }
      },
      ...(options.loadData ? { loadData: options.loadData } : {}),
      ...(options.trainConcurrency !== undefined ? { trainConcurrency: options.trainConcurrency } : {}),
      specLimits,
    };
    log(`[${job.kind} ${job.id}] attempt ${job.attempts}/${job.maxAttempts}`);
    try {
      const result = await HANDLERS[kind]!(ctx);
      await progress.close();
      let counted: boolean;
      if (isPipelineJob(job)) {
        // Completion and fan-in (creating the steps that became due) in one transaction.
        counted = await completePipelineJob(prisma, boss, job, id, (result ?? undefined) as Prisma.InputJsonValue | undefined);
      } else {
        const done = await prisma.job.updateMany({
          where: { id: job.id, workerId: id },
          data: { status: 'COMPLETED', phase: 'done', fraction: 1, etaSeconds: 0, finishedAt: new Date(), result: (result ?? undefined) as Prisma.InputJsonValue | undefined },
        });
        counted = done.count === 1;
      }
      if (counted) await boss.complete(queue, bossJob.id).catch(() => {});
      log(`[${job.kind} ${job.id}] completed`);
    } catch (err) {
      await progress.close();
      // The user reads one line without stack, server paths or raw database errors; the log keeps the details.
      const message = userFacingError(err, `the ${job.kind.toLowerCase()} job`);
      if (ending === null) log(`[${job.kind} ${job.id}] error: ${(err as Error)?.stack ?? String(err)}`);
      if (ending === 'lost') {
        log(`[${job.kind} ${job.id}] taken over by another worker; stopped here`);
      } else if (ending === 'cancelled') {
        log(`[${job.kind} ${job.id}] cancelled`);
        await boss.complete(queue, bossJob.id).catch(() => {});
      } else if (ending === 'stopping') {
        await prisma.job.updateMany({
          where: { id: job.id, workerId: id },
          data: { status: 'QUEUED', phase: 'interrupted; resumes from its checkpoints', workerId: null, etaSeconds: null },
        });
        await boss.fail(queue, bossJob.id, { error: 'worker stopped' }).catch(() => {});
        log(`[${job.kind} ${job.id}] interrupted by shutdown; will resume`);
      } else {
        const permanent = err instanceof PermanentJobError || job.attempts >= job.maxAttempts;
        log(`[${job.kind} ${job.id}] failed${permanent ? '' : ', will retry'}: ${message}`);
        await prisma.job.updateMany({
          where: { id: job.id, workerId: id },
          data: permanent
            ? { status: 'FAILED', error: message, phase: 'failed', finishedAt: new Date(), etaSeconds: null }
            : { status: 'QUEUED', error: message, phase: `retrying after: ${message}`.slice(0, 500), workerId: null, etaSeconds: null },
        });
        if (permanent) {
          if (isPipelineJob(job)) await failPipeline(prisma, boss, job, message).catch((e: Error) => log(`marking experiment ${job.experimentId} failed: ${e.message}`));
          else if (job.experimentId) {
            // An import's experiment says why it failed (its rows were written in one transaction: none are half there).
            await failExperiment(prisma, job.experimentId, message).catch((e: Error) => log(`marking experiment ${job.experimentId} failed: ${e.message}`));
          }
          await boss.complete(queue, bossJob.id).catch(() => {});
        } else {
          await boss.fail(queue, bossJob.id, { error: message }).catch(() => {});
        }
      }
    } finally {
      clearInterval(heartbeat);
      running.delete(job.id);
    }
  };

  // ---- slots: each takes the first job of the first queue that has one
  const slot = async (): Promise<void> => {
    while (!stopController.signal.aborted) {
      let worked = false;
      for (const kind of kinds) {
        if (stopController.signal.aborted) break;
        let jobs: PgBoss.Job<{ jobId?: string }>[] = [];
        try {
          jobs = await boss.fetch<{ jobId?: string }>(QUEUE_NAMES[kind], { batchSize: 1 });
        } catch (err) {
          log(`fetch from ${kind} failed: ${(err as Error).message}`);
        }
        const bossJob = jobs[0];
        if (!bossJob) continue;
        worked = true;
        await handle(kind, bossJob).catch((err: Error) => log(`job handling failed: ${err.message}`));
        break;
      }
      if (!worked && !stopController.signal.aborted) await sleep(pollMs);
    }
  };

  const slots = Array.from({ length: Math.max(1, options.concurrency ?? os.availableParallelism()) }, () => slot());
  log(`worker ${id} taking ${kinds.join(', ')} jobs (${slots.length} at once)`);
  void sweep().catch(() => {});

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      stopController.abort();
      (wake as (() => void) | null)?.();
      for (const abortJob of running.values()) abortJob('stopping');
      await Promise.allSettled(slots);
      clearInterval(sweeper);
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      if (ownDatabase) await database.close();
      log(`worker ${id} stopped`);
      resolveStopped();
    })();
    return stopping;
  };
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  if (options.signal) {
    if (options.signal.aborted) void stop();
    else options.signal.addEventListener('abort', () => void stop(), { once: true });
  }
  return { id, stop, stopped };
}

/**
 * Run a worker until `signal` aborts (the `convergent worker` command: the CLI passes an AbortSignal
 * tied to SIGINT/SIGTERM and waits for this promise).
 */
export async function runWorker(options: WorkerOptions & { signal: AbortSignal }): Promise<void> {
  const worker = await startWorker(options);
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await worker.stop();
}
