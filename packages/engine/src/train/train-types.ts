/**
 * Types and names shared by training (`train-network.ts`) and the experiment layer (spec, manifest). A leaf module,
 * so that `train/` needs nothing from `experiment/` (which builds on it).
 */

export const OPTIMIZERS = ['adam', 'sgd', 'momentum'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface EpochMetrics {
  /** 1-based. */
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  validationLoss: number;
  validationAccuracy: number;
  /** Wall time of this epoch (training + validation). */
  seconds: number;
}

/**
 * One point of a network's per-step training curve: the mean over a bucket of K consecutive optimiser steps
 * (`step-metrics.ts`), so a run keeps at most `MAX_STEP_POINTS` points however long it trains.
 */
export interface StepMetric {
  /** Steps done at the end of the bucket (1-based: the bucket's last step). */
  step: number;
  /** The epoch (1-based) of the bucket's last step. */
  epoch: number;
  /** Training samples seen at the end of the bucket (over all epochs). */
  samples: number;
  /** Mean training loss over the bucket's samples (softmax cross-entropy, training mode). */
  loss: number;
  /** Fraction of the bucket's samples the network classified right while training on them (batch accuracy). */
  accuracy: number;
}
