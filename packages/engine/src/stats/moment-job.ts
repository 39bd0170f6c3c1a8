/**
 * Worker-thread job of `parallelPairMoments`: accumulate the joint moments of a slice of rows of A and B (views on
 * SharedArrayBuffers, so nothing is copied between threads) and return the accumulator's plain state.
 */
import { MomentAccumulator, type MomentState } from './moments.ts';

export interface PairMomentJob {
  a: Float32Array;
  b: Float32Array;
  /** Row range of this job. */
  start: number;
  end: number;
  p: number;
  q: number;
  batchRows: number;
}

export function accumulatePairRows(job: PairMomentJob): MomentState {
  const { a, b, start, end, p, q, batchRows } = job;
  const w = p + q;
  const acc = new MomentAccumulator(w, { groups: [{ offset: 0, count: p }, { offset: p, count: q }], chunkRows: batchRows });
  const buf = new Float32Array(Math.min(batchRows, end - start) * w);
  for (let s = start; s < end; s += batchRows) {
    const rows = Math.min(batchRows, end - s);
    for (let r = 0; r < rows; r++) {
      buf.set(a.subarray((s + r) * p, (s + r + 1) * p), r * w);
      buf.set(b.subarray((s + r) * q, (s + r + 1) * q), r * w + p);
    }
    acc.update(buf, rows);
  }
  return acc.toState();
}
