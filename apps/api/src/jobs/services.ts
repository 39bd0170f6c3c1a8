/**
 * The job-side services behind the GraphQL mutations (the `ApiServices` of graphql/context.ts): queue an
 * experiment, cancel / retry jobs, import results and activations, delete, and the embedded worker.
 * One pg-boss instance per API process, started lazily.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE } from '@convergent/engine/contracts';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { ApiServices, ImportActivationsRequest } from '../graphql/context.ts';
import { createExperiment, deleteExperiment as removeExperiment } from '../store/experiments.ts';
import type { AlignActivationsPayload } from './align-activations-job.ts';
import type { AlignNetworksPayload } from './pipeline/align-networks-job.ts';
import { cancelJob, retryJob } from './job-control.ts';
import { enqueueJob, QUEUE_NAMES, startBoss } from './queue.ts';
import type { WorkerOptions } from './worker.ts';
import { startWorkerThread } from './worker-thread.ts';

/** Size of a result's manifest.json the API reads to identify an import. */
export const MAX_MANIFEST_BYTES = 64 * 2 ** 20;

export interface JobServices extends ApiServices {
  /** The process's pg-boss (started on first use). */
  boss(): Promise<PgBoss>;
  /** Stops pg-boss (and nothing else: the database is the caller's). */
  close(): Promise<void>;
}

export function createJobServices(database: Database, workerOptions: Omit<WorkerOptions, 'database' | 'databaseUrl'> = {}): JobServices {
  const prisma = database.prisma;
  let bossPromise: Promise<PgBoss> | null = null;
  const boss = () => (bossPromise ??= startBoss(database.connectionString));

  async function deleteExperiment(experimentId: string): Promise<void> {
    const jobs = await prisma.job.findMany({ where: { experimentId, status: { in: ['QUEUED', 'RUNNING'] } }, select: { id: true, kind: true, bossId: true } });
    if (jobs.length) {
      // In batches: an experiment may have thousands of queued steps.
      await prisma.job.updateMany({ where: { id: { in: jobs.map((j) => j.id) } }, data: { status: 'CANCELLED', finishedAt: new Date() } });
      const b = await boss();
      for (const kind of new Set(jobs.map((j) => j.kind))) {
        const ids = jobs.filter((j) => j.kind === kind && j.bossId).map((j) => j.bossId!);
        for (let i = 0; i < ids.length; i += 1000) await b.cancel(QUEUE_NAMES[kind], ids.slice(i, i + 1000)).catch(() => {});
      }
    }
    await removeExperiment(prisma, experimentId);
  }

  return {
    boss,
    async close() {
      if (bossPromise) await (await bossPromise).stop({ graceful: false, wait: true }).catch(() => {});
    },

    async queueExperiment(experimentId) {
      const exp = await prisma.experiment.findUniqueOrThrow({ where: { id: experimentId }, select: { teamId: true } });
      const job = await enqueueJob(prisma, await boss(), {
        teamId: exp.teamId,
        kind: 'EXPERIMENT',
        experimentId,
        payload: { experimentId },
        dedupeKey: `experiment:${experimentId}`,
      });
      return [job.id];
    },

    async cancelJob(jobId) {
      await cancelJob(prisma, await boss(), jobId);
    },

    async retryJob(jobId) {
      await retryJob(prisma, await boss(), jobId);
    },

    async importResult(teamId, dir, name) {
      // Only light checks here, on the API's thread: the manifest is there and of plausible size, and its hash (the
      // import's identity). Reading and writing the result is an IMPORT job's work.
      const file = path.join(dir, MANIFEST_FILE);
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) throw new Error(`not a result directory: ${MANIFEST_FILE} is missing; point at the folder that \`convergent experiment run --out\` wrote`);
      if (st.size > MAX_MANIFEST_BYTES) throw new Error(`${MANIFEST_FILE} is ${(st.size / 2 ** 20).toFixed(0)} MiB, over the limit of ${MAX_MANIFEST_BYTES / 2 ** 20} MiB`);
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
      const specHash = hash.digest('hex');
      const existing = await prisma.experiment.findFirst({ where: { teamId, specHash, source: 'RESULT' }, select: { id: true, status: true } });
      if (existing && (existing.status === 'FAILED' || existing.status === 'CANCELLED')) await deleteExperiment(existing.id);
      else if (existing) {
        const job = await prisma.job.findFirst({ where: { experimentId: existing.id, kind: 'IMPORT' }, orderBy: { createdAt: 'desc' }, select: { id: true } });
        return { experimentId: existing.id, jobId: job?.id ?? null };
      }
      const exp = await createExperiment(prisma, { teamId, name: name?.trim() || path.basename(dir), dataset: 'importing', probe: {}, spec: {}, specHash, source: 'RESULT', status: 'QUEUED', phase: 'importing' });
      try {
        const job = await enqueueJob(prisma, await boss(), { teamId, kind: 'IMPORT', experimentId: exp.id, payload: { dir, name, experimentId: exp.id, placeholder: true }, dedupeKey: `import:${exp.id}` });
        return { experimentId: exp.id, jobId: job.id };
      } catch (err) {
        await removeExperiment(prisma, exp.id, { quiet: true });
        throw err;
      }
    },

    async importActivations(teamId, input: ImportActivationsRequest) {
      const spec = { name: input.name, dataset: input.dataset, layout: input.layout, methods: input.methods, networks: input.networks };
      const specHash = createHash('sha256').update(JSON.stringify(spec)).digest('hex');
      const existing = await prisma.experiment.findFirst({ where: { teamId, specHash, source: 'ACTIVATIONS' }, select: { id: true, status: true } });
      if (existing && (existing.status === 'FAILED' || existing.status === 'CANCELLED')) {
        // Re-submitting after a failure starts afresh (the files may have been fixed meanwhile).
        await deleteExperiment(existing.id);
      } else if (existing) {
        const job = await prisma.job.findFirst({ where: { experimentId: existing.id, kind: 'ALIGN' }, select: { id: true } });
        return { experimentId: existing.id, jobId: job?.id ?? null };
      }
      const exp = await createExperiment(prisma, {
        teamId,
        name: input.name,
        dataset: input.dataset,
        probe: { source: 'external activations' },
        spec,
        specHash,
        source: 'ACTIVATIONS',
        status: 'QUEUED',
        networks: input.networks.map((n) => ({ name: n.name, arch: n.architecture, seed: n.seed, archSpec: {}, status: 'IMPORTED' as const })),
      });
      const payload: AlignActivationsPayload = { experimentId: exp.id, layout: input.layout, methods: input.methods, networks: input.networks.map((n) => ({ name: n.name, layers: n.layers })) };
      try {
        const job = await enqueueJob(prisma, await boss(), { teamId, kind: 'ALIGN', experimentId: exp.id, payload: payload as never, dedupeKey: `align-activations:${exp.id}` });
        return { experimentId: exp.id, jobId: job.id };
      } catch (err) {
        await removeExperiment(prisma, exp.id, { quiet: true });
        throw err;
      }
    },

    async alignNetworks(teamId, a, b, layers) {
      const open = await prisma.job.findMany({
        where: { teamId, kind: 'ALIGN', networkId: { in: [a, b] }, status: { in: ['QUEUED', 'RUNNING'] } },
        select: { id: true, payload: true },
        orderBy: { createdAt: 'desc' },
      });
      const same = open.find((j) => {
        const n = (j.payload as Partial<AlignNetworksPayload> | null)?.networks;
        return !!n && ((n.a === a && n.b === b) || (n.a === b && n.b === a));
      });
      if (same) return { jobId: same.id };
      // No experimentId: the job is no step of either experiment's pipeline (its progress and failure stay its own).
      const payload: AlignNetworksPayload = { networks: { a, b, layers } };
      const job = await enqueueJob(prisma, await boss(), { teamId, kind: 'ALIGN', networkId: a, payload: payload as never, maxAttempts: 2 });
      return { jobId: job.id };
    },

    deleteExperiment,

    async startEmbeddedWorker() {
      // In a thread of its own, so job work never runs on the thread that answers HTTP (worker-thread.ts).
      const { log, database: _d, signal: _s, loadData: _l, ...plain } = workerOptions as WorkerOptions;
      return startWorkerThread({ ...plain, databaseUrl: database.connectionString }, log ?? ((m) => process.stderr.write(`worker: ${m}\n`)));
    },
  };
}
