/**
 * Experiments: creating and deleting them, and their status as jobs move them along (queued → running → completed,
 * failed or cancelled). Deleting an experiment cascades to everything stored for it.
 */
import type { LayerSummary } from '@convergent/engine/contracts';
import type { Experiment, Prisma } from '../generated/prisma/client.ts';
import type { Db, Tx } from './db.ts';
import { replaceLayerSummaries } from './statistics.ts';

/** A new experiment's row; `networks` are created with it (imported activations name theirs up front). */
export type NewExperiment = Omit<Prisma.ExperimentUncheckedCreateInput, 'id' | 'networks'> & {
  networks?: Array<Omit<Prisma.NetworkCreateWithoutExperimentInput, 'id'>>;
};

export function createExperiment(db: Db, fields: NewExperiment): Promise<Experiment> {
  const { networks, ...data } = fields;
  return db.experiment.create({ data: { ...data, ...(networks ? { networks: { create: networks } } : {}) } });
}

/** Deletes the experiment and everything stored for it. `quiet`: an experiment already gone is no error. */
export async function deleteExperiment(db: Db, experimentId: string, options: { quiet?: boolean } = {}): Promise<void> {
  const done = db.experiment.delete({ where: { id: experimentId } });
  if (options.quiet) await done.catch(() => {});
  else await done;
}

/** Sets the experiment's identity hash (a failed experiment steps aside for a fresh submission of the same spec). */
export async function setExperimentSpecHash(db: Db, experimentId: string, specHash: string): Promise<void> {
  await db.experiment.update({ where: { id: experimentId }, data: { specHash } });
}

/**
 * The experiment is RUNNING in `phase` (error cleared). `onlyFrom`: only when its status is one of these (an
 * import's placeholder moves from QUEUED once). `streamVersion`: the random streams its networks are trained with.
 */
export async function markExperimentRunning(
  db: Db,
  experimentId: string,
  phase: string,
  options: { onlyFrom?: Array<'QUEUED' | 'RUNNING'>; streamVersion?: number; keepError?: boolean } = {},
): Promise<void> {
  await db.experiment.updateMany({
    where: { id: experimentId, ...(options.onlyFrom ? { status: { in: options.onlyFrom } } : {}) },
    data: { status: 'RUNNING', phase, ...(options.keepError ? {} : { error: null }), ...(options.streamVersion !== undefined ? { streamVersion: options.streamVersion } : {}) },
  });
}

/** The pipeline's phase text (`training (3/5 networks)`, ...), with the status when it changes. */
export async function setExperimentPhase(tx: Tx, experimentId: string, phase: string, status?: 'RUNNING'): Promise<void> {
  await tx.experiment.update({ where: { id: experimentId }, data: { phase, ...(status ? { status } : {}) } });
}

/** A job failed for good: the experiment is FAILED with that one line (unless it already completed or was cancelled). */
export async function failExperiment(db: Db, experimentId: string, error: string): Promise<void> {
  await db.experiment.updateMany({ where: { id: experimentId, status: { notIn: ['CANCELLED', 'COMPLETED'] } }, data: { status: 'FAILED', phase: null, error } });
}

/** Cancelled (unless it already completed). */
export async function cancelExperiment(db: Db, experimentId: string): Promise<void> {
  await db.experiment.updateMany({ where: { id: experimentId, status: { not: 'COMPLETED' } }, data: { status: 'CANCELLED', phase: null } });
}

/** Retried: RUNNING again, error and completion cleared. */
export async function reopenExperiment(db: Db, experimentId: string): Promise<void> {
  await db.experiment.update({ where: { id: experimentId }, data: { status: 'RUNNING', error: null, completedAt: null } });
}

/** COMPLETED now (phase and error cleared). */
export async function completeExperiment(tx: Tx, experimentId: string): Promise<void> {
  await tx.experiment.update({ where: { id: experimentId }, data: { status: 'COMPLETED', phase: null, error: null, completedAt: new Date() } });
}

/**
 * The pipeline's last step, in the caller's transaction (the one that holds the experiment's lock): chance
 * baselines and statistics from the ALIGN jobs' figures, intermediate artifacts (epoch checkpoints, per-pair
 * statistics) deleted, COMPLETED.
 */
export async function finishPipelineExperiment(tx: Tx, experimentId: string, summaries: LayerSummary[]): Promise<void> {
  await replaceLayerSummaries(tx, experimentId, summaries);
  await tx.artifact.deleteMany({ where: { experimentId, kind: { in: ['CHECKPOINT', 'MOMENTS'] } } });
  await completeExperiment(tx, experimentId);
}
