/**
 * The alignment core (issue 14): ONE dispatcher that runs the per-pair methods of the registry (`methods.ts`) on a
 * pair's statistics. `convergent align` (two activation files, `align-files.ts`), `runExperiment` and the job
 * pipeline (a recorded layer, `alignPair` below) and the API's align-activations job all come here; each only says
 * where its statistics, row sample and image rows come from (`PairInput`).
 *
 * Pure computation on typed arrays: callers write them to .npy (the experiment runner) or to JSON
 * (`align-files.ts`).
 */
import { debiasedLinearCka, linearCka } from './cka.ts';
import { clusterMixing } from './cluster-mixing.ts';
import { type HungarianAlignment, hungarianAlignment } from './hungarian.ts';
import type { KnnMetric } from './knn-metric.ts';
import { type PairMethod, inRegistryOrder } from './methods.ts';
import { type MiMatching, miMatchingFromMatrix, mutualInformationMatrix } from './mutual-information.ts';
import { type MutualKnnResult, type NeighbourLists, mutualKnnFromLists, nearestNeighbours } from './mutual-knn.ts';
import { type ProcrustesResult, procrustes } from './procrustes.ts';
import { type PwccaResult, pwcca } from './pwcca.ts';
import { type SemiMatching, semiMatching } from './semi-matching.ts';
import { sparsePredictionPath, type SparsePredictionInput, type SparsePredictionResult } from './sparse-prediction.ts';
import { sparsePredictionPathParallel } from './sparse-prediction-parallel.ts';
import { type SpectralAffinity, jointCorrelation, spectralClustering } from './spectral-clustering.ts';
import { type SvccaResult, svcca } from './svcca.ts';
import type { LayerRecording } from '../record/record-family.ts';
import type { CrossStatistics } from '../stats/cross-moments.ts';
import { type CkaMoments, type PairStatistics, pairStatistics } from '../stats/moments.ts';

/** Spectral clustering of one pair at one cluster count (the manifest's `SpectralResult`). */
export interface SpectralPairResult {
  k: number;
  /** Cluster of every unit: A's p units first, then B's q units. */
  labels: number[];
  /** Per cluster: how many units of A and of B. */
  clusters: Array<{ aCount: number; bCount: number }>;
  /** Clusters holding units of both networks. */
  shared: number;
  /** 1 − AMI(cluster labels, network identity) over live units (cluster-mixing.ts); null without live units on a side. */
  mixing: number | null;
}

/** What `alignStatistics` computed for one pair: a block per method asked for. */
export interface PairResult {
  p: number;
  q: number;
  /** p × q correlation, row-major (absent after a CKA-sums-only pass, which has none). */
  rAB?: Float64Array;
  /** Dead-unit flags of A's p and B's q units (std 0 on the probe set, stats/moments.ts); absent = none dead. */
  deadA?: Uint8Array;
  deadB?: Uint8Array;
  semi?: SemiMatching;
  max?: HungarianAlignment;
  mi?: { matrix: Float64Array; rows: number; semi: SemiMatching; max: MiMatching };
  cka?: { linear: number; debiased: number };
  /** `fvuLive`: per penalty, mean FVU over B's live target units (a dead target's FVU is 1 by convention). */
  sparse?: {
    penalties: number[];
    fvu: number[];
    fvuLive: number[];
    /** Per penalty: mean held-out FVU over B's live targets, weights fitted on the other images (PairInput.heldOut). */
    fvuHeldOut?: number[];
    heldOut?: { images: number; fitImages: number; seed: number };
    nonzero: number[];
    /** Per penalty: targets that hit the sweep cap before meeting the tolerance (0 in normal runs). */
    unconverged: number[];
    /** Dense [penalties, p, q] weights; absent when `PairOptions.sparse.weights` is false. */
    weights?: Float32Array;
  };
  spectral?: SpectralPairResult[];
  // ---- newer measures (issue 16)
  svcca?: SvccaResult;
  pwcca?: PwccaResult;
  procrustes?: ProcrustesResult;
  knn?: Omit<MutualKnnResult, 'perImage'>;
}

type SparseBlock = NonNullable<PairResult['sparse']>;

/** What `alignPair` computed for two members of a recorded layer: always the correlation and the sparse weights. */
export type PairComputation = Omit<PairResult, 'rAB' | 'sparse'> & { rAB: Float64Array; sparse?: SparseBlock & { weights: Float32Array } };

/** A pair's correlations split by image: fitted on `fit`, the loss measured on `held` (sparse prediction). */
export interface HeldOutBlocks {
  fit: { rAA: Float64Array; rAB: Float64Array };
  held: { rAA: Float64Array; rAB: Float64Array };
  images: number;
  fitImages: number;
  seed: number;
}

/** Where one pair's statistics come from. */
export interface PairInput {
  /**
   * The pair's statistics: full (every method), the cross block only (when `crossBlockSuffices(methods)`) or CKA's
   * sums only (when `ckaSumsSuffice(methods)`).
   */
  stats: PairStatistics | CrossStatistics | CkaMoments;
  /** The joint (p + q)² correlation [[R_AA, R_AB], [R_BA, R_BB]] when already at hand (spectral reads it). */
  jointCorr?: Float64Array;
  /** The paired row sample for mutual information (throws its own message when there is none). */
  miSample?: () => { a: Float32Array; b: Float32Array; rows: number };
  /** Each side's k nearest images per image for mutual kNN (throws its own message when there are no image rows). */
  neighbours?: (k: number, metric: KnnMetric) => { a: NeighbourLists; b: NeighbourLists };
  /** Held-out correlations for sparse prediction's held-out FVU (absent: none). */
  heldOut?: () => HeldOutBlocks;
  /** Where, for messages: e.g. `at fc1 (n1 × n2)`. */
  at?: string;
}

export interface PairOptions {
  /** Registry method names, run in registry order; other names (a spec's `consensus`, `stitch`) are left out. */
  methods: readonly string[];
  penalties: number[];
  /** Spectral cluster counts (one result each). */
  clusters: number[];
  /** Spectral affinity (default `abs`). */
  affinity?: SpectralAffinity;
  miBins: number;
  seed: number;
  /** Mutual kNN: neighbours per image and metric (default 10, euclidean). */
  knn?: { k: number; metric: KnnMetric };
  /** Neighbour lists already computed for a member (by network id), reused across that network's pairs (`alignPair`). */
  knnCache?: Map<string, NeighbourLists>;
  /**
   * Sparse prediction: `weights` false skips the dense [penalties, p, q] weights (default true); `parallel` solves
   * the targets on worker threads when the problem is large enough to pay for their start (default false).
   */
  sparse?: { weights?: boolean; parallel?: boolean };
  /** Runs each method's work (default: runs it): the CLI times and announces steps through it. */
  step?: <T>(method: PairMethod, work: () => Promise<T>) => Promise<T>;
}

function full(input: PairInput, method: PairMethod): PairStatistics {
  if (!('rAA' in input.stats)) throw new Error(`internal: ${method} needs the full pair statistics, but only the cross block or CKA's sums were computed`);
  return input.stats;
}

function cross(input: PairInput, method: PairMethod): PairStatistics | CrossStatistics {
  if ('frobeniusSq' in input.stats) throw new Error(`internal: ${method} needs the cross block, but only CKA's sums were computed`);
  return input.stats;
}

const liveMeanOf = (deadB: Uint8Array, q: number) => (losses: Float64Array) => {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < q; k++) if (deadB[k] !== 1) (sum += losses[k]!), n++;
  return n > 0 ? sum / n : Number.NaN;
};

type Step = (input: PairInput, options: PairOptions, out: PairResult) => void | Promise<void>;

/** What each registry method computes: the one dispatch table, keyed by the registry's names. */
const STEPS: Record<PairMethod, Step> = {
  semi(input, _options, out) {
    const { rAB, p, q } = cross(input, 'semi');
    out.semi = semiMatching(rAB, p, q);
  },
  max(input, _options, out) {
    const { rAB, p, q } = cross(input, 'max');
    out.max = hungarianAlignment(rAB, p, q);
  },
  mi(input, options, out) {
    if (!input.miSample) throw new Error('internal: mutual information needs the paired row sample');
    const { p, q } = input.stats;
    const s = input.miSample();
    const matrix = mutualInformationMatrix(s.a, s.b, s.rows, p, q, { bins: options.miBins });
    out.mi = { matrix, rows: s.rows, semi: semiMatching(matrix, p, q), max: miMatchingFromMatrix(matrix, p, q) };
  },
  cka(input, _options, out) {
    const stats = 'frobeniusSq' in input.stats ? input.stats : full(input, 'cka');
    out.cka = { linear: linearCka(stats), debiased: stats.n >= 4 ? debiasedLinearCka(stats) : Number.NaN };
  },
  async sparse(input, options, out) {
    const pair = full(input, 'sparse');
    const { p, q, rAB } = pair;
    const problem: SparsePredictionInput = { rAA: pair.rAA, rAB, p, q, penalties: options.penalties };
    // Worker threads over targets only when the problem is large enough to pay for their start (autoWorkers).
    const { path }: SparsePredictionResult = options.sparse?.parallel === true ? await sparsePredictionPathParallel(problem) : sparsePredictionPath(problem);
    const liveMean = liveMeanOf(pair.deadB, q);
    out.sparse = {
      penalties: path.map((pt) => pt.penalty),
      fvu: path.map((pt) => pt.meanLoss),
      fvuLive: path.map((pt) => liveMean(pt.losses)),
      nonzero: path.map((pt) => pt.meanNonzero),
      unconverged: path.map((pt) => pt.unconverged),
    };
    if (options.sparse?.weights !== false) {
      const weights = new Float32Array(path.length * p * q);
      path.forEach((pt, t) => {
        const w = pt.weights;
        for (let k = 0; k < q; k++) {
          for (let z = w.colPtr[k]!; z < w.colPtr[k + 1]!; z++) weights[t * p * q + w.rowIndex[z]! * q + k] = w.values[z]!;
        }
      });
      out.sparse.weights = weights;
    }
    // Held-out FVU: weights fitted on the fit images' correlations, the loss on the held-out images' (split by image).
    const h = input.heldOut?.();
    if (h) {
      const held = sparsePredictionPath({ rAA: h.fit.rAA, rAB: h.fit.rAB, p, q, penalties: options.penalties, heldOut: h.held }).path;
      out.sparse.fvuHeldOut = held.map((pt) => liveMean(pt.heldOutLosses!));
      out.sparse.heldOut = { images: h.images, fitImages: h.fitImages, seed: h.seed };
    }
  },
  spectral(input, options, out) {
    const stats = input.stats;
    const { p, q } = stats;
    const affinity = options.affinity ?? 'abs';
    const corr = input.jointCorr ?? jointCorrelation(full(input, 'spectral'));
    out.spectral = options.clusters.map((k) => {
      if (k > p + q) throw new Error(`spectral clustering: ${k} clusters for ${p + q} units; lower "clusters"`);
      const r = spectralClustering({ corr, p, q, k, seed: options.seed, affinity });
      const clusters = r.clusters.map((c) => ({ aCount: c.fromA, bCount: c.fromB }));
      const mixing = clusterMixing(r.labels, p, q, { a: stats.deadA, b: stats.deadB });
      return { k, labels: Array.from(r.labels), clusters, shared: clusters.filter((c) => c.aCount > 0 && c.bCount > 0).length, mixing };
    });
  },
  // ---- newer measures (issue 16): SVCCA, PWCCA and Procrustes from the covariance blocks, mutual kNN from the
  // per-image rows.
  svcca(input, _options, out) {
    out.svcca = svcca(full(input, 'svcca'), input.at ? { what: `SVCCA ${input.at}` } : {});
  },
  pwcca(input, _options, out) {
    out.pwcca = pwcca(full(input, 'pwcca'), input.at ? { what: `PWCCA ${input.at}` } : {});
  },
  procrustes(input, _options, out) {
    out.procrustes = procrustes(cross(input, 'procrustes'), input.at ? { what: `Procrustes distance ${input.at}` } : {});
  },
  knn(input, options, out) {
    if (!input.neighbours) throw new Error('internal: mutual kNN needs the per-image rows');
    const { k, metric } = options.knn ?? { k: 10, metric: 'euclidean' as const };
    const { a, b } = input.neighbours(k, metric);
    const { perImage: _perImage, ...knn } = mutualKnnFromLists(a, b);
    out.knn = knn;
  },
};

const runNow = <T>(_method: PairMethod, work: () => Promise<T>): Promise<T> => work();

/** Run `options.methods` (in registry order) on one pair's statistics. */
export async function alignStatistics(input: PairInput, options: PairOptions): Promise<PairResult> {
  const { p, q, deadA, deadB } = input.stats;
  const out: PairResult = { p, q, deadA, deadB, ...('rAB' in input.stats ? { rAB: input.stats.rAB } : {}) };
  const step = options.step ?? runNow;
  for (const method of inRegistryOrder(options.methods)) {
    await step(method, async () => STEPS[method](input, options, out));
  }
  return out;
}

/** Columns [offset, offset + count) of a row-major [rows, width] matrix. */
export function columns(data: Float32Array, rows: number, width: number, offset: number, count: number): Float32Array {
  const out = new Float32Array(rows * count);
  for (let r = 0; r < rows; r++) out.set(data.subarray(r * width + offset, r * width + offset + count), r * count);
  return out;
}

/**
 * Align member `ia` (network A) with member `ib` (network B) of a recorded layer (the experiment's and the
 * pipeline's entry): the registry's methods on the layer's joint recording (moments for correlations, CKA and
 * sparse prediction; the paired row sample for mutual information; the per-image rows for mutual kNN).
 */
export async function alignPair(layer: LayerRecording, ia: number, ib: number, options: PairOptions): Promise<PairComputation> {
  const A = layer.members[ia]!;
  const B = layer.members[ib]!;
  const pair = pairStatistics(layer.moments, A.group, B.group);
  const { p, q } = pair;
  const w = layer.moments.width;
  const at = `at ${layer.name} (${A.networkId} × ${B.networkId})`;
  const input: PairInput = {
    stats: pair,
    at,
    miSample: () => {
      const s = layer.sample;
      if (!s || s.rows < 2) throw new Error(`mutual information at layer ${layer.name} needs a row sample; set mi.samples ≥ 10`);
      return { a: columns(s.data, s.rows, w, A.group.offset, p), b: columns(s.data, s.rows, w, B.group.offset, q), rows: s.rows };
    },
    neighbours: (k, metric) => {
      const img = layer.images;
      if (!img) throw new Error(`mutual kNN ${at} needs one row per probe image: record the layer with imageRows`);
      const lists = (m: typeof A): NeighbourLists => {
        const cached = options.knnCache?.get(m.networkId);
        if (cached && cached.k === k && cached.metric === metric) return cached;
        const made = nearestNeighbours(columns(img.data, img.rows, w, m.group.offset, m.group.count), img.rows, m.group.count, k, metric);
        options.knnCache?.set(m.networkId, made);
        return made;
      };
      return { a: lists(A), b: lists(B) };
    },
  };
  const h = layer.heldOut;
  if (h) {
    input.heldOut = () => {
      const cut = (m: Float64Array, r0: number, rows: number, c0: number, cols: number) => {
        const o = new Float64Array(rows * cols);
        for (let i = 0; i < rows; i++) o.set(m.subarray((r0 + i) * w + c0, (r0 + i) * w + c0 + cols), i * cols);
        return o;
      };
      const [ao, bo] = [A.group.offset, B.group.offset];
      return {
        fit: { rAA: cut(h.fitCorr, ao, p, ao, p), rAB: cut(h.fitCorr, ao, p, bo, q) },
        held: { rAA: cut(h.heldCorr, ao, p, ao, p), rAB: cut(h.heldCorr, ao, p, bo, q) },
        images: h.images,
        fitImages: h.fitImages,
        seed: h.seed,
      };
    };
  }
  // Full statistics give rAB, and the weights are asked for: the result is a PairComputation.
  return (await alignStatistics(input, { ...options, sparse: { ...options.sparse, weights: true } })) as PairComputation;
}
