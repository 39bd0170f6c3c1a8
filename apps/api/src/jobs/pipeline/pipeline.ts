/**
 * The experiment pipeline: an experiment created from a spec runs as a chain of jobs that any worker on any
 * machine may take:
 *
 *   EXPERIMENT (plan: validate, one Network row per network)
 *     → TRAIN × networks (one network each, resumable from its epoch checkpoint artifact)
 *     → RECORD (once every TRAIN job is done: unit stats, layers, per-pair statistics as artifacts)
 *     → ALIGN × (pair, layer) (every method for one pair at one layer, written in one transaction)
 *     → the experiment is COMPLETED (chance baselines from every ALIGN job's figures)
 *
 * Fan-in without races: a job's completion is recorded in a transaction that first locks the experiment row
 * (SELECT ... FOR UPDATE), so completions of one experiment are serialised and exactly one of them sees "all
 * TRAIN jobs done" (or "all ALIGN jobs done"). The next steps' Job rows are created in that same transaction
 * (unique dedupeKey per step) and handed to pg-boss right after the commit; a worker sweep re-sends Job rows a
 * crash left unsent. pg-boss's `send` never runs inside a Prisma transaction (the embedded PGlite has one session).
 */
import { randomUUID } from 'node:crypto';
import type { LayerPair } from '@convergent/engine/steps';
import type PgBoss from 'pg-boss';
import type { Job, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { JobKind } from '../../generated/prisma/enums.ts';
import { cancelExperiment, failExperiment, finishPipelineExperiment, reopenExperiment, setExperimentPhase } from '../../store/experiments.ts';
import { bossPriority, QUEUE_NAMES, sendToBoss } from '../queue.ts';
import { engineSteps } from './step-context.ts';

type Tx = Prisma.TransactionClient;

/**
 * What an ALIGN step aligns: two networks (by name) at one layer; `kind` chance = trained vs untrained twin, with the
 * trained pair it `mirrors`; `shuffled` names b's shuffled-probe copy (the second null). The engine's align plan
 * without its member indices.
 */
export type PairStep = LayerPair;

/** The figures an ALIGN step reports (its Job.result), summarised into chance baselines and statistics at the end. */
export interface AlignStepResult extends PairStep {
  figures: Record<string, number | null>;
  /** The shuffled-probe null's figures (between pairs). */
  shuffledFigures?: Record<string, number | null>;
}

/** Jobs that belong to a spec experiment's pipeline (an ALIGN job of imported activations does not). */
export function isPipelineJob(job: Pick<Job, 'kind' | 'payload' | 'experimentId'>): boolean {
  if (!job.experimentId) return false;
  if (job.kind === 'EXPERIMENT' || job.kind === 'TRAIN' || job.kind === 'RECORD') return true;
  return job.kind === 'ALIGN' && typeof (job.payload as { pair?: unknown } | null)?.pair === 'object';
}

export const recordKey = (experimentId: string) => `record:${experimentId}`;
export const trainKey = (networkId: string) => `train:${networkId}`;
export const alignKey = (experimentId: string, p: PairStep) => `align:${experimentId}:${p.layer}:${p.a}__${p.b}`;

async function lockExperiment(tx: Tx, experimentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Experiment" WHERE id = ${experimentId} FOR UPDATE`;
}

const TX = { timeout: 120_000, maxWait: 60_000 };

/**
 * Record a pipeline job as COMPLETED (only if `workerId` still owns it) and create the steps that became due.
 * Answers whether this worker's completion counted; the created Job rows are already sent to pg-boss.
 */
export async function completePipelineJob(prisma: PrismaClient, boss: PgBoss, job: Job, workerId: string, result: Prisma.InputJsonValue | undefined): Promise<boolean> {
  const { completed, created } = await prisma.$transaction(async (tx) => {
    await lockExperiment(tx, job.experimentId!);
    const done = await tx.job.updateMany({
      where: { id: job.id, workerId, status: 'RUNNING' },
      data: { status: 'COMPLETED', phase: 'done', fraction: 1, etaSeconds: 0, finishedAt: new Date(), ...(result !== undefined ? { result } : {}) },
    });
    if (done.count === 0) return { completed: false, created: [] as Job[] };
    return { completed: true, created: await advanceInTx(tx, job.experimentId!) };
  }, TX);
  await sendAll(prisma, boss, created);
  return completed;
}

/** Create whatever steps are due now (after a retry, say). Safe to call any time. */
export async function advanceExperiment(prisma: PrismaClient, boss: PgBoss, experimentId: string): Promise<Job[]> {
  const created = await prisma.$transaction(async (tx) => {
    await lockExperiment(tx, experimentId);
    return advanceInTx(tx, experimentId);
  }, TX);
  return sendAll(prisma, boss, created);
}

/** pg-boss priority of a TRAIN job (higher starts first) from its estimated multiply-adds. */
export function trainPriority(cost: number | undefined): number {
  return cost && cost > 0 ? Math.round(100 * Math.log2(1 + cost)) : 0;
}

/** Rows per statement when a step fans out (thousands of TRAIN or ALIGN jobs). */
const BATCH = 1000;

/**
 * Hand new steps to pg-boss, a batch per statement (ids chosen here, so the Job rows learn them in one UPDATE). A
 * step that cannot be sent now stays QUEUED without a bossId: the sweep sends it.
 */
async function sendAll(prisma: PrismaClient, boss: PgBoss, jobs: Job[]): Promise<Job[]> {
  // Highest priority first, so a worker fetching while we send still takes the most expensive job.
  const sorted = [...jobs].sort((x, y) => bossPriority(y) - bossPriority(x));
  for (let i = 0; i < sorted.length; i += BATCH) {
    const chunk = sorted.slice(i, i + BATCH).map((j) => ({ job: j, bossId: randomUUID() }));
    try {
      await boss.insert(chunk.map(({ job, bossId }) => ({ id: bossId, name: QUEUE_NAMES[job.kind], data: { jobId: job.id }, priority: bossPriority(job) })));
      await prisma.$executeRaw`UPDATE "Job" SET "bossId" = v.boss FROM unnest(${chunk.map((c) => c.job.id)}::text[], ${chunk.map((c) => c.bossId)}::text[]) AS v(id, boss)
        WHERE "Job".id = v.id AND "Job"."bossId" IS NULL`;
    } catch {
      // left for the sweep (worker.ts)
    }
  }
  return jobs;
}

/** The pipeline's state machine; runs with the experiment row locked. Answers the Job rows it created (unsent). */
async function advanceInTx(tx: Tx, experimentId: string): Promise<Job[]> {
  const exp = await tx.experiment.findUnique({ where: { id: experimentId }, select: { id: true, teamId: true, status: true } });
  if (!exp || exp.status === 'CANCELLED' || exp.status === 'FAILED' || exp.status === 'COMPLETED') return [];
  const jobs = await tx.job.findMany({ where: { experimentId }, select: { kind: true, status: true, dedupeKey: true, result: true, payload: true }, orderBy: { createdAt: 'asc' } });
  const of = (k: JobKind) => jobs.filter((j) => j.kind === k && (k !== 'ALIGN' || isPipelineJob({ ...j, experimentId })));
  const doneCount = (js: typeof jobs) => js.filter((j) => j.status === 'COMPLETED').length;
  const allDone = (js: typeof jobs) => doneCount(js) === js.length;
  const keys = new Set(jobs.map((j) => j.dedupeKey));
  const created: Job[] = [];
  const pending: Prisma.JobCreateManyInput[] = [];
  const create = (kind: JobKind, payload: Prisma.InputJsonValue, dedupeKey: string, networkId: string | null = null) => {
    if (keys.has(dedupeKey)) return;
    keys.add(dedupeKey);
    pending.push({ teamId: exp.teamId, kind, payload, experimentId, networkId, dedupeKey, status: 'QUEUED', phase: 'queued' });
  };
  // Fan-outs of thousands of steps: a statement per batch, inside this transaction.
  const flush = async () => {
    for (let i = 0; i < pending.length; i += BATCH) created.push(...(await tx.job.createManyAndReturn({ data: pending.slice(i, i + BATCH) })));
    pending.length = 0;
  };
  const phase = (text: string, status?: 'RUNNING') => setExperimentPhase(tx, experimentId, text, status);

  const plan = of('EXPERIMENT');
  if (plan.length === 0 || !allDone(plan)) return created;

  // ---- TRAIN: one job per planned network
  const networks = await tx.network.findMany({ where: { experimentId }, select: { id: true, name: true }, orderBy: { createdAt: 'asc' } });
  const costs = (plan[0]!.result as { costs?: Record<string, number> } | null)?.costs ?? {};
  for (const n of networks) create('TRAIN', { experimentId, networkId: n.id, priority: trainPriority(costs[n.name]) }, trainKey(n.id), n.id);
  await flush();
  const train = of('TRAIN');
  const trainTotal = train.length + created.length;
  if (created.length > 0 || !allDone(train)) {
    await phase(`training (${doneCount(train)}/${trainTotal} networks)`, 'RUNNING');
    return created;
  }

  // ---- RECORD: once, after every network is trained
  const record = of('RECORD');
  if (record.length === 0) {
    create('RECORD', { experimentId }, recordKey(experimentId));
    await flush();
    await phase('recording');
    return created;
  }
  if (!allDone(record)) return created;

  // ---- ALIGN: one job per (pair, layer) the recording planned
  const pairs = ((record[0]!.result as { pairs?: PairStep[] } | null)?.pairs ?? []) as PairStep[];
  for (const p of pairs) create('ALIGN', { experimentId, pair: { ...p } }, alignKey(experimentId, p));
  await flush();
  const align = of('ALIGN');
  const alignTotal = align.length + created.length;
  if (created.length > 0 || !allDone(align)) {
    await phase(`aligning (${doneCount(align)}/${alignTotal} pairs)`);
    return created;
  }

  // ---- all stored: chance baselines, then COMPLETED
  // In the recording's pair order, so the summary sums figures in the order the one-process run does.
  const byKey = new Map(align.map((j) => [j.dedupeKey, j.result as unknown as AlignStepResult]));
  const results = pairs.map((p) => byKey.get(alignKey(experimentId, p))!).filter(Boolean);
  const { layerSummaries } = await engineSteps();
  const archOf = new Map((await tx.network.findMany({ where: { experimentId }, select: { name: true, arch: true } })).map((n) => [n.name, n.arch]));
  const spec = (await tx.experiment.findUnique({ where: { id: experimentId }, select: { spec: true } }))?.spec as { split?: { seed?: number } } | null;
  const figures = (f: Record<string, number | null>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v ?? Number.NaN]));
  // Per layer (in the recording's order), each figure over between pairs and over chance pairs (the chance
  // baselines) with the layer statistics. JSON turned NaN figures into null; the summary skips non-finite values either way.
  const summaries = layerSummaries(
    results.map((r) => ({ layer: r.layer, a: r.a, b: r.b, kind: r.kind, ...(r.mirrors ? { mirrors: r.mirrors } : {}), ...(r.shuffledFigures ? { shuffled: figures(r.shuffledFigures) } : {}), f: figures(r.figures) })),
    { architectureOf: (id) => archOf.get(id) ?? id, seed: spec?.split?.seed ?? 0 },
  );
  // Chance baselines and statistics; intermediate data (epoch checkpoints, per-pair statistics) has served its purpose.
  await finishPipelineExperiment(tx, experimentId, summaries);
  return created;
}

/** Stop the experiment's queued and running jobs (a running worker notices at its next heartbeat). */
async function stopOthers(prisma: PrismaClient, boss: PgBoss, experimentId: string, why: string, except?: string): Promise<void> {
  const open = await prisma.job.findMany({ where: { experimentId, status: { in: ['QUEUED', 'RUNNING'] }, ...(except ? { id: { not: except } } : {}) } });
  for (const j of open) {
    const n = await prisma.job.updateMany({ where: { id: j.id, status: { in: ['QUEUED', 'RUNNING'] } }, data: { status: 'CANCELLED', phase: why, finishedAt: new Date(), etaSeconds: null } });
    if (n.count && j.bossId) await boss.cancel(QUEUE_NAMES[j.kind], j.bossId).catch(() => {});
  }
}

/** A step failed for good: the experiment FAILED (naming the step), the rest of its jobs stop. */
export async function failPipeline(prisma: PrismaClient, boss: PgBoss, job: Job, message: string): Promise<void> {
  const what = job.kind === 'EXPERIMENT' ? '' : `${job.kind.toLowerCase()} step ${stepLabel(job)} failed: `;
  await failExperiment(prisma, job.experimentId!, `${what}${message}`);
  await stopOthers(prisma, boss, job.experimentId!, `stopped: ${job.kind.toLowerCase()} step failed`, job.id);
}

/** Cancel an experiment: every queued or running job of it stops; the experiment says CANCELLED. */
export async function cancelPipeline(prisma: PrismaClient, boss: PgBoss, experimentId: string): Promise<void> {
  await cancelExperiment(prisma, experimentId);
  await stopOthers(prisma, boss, experimentId, 'cancelled');
}

/** Retry: every failed or cancelled step is queued again (finished steps are kept), then due steps are created. */
export async function retryPipeline(prisma: PrismaClient, boss: PgBoss, experimentId: string): Promise<void> {
  await reopenExperiment(prisma, experimentId);
  const stopped = await prisma.job.findMany({ where: { experimentId, status: { in: ['FAILED', 'CANCELLED'] } }, orderBy: { createdAt: 'asc' } });
  for (const j of stopped) {
    const again = await prisma.job.update({
      where: { id: j.id },
      data: { status: 'QUEUED', error: null, phase: 'queued', fraction: 0, etaSeconds: null, attempts: 0, finishedAt: null, workerId: null },
    });
    await sendToBoss(prisma, boss, again);
  }
  await advanceExperiment(prisma, boss, experimentId);
}

function stepLabel(job: Job): string {
  const p = job.payload as { pair?: PairStep; networkName?: string } | null;
  if (p?.pair) return `${p.pair.a} × ${p.pair.b} at ${p.pair.layer}`;
  return job.networkId ?? job.id;
}
