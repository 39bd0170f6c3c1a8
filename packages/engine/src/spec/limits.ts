/**
 * Plausibility limits on experiment specs: what one Convergent installation agrees to plan, train, record and
 * align. A spec over a limit is refused by the validator with the JSON path and the limit in the error
 * (`architectures[0].layers[1].units 2000000 exceeds the limit of 16384 units per layer`), before anything is
 * allocated: without them a 2 M-unit dense layer passed validation and took the API from 1 to 7 GB in planning.
 *
 * The defaults bound one experiment to what a team can run on a few machines; deployments may raise them (the
 * API server's and the worker's `specLimits`). Memory for this machine is a separate, later check
 * (experiment/memory-estimate.ts).
 */

export interface SpecLimits {
  /** Units of a dense layer, filters of a conv layer, and the width of any recorded layer. */
  maxUnitsPerLayer: number;
  /** Trainable and non-trainable parameters of one network. */
  maxParameters: number;
  /** Values of one layer's output for one image (height × width × channels). */
  maxLayerValues: number;
  /** Training epochs. */
  maxEpochs: number;
  /** Images per training batch. */
  maxBatchSize: number;
  /** Epochs × training images of one network (the number of image passes it trains on). */
  maxTrainingSamples: number;
  /** Trained networks of one experiment (architectures × seeds). */
  maxNetworks: number;
  /** Network pairs to align, summed over the recorded layers (chance pairs included). */
  maxAlignmentPairs: number;
  /** Validation and probe images. */
  maxProbeImages: number;
  /** Rows sampled for mutual information. */
  maxMiSamples: number;
}

export const DEFAULT_SPEC_LIMITS: SpecLimits = {
  maxUnitsPerLayer: 16_384,
  maxParameters: 50_000_000,
  maxLayerValues: 16_777_216,
  maxEpochs: 10_000,
  maxBatchSize: 8_192,
  maxTrainingSamples: 100_000_000,
  maxNetworks: 1_000,
  maxAlignmentPairs: 20_000,
  maxProbeImages: 100_000,
  maxMiSamples: 1_000_000,
};

/** `n` with thousands separators, for error messages. */
export function fmt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}

/** Fill a partial set of limits with the defaults; rejects non-positive values. */
export function resolveSpecLimits(limits: Partial<SpecLimits> = {}): SpecLimits {
  const out = { ...DEFAULT_SPEC_LIMITS, ...limits };
  for (const [k, v] of Object.entries(out)) {
    if (typeof v !== 'number' || !(v > 0)) throw new Error(`spec limit ${k} must be a positive number (got ${String(v)})`);
  }
  return out;
}

/** Parameters a layer adds (tfjs counts: conv kernel + bias, dense weights + bias, batchnorm 4 per channel). */
export function layerParameters(type: string, input: number[], widthOrFilters: number, kernel = 1): number {
  const inChannels = input[input.length - 1] ?? 0;
  if (type === 'conv') return kernel * kernel * inChannels * widthOrFilters + widthOrFilters;
  if (type === 'dense') return inChannels * widthOrFilters + widthOrFilters;
  if (type === 'batchnorm') return 4 * inChannels;
  return 0;
}
