/**
 * What a job handler gets from the worker: the database, its Job row, an abort signal (cancel, worker
 * shutdown, or another worker took the job over), a scratch folder on this machine, and a throttled
 * progress reporter that writes phase / fraction / ETA onto the Job row for the API to show.
 */
import type { SpecLimits } from '@convergent/engine/contracts';
import type { Job, Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface ProgressUpdate {
  phase?: string;
  /** In [0, 1]. */
  fraction?: number;
  /** Seconds left; null = unknown. Omitted: estimated from elapsed time and fraction. */
  etaSeconds?: number | null;
}

export interface JobContext {
  prisma: PrismaClient;
  job: Job;
  workerId: string;
  signal: AbortSignal;
  /** Scratch folder of this worker machine (checkpoints are mirrored to Artifacts for other machines). */
  workDir: string;
  progress(update: ProgressUpdate): void;
  log(message: string): void;
  /** Throws when this worker no longer owns the job (it was taken over after a missed heartbeat). */
  assertOwner(): Promise<void>;
  /** Test hook: data to train on instead of loading the spec's dataset. */
  loadData?: (spec: unknown) => Promise<unknown>;
  /** 1 = a TRAIN job trains in the worker's own thread instead of a worker thread of its own (tests). */
  trainConcurrency?: number;
  /** Plausibility limits for specs (the worker's; default the engine's). */
  specLimits?: SpecLimits;
}

/** A failure that retrying cannot fix (bad spec, deleted experiment): the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export type JobHandler = (ctx: JobContext) => Promise<Prisma.InputJsonValue | null>;

/** Writes at most one progress update per `intervalMs`, always keeping the latest. */
export class ProgressWriter {
  private pending: ProgressUpdate | null = null;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly started = Date.now();
  private lastFraction = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly jobId: string,
    private readonly workerId: string,
    private readonly intervalMs = 500,
  ) {}

  set(update: ProgressUpdate): void {
    this.pending = { ...this.pending, ...update };
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.intervalMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const update = this.pending;
    this.pending = null;
    if (!update) return this.writing;
    const fraction = update.fraction !== undefined ? Math.min(1, Math.max(0, update.fraction)) : undefined;
    if (fraction !== undefined) this.lastFraction = fraction;
    let eta = update.etaSeconds;
    if (eta === undefined && this.lastFraction > 0.02) {
      const elapsed = (Date.now() - this.started) / 1000;
      eta = (elapsed * (1 - this.lastFraction)) / this.lastFraction;
    }
    const data: Prisma.JobUpdateManyMutationInput = { heartbeatAt: new Date() };
    if (update.phase !== undefined) data.phase = update.phase;
    if (fraction !== undefined) data.fraction = fraction;
    if (eta !== undefined) data.etaSeconds = eta === null || !Number.isFinite(eta) ? null : Math.round(eta);
    this.writing = this.writing
      .then(() => this.prisma.job.updateMany({ where: { id: this.jobId, workerId: this.workerId, status: 'RUNNING' }, data }))
      .then(
        () => undefined,
        () => undefined, // progress is best effort; the heartbeat reports a lost database
      );
    return this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
