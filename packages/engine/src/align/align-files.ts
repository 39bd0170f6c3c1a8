/**
 * Align the units of two networks from two activation files (`.npy` / `.npz`): the work behind
 * `convergent align A.npy B.npy` and the API's align-activations job.
 *
 * Both files are streamed batch by batch, side by side (`align-stream.ts`), into ONE MomentAccumulator over the
 * joint vector [a; b] (groups A and B, so debiased CKA has its extras) — or only the cross block when every method
 * reads no more (`crossBlockSuffices`), or only CKA's sums — plus, when MI is asked for, a seeded reservoir of joint
 * rows (the same rows of A and B, kept paired) and, for mutual kNN, one row per image. The registry's methods then
 * run on those statistics through the one dispatcher (`alignStatistics`, align-pair.ts); nothing holds all samples.
 * The result is the JSON-ready `AlignReport` (plain arrays, NaN as null) documented in the engine README ("CLI").
 */
import { openActivationSource, type ActivationLayout, type ActivationSource } from '../io/activation-source.ts';
import type { CkaMoments, JointMoments, PairStatistics } from '../stats/moments.ts';
import type { CrossStatistics } from '../stats/cross-moments.ts';
import { RowReservoir } from '../stats/row-sample.ts';
import { ImageMeans } from '../stats/image-means.ts';
import { availableMemory } from '../backend/machine-memory.ts';
import { requireCcaSamples } from './cca.ts';
import { DEFAULT_KNN_K, type KnnMetric } from './knn-metric.ts';
import { DEFAULT_MI_BINS, DEFAULT_MI_SAMPLE_ROWS } from './mutual-information.ts';
import { nearestNeighbours, requireKnnImages } from './mutual-knn.ts';
import { type PairMethod, ckaSumsSuffice, crossBlockSuffices, inRegistryOrder } from './methods.ts';
import { type PairResult, alignStatistics } from './align-pair.ts';
import { type AlignProgress, SILENT_PROGRESS } from './align-progress.ts';
import { checkAlignMemory, estimateAlignMemory } from './align-memory.ts';

export type { AlignProgress } from './align-progress.ts';

export const DEFAULT_PENALTIES = [0.001, 0.003, 0.01, 0.03, 0.1];
export const DEFAULT_MI_ROWS = DEFAULT_MI_SAMPLE_ROWS;

/**
 * A problem with the two files or with options that do not fit them: reported as one line. `usage` is true when an
 * option must change (`--k`, `--clusters`: the CLI exits 2), false for the input data (exit 1).
 */
export class AlignInputError extends Error {
  override name = 'AlignInputError';
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

export interface AlignFilesOptions {
  a: string;
  b: string;
  /** Registry method names (align/methods.ts); run in registry order. */
  methods: PairMethod[];
  layout: ActivationLayout;
  keyA?: string;
  keyB?: string;
  penalties: number[];
  /** Spectral clusters; default `defaultClusters(units of A + B)`. */
  clusters?: number;
  affinity: 'abs' | 'positive';
  miRows: number;
  bins?: number;
  seed: number;
  batchRows?: number;
  /** Worker threads for the moments pass (default 1: the products of one pass already use every core). */
  workers?: number;
  /** Summary means over every unit (dead ones count r = 0) instead of live units only (the CLI's summary reads it). */
  includeDead?: boolean;
  /** Mutual kNN: neighbours per image (default 10) and metric (default euclidean). */
  k?: number;
  knnMetric?: KnnMetric;
  /** Bytes this run may use (default: the machine's available memory, or its cgroup's limit); tests set it. */
  availableMemory?: number;
}

/** Each method's block of the report, keyed by the registry's method names. */
export interface AlignMethodResults {
  semi?: { match: number[]; corr: number[]; meanCorr: number; reverseMatch: number[]; reverseCorr: number[]; reverseMeanCorr: number; oneToOneFraction: number };
  max?: { match: number[]; corr: Array<number | null>; meanCorr: number };
  /** match/mi/meanMI: max-weight matching on MI; semi: each unit's highest-MI partner; rows: samples used. */
  mi?: {
    match: number[];
    mi: Array<number | null>;
    meanMI: number;
    semi: { match: number[]; mi: number[]; meanMI: number; reverseMatch: number[]; oneToOneFraction: number };
    rows: number;
    bins: number;
  };
  sparse?: { path: Array<{ penalty: number; meanLoss: number; meanNonzero: number; unconverged: number }> };
  /** mixing: 1 − AMI(cluster labels, network identity) over live units (align/cluster-mixing.ts); null without live units on a side. */
  spectral?: { clusters: number; labels: number[]; affinity: 'abs' | 'positive'; counts: Array<{ a: number; b: number }>; sharedFraction: number; mixing: number | null };
  /** debiased is null below 4 samples, where the unbiased HSIC estimator is undefined. */
  cka?: { linear: number; debiased: number | null };
  // ---- newer measures (issue 16)
  svcca?: { mean: number; correlations: number[]; keptA: number; keptB: number; explainedA: number; explainedB: number };
  pwcca?: { weighted: number; mean: number; correlations: number[]; weights: number[]; rankA: number; rankB: number };
  procrustes?: { distance: number; angular: number; nuclear: number };
  knn?: { score: number; k: number; metric: KnnMetric; images: number; uniform: number };
}

/** Everything an alignment of two files computed, in the JSON shape documented in the engine README. */
export interface AlignReport extends AlignMethodResults {
  samples: number;
  unitsA: number;
  unitsB: number;
  deadA: number[];
  deadB: number[];
  /**
   * Unit-averaged figures over LIVE units only (dead units: std 0 on the samples, engine stats/moments.ts): the
   * live counts and the live means of semi, max and mi. The method blocks keep the all-units means (dead units
   * count r = 0), and every match of a dead unit, or to a dead unit, is reported as −1 (the matching covered it).
   */
  live: {
    a: number;
    b: number;
    semi?: { meanCorr: number; reverseMeanCorr: number; oneToOneFraction: number };
    max?: { meanCorr: number };
    mi?: { meanMI: number; semiMeanMI: number };
  };
  backend: string;
  /** Engine of the large dense products (statistics pass, Grams): `onnxruntime` or `tfjs`. */
  products: 'onnxruntime' | 'tfjs';
  inputs: { a: { path: string; shape: number[]; layout: string }; b: { path: string; shape: number[]; layout: string } };
}

/** Default spectral cluster count: round(sqrt(units)), at least 2 and at most the units. */
export function defaultClusters(units: number): number {
  return Math.min(units, Math.max(2, Math.round(Math.sqrt(units))));
}

const list = (a: ArrayLike<number>): number[] => Array.from(a);
const orNull = (a: ArrayLike<number>): Array<number | null> => Array.from(a, (v) => (Number.isNaN(v) ? null : v));

/** The JSON-ready blocks of a pair's result (plain arrays, not typed arrays, so JSON.stringify writes lists; NaN → null). */
export function reportBlocks(r: PairResult, options: Pick<AlignFilesOptions, 'affinity' | 'bins'>): AlignMethodResults {
  const out: AlignMethodResults = {};
  if (r.semi) {
    const s = r.semi;
    out.semi = {
      match: list(s.match),
      corr: list(s.corr),
      meanCorr: s.meanCorr,
      reverseMatch: list(s.reverseMatch),
      reverseCorr: list(s.reverseCorr),
      reverseMeanCorr: s.reverseMeanCorr,
      oneToOneFraction: s.oneToOneFraction,
    };
  }
  if (r.max) out.max = { match: list(r.max.match), corr: orNull(r.max.corr), meanCorr: r.max.meanCorr };
  if (r.mi) {
    const m = r.mi;
    out.mi = {
      match: list(m.max.match),
      mi: orNull(m.max.mi),
      meanMI: m.max.meanMI,
      semi: { match: list(m.semi.match), mi: list(m.semi.corr), meanMI: m.semi.meanCorr, reverseMatch: list(m.semi.reverseMatch), oneToOneFraction: m.semi.oneToOneFraction },
      rows: m.rows,
      bins: options.bins ?? DEFAULT_MI_BINS,
    };
  }
  if (r.cka) out.cka = { linear: r.cka.linear, debiased: Number.isNaN(r.cka.debiased) ? null : r.cka.debiased };
  if (r.sparse) {
    const s = r.sparse;
    out.sparse = { path: s.penalties.map((penalty, t) => ({ penalty, meanLoss: s.fvu[t]!, meanNonzero: s.nonzero[t]!, unconverged: s.unconverged[t]! })) };
  }
  if (r.spectral) {
    const s = r.spectral[0]!;
    const nonEmpty = s.clusters.filter((c) => c.aCount + c.bCount > 0).length;
    out.spectral = {
      clusters: s.k,
      labels: s.labels,
      affinity: options.affinity,
      counts: s.clusters.map((c) => ({ a: c.aCount, b: c.bCount })),
      sharedFraction: nonEmpty > 0 ? s.shared / nonEmpty : 0,
      mixing: s.mixing,
    };
  }
  if (r.svcca) {
    const v = r.svcca;
    out.svcca = { mean: v.mean, correlations: list(v.correlations), keptA: v.keptA, keptB: v.keptB, explainedA: v.explainedA, explainedB: v.explainedB };
  }
  if (r.pwcca) {
    const v = r.pwcca;
    out.pwcca = { weighted: v.weighted, mean: v.mean, correlations: list(v.correlations), weights: list(v.weights), rankA: v.rankA, rankB: v.rankB };
  }
  if (r.procrustes) out.procrustes = r.procrustes;
  if (r.knn) out.knn = r.knn;
  return out;
}

function describeSource(s: ActivationSource): string {
  const shape = `(${s.shape.join(', ')})`;
  return s.kind === 'dense' ? `${shape} dense` : `${shape} conv ${s.layout}`;
}

/** Mean of values[i] over live i (finite values only); NaN when none. */
function liveMean(values: ArrayLike<number | null>, dead: Uint8Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (dead[i] === 1 || v === null || v === undefined || !Number.isFinite(v)) continue;
    sum += v;
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Live-unit figures of a report, and −1 for every match of a dead unit or to a dead unit (issue 11). */
export function applyLiveUnits(report: AlignReport, deadA: Uint8Array, deadB: Uint8Array): void {
  const count = (d: Uint8Array) => d.length - d.reduce((s, x) => s + (x === 1 ? 1 : 0), 0);
  const hide = (match: number[], from: Uint8Array, to: Uint8Array) => match.map((j, i) => (from[i] === 1 || (j >= 0 && to[j] === 1) ? -1 : j));
  const live: AlignReport['live'] = { a: count(deadA), b: count(deadB) };
  if (report.semi) {
    const s = report.semi;
    const mutual = s.match.map((j, i) => (j >= 0 && s.reverseMatch[j] === i ? 1 : 0));
    live.semi = { meanCorr: liveMean(s.corr, deadA), reverseMeanCorr: liveMean(s.reverseCorr, deadB), oneToOneFraction: liveMean(mutual, deadA) };
    s.match = hide(s.match, deadA, deadB);
    s.reverseMatch = hide(s.reverseMatch, deadB, deadA);
  }
  if (report.max) {
    live.max = { meanCorr: liveMean(report.max.corr, deadA) };
    report.max.match = hide(report.max.match, deadA, deadB);
  }
  if (report.mi) {
    const m = report.mi;
    live.mi = { meanMI: liveMean(m.mi, deadA), semiMeanMI: liveMean(m.semi.mi, deadA) };
    m.match = hide(m.match, deadA, deadB);
    m.semi.match = hide(m.semi.match, deadA, deadB);
    m.semi.reverseMatch = hide(m.semi.reverseMatch, deadB, deadA);
  }
  report.live = live;
}

function deadList(dead: Uint8Array): number[] {
  const out: number[] = [];
  dead.forEach((d, i) => {
    if (d) out.push(i);
  });
  return out;
}

/** Rows [a; b] of a joint row-major matrix split into A's and B's rows (still paired by row). */
function splitRows(data: Float32Array, rows: number, p: number, q: number): { a: Float32Array; b: Float32Array } {
  const width = p + q;
  const a = new Float32Array(rows * p);
  const b = new Float32Array(rows * q);
  for (let r = 0; r < rows; r++) {
    a.set(data.subarray(r * width, r * width + p), r * p);
    b.set(data.subarray(r * width + p, (r + 1) * width), r * q);
  }
  return { a, b };
}

/**
 * Align two activation files (the work behind `convergent align`). Throws one-line errors for bad input
 * (`AlignInputError`, or the reading layer's own); `progress` hears of rows streamed and of each method's work.
 */
export async function alignFiles(options: AlignFilesOptions, progress: AlignProgress = SILENT_PROGRESS): Promise<AlignReport> {
  const methods = inRegistryOrder(options.methods);
  const A = await openActivationSource(options.a, { layout: options.layout, ...(options.keyA !== undefined ? { key: options.keyA } : {}) });
  let B: ActivationSource | undefined;
  try {
    B = await openActivationSource(options.b, { layout: options.layout, ...(options.keyB !== undefined ? { key: options.keyB } : {}) });
    if (A.samples !== B.samples) {
      throw new AlignInputError(
        `sample counts differ: ${A.label} has ${A.samples} samples ${describeSource(A)}, ${B.label} has ${B.samples} ${describeSource(B)}; both must hold the same probe samples in the same order`,
      );
    }
    if (A.samples < 2) {
      throw new AlignInputError(`${A.label} and ${B.label} hold ${A.samples} sample${A.samples === 1 ? '' : 's'}; correlations need at least 2`);
    }
    const p = A.units;
    const q = B.units;
    // ---- newer measures (issue 16): refuse what the data cannot support before the pass.
    for (const m of ['svcca', 'pwcca'] as const) {
      if (!methods.includes(m)) continue;
      try {
        requireCcaSamples(m.toUpperCase(), A.samples, p, q);
      } catch (err) {
        throw new AlignInputError(`${(err as Error).message.replace('record more probe images (or positions), or compare a layer with fewer units', 'align more samples, or leave svcca/pwcca out of --method')}`);
      }
    }
    const k = options.k ?? DEFAULT_KNN_K;
    if (methods.includes('knn')) {
      if (A.images !== B.images) throw new AlignInputError(`mutual kNN compares images: ${A.label} holds ${A.images} images, ${B.label} ${B.images}; both must hold the same probe images`);
      if (k >= A.images) throw new AlignInputError(`--k ${k} needs more than ${k} images, but ${A.label} holds ${A.images}; lower --k below ${A.images}`, true);
    }
    if (options.clusters !== undefined && methods.includes('spectral') && options.clusters > p + q) {
      throw new AlignInputError(`--clusters ${options.clusters} is more than the ${p + q} units of A and B together (${p} + ${q})`, true);
    }
    const width = p + q;
    const N = A.samples;
    const batchRows = Math.min(N, options.batchRows ?? Math.max(256, Math.min(65_536, Math.floor(4_194_304 / width))));
    const workers = Math.max(1, Math.min(options.workers ?? 1, Math.floor(N / 2)));
    // Before anything is allocated: does the pass fit this machine (two 2 M-unit layers grew to 6 GB and then
    // failed with "Invalid typed array length")?
    try {
      checkAlignMemory(
        estimateAlignMemory({ p, q, samples: N, images: A.images, methods, miRows: options.miRows, batchRows, workers }),
        options.availableMemory ?? availableMemory(),
        { p, q },
      );
    } catch (err) {
      throw new AlignInputError(`${A.label} and ${B.label}: ${(err as Error).message}`);
    }
    // tfjs loads only now, so bad options and bad files are reported without waiting for it.
    const [{ selectBackend }, { pairStatistics }, { streamJointMoments, streamCrossMoments, streamCkaMoments }] = await Promise.all([
      import('../backend/select-backend.ts'),
      import('../stats/moments.ts'),
      import('./align-stream.ts'),
    ]);
    const backend = await selectBackend();
    const reservoir = methods.includes('mi') ? new RowReservoir(width, Math.min(options.miRows, N), options.seed) : undefined;
    const images = methods.includes('knn') ? new ImageMeans(width, A.samples / A.images, A.images) : undefined;
    const streamArgs = [
      A,
      B,
      {
        a: { path: options.a, layout: options.layout, ...(options.keyA !== undefined ? { key: options.keyA } : {}) },
        b: { path: options.b, layout: options.layout, ...(options.keyB !== undefined ? { key: options.keyB } : {}) },
        // About 4M values per batch: big enough for efficient products, small enough to stream.
        batchRows,
        workers,
        reservoir,
        images,
      },
      progress,
    ] as const;
    let joint: JointMoments | undefined;
    let stats: PairStatistics | CrossStatistics | CkaMoments;
    // Matching alone (semi, max; MI and kNN read their own rows) needs only the cross block AᵀB and per-unit
    // moments: half the products of the joint Gram at p = q, and p·q sums instead of (p + q)² (issue 12).
    if (crossBlockSuffices(methods)) stats = await streamCrossMoments(...streamArgs);
    // CKA alone: the same joint sums read as three Frobenius norms, without the joint covariance / correlation and
    // the six pair blocks the other methods read (issue 12: about 1.6 GB less at 4,096 + 4,096 units).
    else if (ckaSumsSuffice(methods)) stats = await streamCkaMoments(...streamArgs);
    else {
      joint = await streamJointMoments(...streamArgs);
      stats = pairStatistics(joint, { offset: 0, count: p }, { offset: p, count: q });
    }
    const result = await alignStatistics(
      {
        stats,
        // The accumulator's joint correlation is already [[R_AA, R_AB], [R_BA, R_BB]] with A's units first.
        ...(joint ? { jointCorr: joint.corr } : {}),
        miSample: () => {
          if (!reservoir) throw new Error('internal: MI needs the row reservoir filled while streaming');
          const { data, rows } = reservoir.sample();
          return { ...splitRows(data, rows, p, q), rows };
        },
        neighbours: (kk, metric) => {
          if (!images) throw new Error('internal: kNN needs the per-image rows filled while streaming');
          const { data, rows } = images.rows();
          requireKnnImages('mutual kNN', rows, kk);
          const split = splitRows(data, rows, p, q);
          return { a: nearestNeighbours(split.a, rows, p, kk, metric), b: nearestNeighbours(split.b, rows, q, kk, metric) };
        },
      },
      {
        methods,
        penalties: options.penalties,
        clusters: [options.clusters ?? defaultClusters(p + q)],
        affinity: options.affinity,
        miBins: options.bins ?? DEFAULT_MI_BINS,
        seed: options.seed,
        knn: { k, metric: options.knnMetric ?? 'euclidean' },
        // The per-penalty dense weights of every target are not reported here (they would be p·q per penalty).
        sparse: { weights: false, parallel: true },
        step: (method, work) => progress.step(method, work),
      },
    );
    const report: AlignReport = {
      samples: A.samples,
      unitsA: p,
      unitsB: q,
      deadA: deadList(stats.deadA),
      deadB: deadList(stats.deadB),
      live: { a: p, b: q },
      backend: backend.name,
      products: backend.products,
      inputs: {
        a: { path: A.label, shape: [...A.shape], layout: A.kind === 'dense' ? 'dense' : A.layout! },
        b: { path: B.label, shape: [...B.shape], layout: B.kind === 'dense' ? 'dense' : B.layout! },
      },
      ...reportBlocks(result, options),
    };
    applyLiveUnits(report, stats.deadA, stats.deadB);
    return report;
  } finally {
    await A.close();
    await B?.close();
  }
}
