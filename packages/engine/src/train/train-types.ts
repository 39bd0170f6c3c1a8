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
