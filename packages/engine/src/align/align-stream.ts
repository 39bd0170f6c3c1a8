/**
 * The streaming pass of a two-file alignment (`align-files.ts`, behind `convergent align`): both activation files, side by side, into joint moments over [a; b]
 * (groups A and B) and, for MI, a seeded reservoir of joint rows.
 *
 * Sequential: one pass in this thread feeds both. Parallel (`workers > 1`): each worker thread opens the files
 * itself and accumulates a contiguous range of rows (its own tfjs backend: the wasm backend is single-threaded in
 * Node), the states are merged (Chan), and this thread fills the MI reservoir in its own in-order pass meanwhile.
 * Either way the first non-finite value (lowest sample; A before B) is the one reported.
 */
import { ActivationError, openActivationSource, type ActivationLayout, type ActivationSource } from '../io/activation-source.ts';
import { type CkaMoments, MomentAccumulator, type JointMoments, type MomentState } from '../stats/moments.ts';
import { CrossMomentAccumulator, type CrossMomentState, type CrossStatistics } from '../stats/cross-moments.ts';
import type { RowReservoir } from '../stats/row-sample.ts';
import type { ImageMeans } from '../stats/image-means.ts';
import { runInWorkers } from '../parallel/worker-pool.ts';
import type { AlignProgress } from './align-progress.ts';

export interface SourceSpec {
  path: string;
  key?: string;
  layout: ActivationLayout;
}

function openSpec(spec: SourceSpec): Promise<ActivationSource> {
  return openActivationSource(spec.path, { layout: spec.layout, ...(spec.key !== undefined ? { key: spec.key } : {}) });
}

/** The error to report when both A and B failed on one batch: the lower sample, A on a tie. */
function firstFailure(a: unknown, b: unknown): unknown {
  if (a instanceof ActivationError && b instanceof ActivationError && a.at && b.at && b.at.sample < a.at.sample) return b;
  return a;
}

/** Floats per pair of read buffers (1 MiB): see forEachJointBatch. */
const READ_VALUES = 262_144;

/**
 * Read samples [start, end) of A and B in batches and hand each joint batch (`rows × (p + q)`, row-major, A's units
 * first; the buffer is reused) to `visit`. The next batch is read while `visit` runs.
 */
export async function forEachJointBatch(
  A: ActivationSource,
  B: ActivationSource,
  start: number,
  end: number,
  batchRows: number,
  visit: (joint: Float32Array, rows: number, done: number) => void,
  readValues = READ_VALUES,
): Promise<void> {
  const p = A.units;
  const q = B.units;
  const width = p + q;
  const size = Math.max(1, Math.min(batchRows, end - start));
  const joint = new Float32Array(size * width);
  if (start >= end) return;
  // Reads go through two pairs of SMALL reused buffers (at most READ_VALUES floats a pair), alternating: one pair is
  // being read while the other is copied into `joint`, so a read is always in flight. Fresh memory is expensive here:
  // first-touch page faults cost more than the read itself (measured: 80 MB into fresh memory 250 ms, into reused
  // memory 7–14 ms; numpy avoids it with transparent huge pages, which Node cannot ask for).
  // Fortran-order files and conv maps read a run per unit column (or transpose): small reads would multiply those.
  const sub = A.contiguous && B.contiguous ? Math.max(1, Math.min(size, Math.floor(readValues / width))) : size;
  const buffers = [0, 1].map(() => ({ a: new Float32Array(sub * p), b: new Float32Array(sub * q) }));
  let turn = 0;
  const read = async (from: number, rows: number) => {
    const buf = buffers[turn++ % 2]!;
    // Settle both before reporting, so the lower sample (A on a tie) is reported whichever read finished first.
    const [ra, rb] = await Promise.allSettled([A.readSamples(from, rows, buf.a), B.readSamples(from, rows, buf.b)]);
    if (ra.status === 'rejected') throw rb.status === 'rejected' ? firstFailure(ra.reason, rb.reason) : ra.reason;
    if (rb.status === 'rejected') throw rb.reason;
    return { rows, a: ra.value, b: rb.value };
  };
  // Sub-batches never cross a batch boundary: batch k is [start + k·size, …), cut into pieces of at most `sub` rows.
  const pieceAfter = (from: number): [number, number] | undefined => {
    if (from >= end) return undefined;
    const batchEnd = Math.min(end, start + (Math.floor((from - start) / size) + 1) * size);
    return [from, Math.min(sub, batchEnd - from)];
  };
  const issue = (piece: [number, number] | undefined) => {
    if (!piece) return undefined;
    const pending = read(piece[0], piece[1]);
    // Marked handled here; awaited (and thrown) when its turn comes.
    pending.catch(() => undefined);
    return pending;
  };
  let next = issue(pieceAfter(start));
  for (let at = start; at < end; ) {
    const rows = Math.min(size, end - at);
    const after = at + rows;
    for (let filled = 0; filled < rows; ) {
      const { rows: count, a, b } = await next!;
      next = issue(pieceAfter(at + filled + count));
      for (let r = 0; r < count; r++) {
        joint.set(a.subarray(r * p, (r + 1) * p), (filled + r) * width);
        joint.set(b.subarray(r * q, (r + 1) * q), (filled + r) * width + p);
      }
      filled += count;
    }
    visit(joint, rows, after - start);
    at = after;
  }
}

export interface RangeJob {
  a: SourceSpec;
  b: SourceSpec;
  start: number;
  end: number;
  batchRows: number;
  /** 'cross': only the cross block and per-unit moments (CrossMomentAccumulator); default the full joint Gram. */
  blocks?: 'full' | 'cross';
}

/** A range's moments, or where its first non-finite value is (so the caller can report the lowest sample). */
export type RangeResult = { state: MomentState } | { crossState: CrossMomentState } | { nonFinite: { message: string; sample: number } };

/** Worker job: moments of samples [start, end) of both files. Progress messages are rows done so far. */
export async function accumulateRange(job: RangeJob, ctx?: { progress(done: number): void }): Promise<RangeResult> {
  const A = await openSpec(job.a);
  try {
    const B = await openSpec(job.b);
    try {
      const p = A.units;
      const q = B.units;
      const acc = job.blocks === 'cross' ? new CrossMomentAccumulator(p, q) : new MomentAccumulator(p + q, { groups: [{ offset: 0, count: p }, { offset: p, count: q }] });
      let lastReport = 0;
      await forEachJointBatch(A, B, job.start, job.end, job.batchRows, (joint, rows, done) => {
        acc.update(joint, rows);
        const now = performance.now();
        if (now - lastReport > 250 || done === job.end - job.start) {
          lastReport = now;
          ctx?.progress(done);
        }
      });
      return acc instanceof CrossMomentAccumulator ? { crossState: acc.toState() } : { state: acc.toState() };
    } catch (err) {
      if (err instanceof ActivationError && err.at) return { nonFinite: { message: err.message, sample: err.at.sample } };
      throw err;
    } finally {
      await B.close();
    }
  } finally {
    await A.close();
  }
}

export interface StreamOptions {
  a: SourceSpec;
  b: SourceSpec;
  batchRows: number;
  workers: number;
  reservoir: RowReservoir | undefined;
  /** Per-image rows for mutual kNN, filled in sample order like the reservoir. */
  images?: ImageMeans | undefined;
}

/** Stream both (already opened and checked) sources into joint moments, filling `reservoir` when given. */
export async function streamJointMoments(A: ActivationSource, B: ActivationSource, options: StreamOptions, progress: AlignProgress): Promise<JointMoments> {
  const groups = [
    { offset: 0, count: A.units },
    { offset: A.units, count: B.units },
  ];
  return streamMoments(A, B, options, progress, {
    blocks: 'full',
    create: () => new MomentAccumulator(A.units + B.units, { groups }),
    fromResult: (r) => MomentAccumulator.fromState((r as { state: MomentState }).state),
  });
}

/**
 * Like streamJointMoments, finalised for CKA alone (`MomentAccumulator.finalizeCka`): the same joint sums, centred in
 * place, read as three Frobenius norms — no joint covariance, correlation or pair blocks (issue 12: memory).
 */
export async function streamCkaMoments(A: ActivationSource, B: ActivationSource, options: StreamOptions, progress: AlignProgress): Promise<CkaMoments> {
  const groups = [
    { offset: 0, count: A.units },
    { offset: A.units, count: B.units },
  ];
  const wrap = (acc: MomentAccumulator) => ({
    acc,
    update: (batch: Float32Array, rows: number) => acc.update(batch, rows),
    merge: (other: { acc: MomentAccumulator }) => acc.merge(other.acc),
    finalize: () => acc.finalizeCka(),
  });
  return streamMoments(A, B, options, progress, {
    blocks: 'full',
    create: () => wrap(new MomentAccumulator(A.units + B.units, { groups })),
    fromResult: (r) => wrap(MomentAccumulator.fromState((r as { state: MomentState }).state)),
  });
}

/**
 * Like streamJointMoments, but only what matching needs: per-unit moments and the cross block AᵀB
 * (CrossMomentAccumulator), never the within Grams of A and B.
 */
export async function streamCrossMoments(A: ActivationSource, B: ActivationSource, options: StreamOptions, progress: AlignProgress): Promise<CrossStatistics> {
  return streamMoments(A, B, options, progress, {
    blocks: 'cross',
    create: () => new CrossMomentAccumulator(A.units, B.units),
    fromResult: (r) => CrossMomentAccumulator.fromState((r as { crossState: CrossMomentState }).crossState),
  });
}

interface Accumulator<R> {
  update(batch: Float32Array, rows: number): void;
  merge(other: this): void;
  finalize(): R;
}

async function streamMoments<R, Acc extends Accumulator<R>>(
  A: ActivationSource,
  B: ActivationSource,
  options: StreamOptions,
  progress: AlignProgress,
  kind: { blocks: 'full' | 'cross'; create: () => Acc; fromResult: (r: RangeResult) => Acc },
): Promise<R> {
  const N = A.samples;
  const { reservoir, batchRows, images } = options;
  const workers = Math.max(1, Math.min(options.workers, Math.floor(N / 2)));
  if (workers === 1) {
    const acc = kind.create();
    await forEachJointBatch(A, B, 0, N, batchRows, (joint, rows, done) => {
      acc.update(joint, rows);
      reservoir?.update(joint, rows);
      images?.update(joint, rows);
      progress.rows(done, N);
    });
    progress.finish();
    return acc.finalize();
  }

  const jobs: RangeJob[] = Array.from({ length: workers }, (_, k) => ({
    a: options.a,
    b: options.b,
    start: Math.floor((k * N) / workers),
    end: Math.floor(((k + 1) * N) / workers),
    batchRows,
    blocks: kind.blocks,
  }));
  const done = new Array<number>(workers).fill(0);
  const inWorkers = runInWorkers<RangeJob, RangeResult, number>(new URL('./align-stream.ts', import.meta.url), 'accumulateRange', jobs, {
    concurrency: workers,
    jobName: (j) => `moments of samples ${j.start}..${j.end}`,
    onProgress: (i, rows) => {
      done[i] = rows;
      progress.rows(
        done.reduce((s, d) => s + d, 0),
        N,
      );
    },
  });
  // The reservoir and the per-image rows need rows in order: fill them here while the workers accumulate.
  const sampling =
    reservoir || images
      ? forEachJointBatch(A, B, 0, N, batchRows, (joint, rows) => {
          reservoir?.update(joint, rows);
          images?.update(joint, rows);
        })
      : Promise.resolve();
  const [w, s] = await Promise.allSettled([inWorkers, sampling]);
  progress.finish();
  const failures: Array<{ message: string; sample: number }> = [];
  if (s.status === 'rejected') {
    const err = s.reason as unknown;
    if (!(err instanceof ActivationError && err.at)) throw err;
    failures.push({ message: err.message, sample: err.at.sample });
  }
  if (w.status === 'rejected') throw w.reason;
  for (const r of w.value) if ('nonFinite' in r) failures.push(r.nonFinite);
  if (failures.length > 0) {
    const first = failures.reduce((x, y) => (y.sample < x.sample ? y : x));
    throw new ActivationError(first.message);
  }
  const total = kind.fromResult(w.value[0]!);
  for (const r of w.value.slice(1)) total.merge(kind.fromResult(r));
  return total.finalize();
}
