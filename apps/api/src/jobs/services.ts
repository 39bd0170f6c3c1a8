/**
 * The job-side services behind the GraphQL mutations (the `ApiServices` of graphql/context.ts): queue an
 * experiment, cancel / retry jobs, import results and activations, delete, and the embedded worker.
 * One pg-boss instance per API process, started lazily.
 */
import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { ApiServices, ImportActivationsRequest } from '../graphql/context.ts';
import { importResult } from '../import/import-result.ts';
import type { AlignActivationsPayload } from './align-activations-job.ts';
import { cancelJob, enqueueJob, QUEUE_NAMES, retryJob, startBoss } from './queue.ts';
import { startWorker, type WorkerOptions } from './worker.ts';

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
      // Synchronous: one transaction, visible all at once when the mutation answers.
      const out = await importResult(prisma, { teamId, dir, name });
      return { experimentId: out.experimentId, jobId: null };
    },

    async importActivations(teamId, input: ImportActivationsRequest) {
      const spec = { name: input.name, dataset: input.dataset, layout: input.layout, methods: input.methods, networks: input.networks };
      const specHash = createHash('sha256').update(JSON.stringify(spec)).digest('hex');
      const existing = await prisma.experiment.findFirst({ where: { teamId, specHash, source: 'ACTIVATIONS' }, select: { id: true } });
      if (existing) {
        const job = await prisma.job.findFirst({ where: { experimentId: existing.id, kind: 'ALIGN' }, select: { id: true } });
        return { experimentId: existing.id, jobId: job?.id ?? null };
      }
      const exp = await prisma.experiment.create({
        data: {
          teamId,
          name: input.name,
          dataset: input.dataset,
          probe: { source: 'external activations' },
          spec,
          specHash,
          source: 'ACTIVATIONS',
          status: 'QUEUED',
          networks: {
            create: input.networks.map((n) => ({ name: n.name, arch: n.architecture, seed: n.seed, archSpec: {}, status: 'IMPORTED' as const })),
          },
        },
      });
      const payload: AlignActivationsPayload = { experimentId: exp.id, layout: input.layout, methods: input.methods, networks: input.networks.map((n) => ({ name: n.name, layers: n.layers })) };
      try {
        const job = await enqueueJob(prisma, await boss(), { teamId, kind: 'ALIGN', experimentId: exp.id, payload: payload as never, dedupeKey: `align-activations:${exp.id}` });
        return { experimentId: exp.id, jobId: job.id };
      } catch (err) {
        await prisma.experiment.delete({ where: { id: exp.id } }).catch(() => {});
        throw err;
      }
    },

    async deleteExperiment(experimentId) {
      const jobs = await prisma.job.findMany({ where: { experimentId, status: { in: ['QUEUED', 'RUNNING'] } } });
      if (jobs.length) {
        const b = await boss();
        for (const j of jobs) {
          await prisma.job.update({ where: { id: j.id }, data: { status: 'CANCELLED', finishedAt: new Date() } });
          if (j.bossId) await b.cancel(QUEUE_NAMES[j.kind], j.bossId).catch(() => {});
        }
      }
      await prisma.experiment.delete({ where: { id: experimentId } });
    },

    async startEmbeddedWorker() {
      const worker = await startWorker({ ...workerOptions, database });
      return { stop: () => worker.stop() };
    },
  };
}
