/**
 * Memory a two-file alignment needs (`align-files.ts`, behind `convergent align` and the API's align-activations
 * job), estimated from the two files' shapes and the methods before anything is allocated, so that two 2 M-unit
 * layers are refused up front ("needs about 128,000 GB ... available") instead of growing for minutes and failing
 * with "Invalid typed array length".
 *
 * Like the experiment's estimate (experiment/memory-estimate.ts) it counts the large allocations only, each a lower
 * bound of what the pass really takes, over W = p + q units:
 *  - statistics: the moment accumulator's float64 (W + 2)² sums (p · q cross sums when only matching methods run,
 *    stats/cross-moments.ts) (one more per worker thread, and the copy each
 *    worker hands back), and while they are finalized a copy of them next to the W² covariance and correlation;
 *  - the pair's blocks (R_AA, R_BB, R_AB and their covariances, float64) that the methods read;
 *  - per method, its own large arrays: the p × q cost matrix of max matching, the W² affinity of spectral
 *    clustering, the MI row sample (rows × W float32, kept and split in two), the per-image rows of mutual kNN with
 *    their images² distances;
 *  - one streamed batch of both files (float32, the next one read meanwhile).
 */
import { constants } from 'node:buffer';
import type { MemoryEstimate, MemoryPart } from '../backend/machine-memory.ts';
import { ckaSumsSuffice, crossBlockSuffices, type PairMethod } from './methods.ts';

export interface AlignShape {
  p: number;
  q: number;
  /** Rows streamed (samples: images × positions for conv maps). */
  samples: number;
  /** Images (mutual kNN rows). */
  images: number;
  methods: readonly PairMethod[];
  /** MI reservoir rows asked for. */
  miRows: number;
  batchRows: number;
  workers: number;
}

export function estimateAlignMemory(s: AlignShape): MemoryEstimate {
  const w = s.p + s.q;
  const ext = w + 2; // the accumulator's extra CKA columns
  const square = ext * ext;
  const parts: MemoryPart[] = [];
  const workers = Math.max(1, s.workers);
  // Each worker's accumulator and the state it hands back, the merged total, then at finalization a centred copy
  // next to the covariance and correlation.
  const accumulators = workers === 1 ? 1 : 2 * workers + 1;
  let largest: { what: string; elements: number };
  if (crossBlockSuffices(s.methods)) {
    // Matching / Procrustes alone: the cross-only pass (stats/cross-moments.ts): p·q float64 cross sums and 3 (p + q) per-unit
    // sums per accumulator, the float32 transposed chunk (2,048 rows) and one float32 p·q product, then R_AB and its
    // covariance.
    parts.push({ what: 'statistics', bytes: 8 * accumulators * (s.p * s.q + 3 * w) + 4 * (2048 * w + s.p * s.q) });
    parts.push({ what: 'the pair blocks', bytes: 8 * 2 * s.p * s.q });
    largest = { what: `the cross block of ${s.p.toLocaleString('en-US')} × ${s.q.toLocaleString('en-US')} units`, elements: s.p * s.q };
  } else if (ckaSumsSuffice(s.methods)) {
    // CKA alone: the accumulators' sums, centred in place and read as three Frobenius norms (finalizeCka): no
    // copy, no joint covariance / correlation, no pair blocks.
    parts.push({ what: 'statistics', bytes: 8 * accumulators * square });
    largest = { what: `the joint moments of ${s.p.toLocaleString('en-US')} + ${s.q.toLocaleString('en-US')} units`, elements: square };
  } else {
    parts.push({ what: 'statistics', bytes: 8 * (accumulators * square + square + 2 * w * w) });
    parts.push({ what: 'the pair blocks', bytes: 8 * 2 * (s.p * s.p + s.q * s.q + s.p * s.q) });
    largest = { what: `the joint moments of ${s.p.toLocaleString('en-US')} + ${s.q.toLocaleString('en-US')} units`, elements: square };
  }
  parts.push({ what: 'streamed batches', bytes: 4 * 3 * Math.min(s.batchRows, s.samples) * w });
  const consider = (what: string, elements: number) => {
    if (elements > largest.elements) largest = { what, elements };
  };
  let methods = 0;
  const method = (what: string, bytes: number) => {
    methods = Math.max(methods, bytes);
    parts.push({ what, bytes });
  };
  for (const m of s.methods) {
    if (m === 'max') method('max matching', 8 * s.p * s.q);
    else if (m === 'spectral') method('spectral clustering', 8 * w * w);
    else if (m === 'mi') {
      const rows = Math.min(s.miRows, s.samples);
      consider('the MI row sample', rows * w);
      method('the MI row sample', 4 * 2 * rows * w);
    } else if (m === 'knn') {
      consider('the per-image rows', s.images * w);
      method('mutual kNN', 4 * 2 * s.images * w + 8 * 2 * s.images * s.images);
    }
  }
  // The methods run one after the other: only the largest one's arrays count towards the total.
  const fixed = parts.filter((p) => ['statistics', 'the pair blocks', 'streamed batches'].includes(p.what));
  const bytes = fixed.reduce((a, p) => a + p.bytes, 0) + methods;
  return { bytes, parts, largestArray: largest };
}

const gb = (bytes: number) => `${(bytes / 1e9).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GB`;

/** Throws one line when the estimate does not fit `available` bytes or one array would be over the typed-array limit. */
export function checkAlignMemory(estimate: MemoryEstimate, available: number, units: { p: number; q: number }): void {
  const what = `aligning ${units.p.toLocaleString('en-US')} + ${units.q.toLocaleString('en-US')} units`;
  if (estimate.largestArray.elements > constants.MAX_LENGTH) {
    throw new Error(
      `${what} cannot run: ${estimate.largestArray.what} would have ${estimate.largestArray.elements.toLocaleString('en-US')} elements, over the ${constants.MAX_LENGTH.toLocaleString('en-US')} one array can hold (about ${gb(estimate.bytes)} of memory in all); align fewer units, e.g. one layer's slice of channels`,
    );
  }
  if (estimate.bytes > available) {
    const detail = estimate.parts.filter((p) => p.bytes >= 0.01 * estimate.bytes).map((p) => `${p.what} ${gb(p.bytes)}`).join(', ');
    throw new Error(
      `${what} needs about ${gb(estimate.bytes)} of memory (${detail}) but ${gb(available)} is available; align fewer units, leave the costliest methods out of --method, or use a larger machine`,
    );
  }
}
