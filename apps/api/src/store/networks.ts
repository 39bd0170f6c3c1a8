/**
 * Networks: the plan's rows (EXPERIMENT), their training state and figures (TRAIN), their weights, and the networks
 * of an imported result.
 */
import type { EpochMetrics, StepMetric } from '@convergent/engine/contracts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { type ArtifactOwner, checkpointKey, putWeights } from './artifacts.ts';
import { type Db, finite, type Tx } from './db.ts';
import type { NetworkValues } from './values.ts';

/** Rows per statement when storing a plan. */
const PLAN_BATCH = 500;

/** A planned network: name (the engine's network id), architecture and seed. */
export interface PlannedNetworkRow {
  name: string;
  arch: string;
  archSpec: Prisma.InputJsonValue;
  seed: number;
  untrained: boolean;
  epochs: number;
}

/**
 * The plan's Network rows: networks of an earlier, different plan are deleted, missing ones created QUEUED, changed
 * ones updated; those of an earlier attempt of this plan are kept. In batches of short statements, not one
 * transaction (5,000 seeds overran Prisma's 5 s transaction): it is idempotent (one row per network name), so an
 * attempt that dies half-way leaves rows the retry completes.
 */
export async function storePlannedNetworks(prisma: PrismaClient, experimentId: string, planned: PlannedNetworkRow[], signal?: AbortSignal): Promise<void> {
  const wanted = new Set(planned.map((n) => n.name));
  const existing = await prisma.network.findMany({ where: { experimentId }, select: { id: true, name: true, arch: true, seed: true, untrained: true, epochs: true } });
  const stale = existing.filter((e) => !wanted.has(e.name)).map((e) => e.id);
  for (let i = 0; i < stale.length; i += PLAN_BATCH) await prisma.network.deleteMany({ where: { id: { in: stale.slice(i, i + PLAN_BATCH) } } });
  const have = new Map(existing.map((e) => [e.name, e]));
  const missing = planned.filter((n) => !have.has(n.name));
  for (let i = 0; i < missing.length; i += PLAN_BATCH) {
    signal?.throwIfAborted();
    await prisma.network.createMany({ data: missing.slice(i, i + PLAN_BATCH).map((n) => ({ experimentId, status: 'QUEUED' as const, ...n })), skipDuplicates: true });
  }
  for (const n of planned) {
    const e = have.get(n.name);
    if (e && (e.arch !== n.arch || e.seed !== n.seed || e.untrained !== n.untrained || e.epochs !== n.epochs)) {
      const { name: _name, ...fields } = n;
      await prisma.network.update({ where: { id: e.id }, data: fields });
    }
  }
}

/** A TRAIN job took the network. */
export async function markNetworkTraining(db: Db, networkId: string): Promise<void> {
  await db.network.update({ where: { id: networkId }, data: { status: 'TRAINING', error: null } });
}

/** The growing per-step training curve (the engine's downsampled series; empty = a fresh start). */
export async function storeStepMetrics(db: Db, networkId: string, series: StepMetric[]): Promise<void> {
  await db.network.update({ where: { id: networkId }, data: { stepMetrics: series as unknown as Prisma.InputJsonValue } });
}

/** The per-epoch figures after each finished epoch. */
export async function storeEpochMetrics(db: Db, networkId: string, metrics: EpochMetrics[]): Promise<void> {
  const last = metrics[metrics.length - 1];
  await db.network.update({
    where: { id: networkId },
    data: { epochsDone: metrics.length, metrics: metrics as unknown as Prisma.InputJsonValue, ...(last ? { accuracy: last.validationAccuracy } : {}) },
  });
}

/** What a finished TRAIN job stores. */
export interface TrainedNetworkValues {
  weights: { modelJson: Uint8Array; weightsBin: Uint8Array };
  metrics: EpochMetrics[];
  stepMetrics: StepMetric[];
  backend: string | null;
  parameterCount: number;
  trainSeconds: number;
}

/** A trained network in ONE transaction: weights, figures and series, status COMPLETED; its checkpoint goes. */
export async function storeTrainedNetwork(prisma: PrismaClient, owner: ArtifactOwner, networkId: string, v: TrainedNetworkValues): Promise<void> {
  const last = v.metrics[v.metrics.length - 1];
  await prisma.$transaction(async (tx) => {
    await putWeights(tx, owner, networkId, v.weights);
    await tx.network.update({
      where: { id: networkId },
      data: {
        status: 'COMPLETED',
        backend: v.backend,
        epochsDone: v.metrics.length,
        metrics: v.metrics as unknown as Prisma.InputJsonValue,
        stepMetrics: v.stepMetrics as unknown as Prisma.InputJsonValue,
        accuracy: finite(last?.validationAccuracy),
        parameterCount: v.parameterCount,
        trainSeconds: v.trainSeconds,
        trainedAt: new Date(),
        error: null,
      },
    });
    await tx.artifact.deleteMany({ where: { teamId: owner.teamId, key: checkpointKey(networkId) } });
  });
}

/**
 * A network of an imported result (created, or updated when the experiment has one of that name) with its weights.
 * Answers the row id. `epochs`: the spec's epochs (an untrained twin has 0).
 */
export async function storeResultNetwork(tx: Tx, owner: ArtifactOwner, n: NetworkValues, context: { backend: string; epochs: number }): Promise<string> {
  const last = n.metrics[n.metrics.length - 1];
  const fields = {
    arch: n.architecture,
    archSpec: n.spec as unknown as Prisma.InputJsonValue,
    seed: n.seed,
    untrained: n.role === 'untrained',
    backend: context.backend,
    status: 'COMPLETED' as const,
    epochs: n.role === 'untrained' ? 0 : context.epochs,
    epochsDone: n.metrics.length,
    metrics: n.metrics as unknown as Prisma.InputJsonValue,
    // Results written before per-step metrics carry none: an empty series.
    stepMetrics: (n.stepMetrics ?? []) as unknown as Prisma.InputJsonValue,
    accuracy: finite(last?.validationAccuracy),
    parameterCount: n.parameterCount,
    trainSeconds: n.trainSeconds,
    trainedAt: new Date(),
    error: null,
  };
  const net = await tx.network.upsert({
    where: { experimentId_name: { experimentId: owner.experimentId, name: n.id } },
    create: { experimentId: owner.experimentId, name: n.id, ...fields },
    update: fields,
    select: { id: true },
  });
  await putWeights(tx, owner, net.id, n.weights);
  return net.id;
}

/** Deletes the experiment's networks not named in `names` (a re-import's stale ones). */
export async function deleteNetworksNotIn(db: Db, experimentId: string, names: string[]): Promise<void> {
  await db.network.deleteMany({ where: { experimentId, name: { notIn: names } } });
}
