/**
 * `@convergent/engine/findings`: the figures a reader is shown, with their chance levels and intervals, computed from
 * recorded values: the paper's findings (`computeFindings`, and `findingsInput` reading a result directory), the
 * per-layer statistics of each method's figure, and the family checks (consensus, stitching). Pure arithmetic on
 * typed arrays: no TensorFlow.js.
 */
export * from '../findings/compute-findings.ts';
export * from '../findings/findings-input.ts';
export * from '../experiment/layer-statistics.ts';
export * from '../experiment/family-check-statistics.ts';
