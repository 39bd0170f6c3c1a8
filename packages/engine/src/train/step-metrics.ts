/**
 * Per-step training curves, downsampled: every K = max(1, ceil(totalSteps / MAX_STEP_POINTS)) optimiser steps make
 * one point, the sample-weighted mean of the K steps' batch loss and accuracy (every step counts; none is dropped).
 * Buckets run over global steps, across epoch ends; the last, possibly shorter, bucket is flushed when training
 * ends. The recorder's whole state (K, points, the open bucket) goes into the per-epoch checkpoint, so a resumed
 * run continues the same series and ends with the same points as an uninterrupted one.
 */
import type { StepMetric } from './train-types.ts';

export type { StepMetric };

/** At most this many points per network and run. */
export const MAX_STEP_POINTS = 200;

/** Steps per point for a run of `totalSteps` optimiser steps. */
export function stepBucketSize(totalSteps: number, maxPoints = MAX_STEP_POINTS): number {
  if (!Number.isFinite(totalSteps) || totalSteps <= 0) return 1;
  return Math.max(1, Math.ceil(totalSteps / Math.max(1, maxPoints)));
}

/** The open bucket: steps, samples, sample-weighted loss sum and correct count so far; its last step and epoch. */
export interface OpenBucket {
  steps: number;
  lastStep: number;
  lastEpoch: number;
  samples: number;
  lossSum: number;
  correct: number;
}

/** Serialisable recorder state, kept in the checkpoint. */
export interface StepSeriesState {
  bucket: number;
  points: StepMetric[];
  open: OpenBucket;
}

const emptyBucket = (): OpenBucket => ({ steps: 0, lastStep: 0, lastEpoch: 0, samples: 0, lossSum: 0, correct: 0 });

export class StepSeries {
  readonly bucket: number;
  private readonly points: StepMetric[];
  private open: OpenBucket;
  private samplesSeen = 0;

  constructor(bucket: number, state?: { points: readonly StepMetric[]; open: OpenBucket; samples: number }) {
    this.bucket = Math.max(1, Math.floor(bucket));
    this.points = state ? state.points.map((p) => ({ ...p })) : [];
    this.open = state ? { ...state.open } : emptyBucket();
    this.samplesSeen = state?.samples ?? 0;
  }

  /** A recorder resumed from a checkpoint's state, or a fresh one when there is none or it used another K. */
  static resume(bucket: number, state: StepSeriesState | undefined, samplesBefore: number): StepSeries {
    // Another K (the run's length changed without a run key) cannot continue the same series: start it over.
    if (!state || state.bucket !== bucket || !Array.isArray(state.points)) return new StepSeries(bucket, { points: [], open: emptyBucket(), samples: samplesBefore });
    return new StepSeries(bucket, { points: state.points, open: { ...emptyBucket(), ...state.open }, samples: samplesBefore });
  }

  /**
   * One optimiser step: `step` (1-based, over the run) of `epoch`, on `samples` samples with mean loss `loss` and
   * `correct` right answers. Returns true when it closed a bucket (a new point).
   */
  add(step: number, epoch: number, samples: number, loss: number, correct: number): boolean {
    this.open.steps++;
    this.open.samples += samples;
    this.open.lossSum += loss * samples;
    this.open.correct += correct;
    this.samplesSeen += samples;
    this.open.lastStep = step;
    this.open.lastEpoch = epoch;
    if (this.open.steps < this.bucket) return false;
    this.close();
    return true;
  }

  /** Close the open bucket early (end of training). Returns true when it held any step. */
  flush(): boolean {
    if (this.open.steps === 0) return false;
    this.close();
    return true;
  }

  private close(): void {
    const o = this.open;
    this.points.push({
      step: o.lastStep,
      epoch: o.lastEpoch,
      samples: this.samplesSeen,
      loss: o.lossSum / o.samples,
      accuracy: o.correct / o.samples,
    });
    this.open = emptyBucket();
  }

  /** A copy of the points so far. */
  series(): StepMetric[] {
    return this.points.map((p) => ({ ...p }));
  }

  get length(): number {
    return this.points.length;
  }

  state(): StepSeriesState {
    return { bucket: this.bucket, points: this.series(), open: { ...this.open } };
  }
}
