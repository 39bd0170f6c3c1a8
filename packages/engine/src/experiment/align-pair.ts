/**
 * Every alignment method for one pair of networks at one recorded layer, from the layer's joint
 * recording (moments for correlations, CKA and sparse prediction; the paired row sample for mutual
 * information). Pure computation: the experiment runner writes the arrays to .npy.
 */
import { debiasedLinearCka, linearCka } from '../align/cka.ts';
import { type HungarianAlignment, hungarianAlignment } from '../align/hungarian.ts';
import { type MiMatching, miMatchingFromMatrix, mutualInformationMatrix } from '../align/mutual-information.ts';
import { type SemiMatching, semiMatching } from '../align/semi-matching.ts';
import { sparsePredictionPath } from '../align/sparse-prediction.ts';
import type { LayerRecording } from '../record/record-family.ts';
import { pairStatistics } from '../stats/moments.ts';
import type { AlignMethod } from './experiment-spec.ts';
import type { SpectralResult } from './manifest.ts';
import { spectralForPair } from './spectral-pair.ts';
import { type ProcrustesResult, procrustes } from '../align/procrustes.ts';
import { type PwccaResult, pwcca } from '../align/pwcca.ts';
import { type SvccaResult, svcca } from '../align/svcca.ts';
import { type MutualKnnResult, type NeighbourLists, mutualKnnFromLists, nearestNeighbours } from '../align/mutual-knn.ts';
import type { KnnMetric } from '../align/knn-metric.ts';

export interface PairOptions {
  methods: readonly AlignMethod[];
  penalties: number[];
  clusters: number[];
  miBins: number;
  seed: number;
  /** Mutual kNN: neighbours per image and metric (default 10, euclidean). */
  knn?: { k: number; metric: KnnMetric };
  /** Neighbour lists already computed for a member (by network id), reused across that network's pairs. */
  knnCache?: Map<string, NeighbourLists>;
}

export interface PairComputation {
  p: number;
  q: number;
  /** p × q correlation, row-major. */
  rAB: Float64Array;
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
    /** Per penalty: mean held-out FVU over B's live targets, weights fitted on the other images (LayerRecording.heldOut). */
    fvuHeldOut?: number[];
    heldOut?: { images: number; fitImages: number; seed: number };
    nonzero: number[];
    weights: Float32Array;
  };
  spectral?: SpectralResult[];
  // ---- newer measures (issue 16)
  svcca?: SvccaResult;
  pwcca?: PwccaResult;
  procrustes?: ProcrustesResult;
  knn?: Omit<MutualKnnResult, 'perImage'>;
}

/** Columns [offset, offset + count) of a row-major [rows, width] matrix. */
function columns(data: Float32Array, rows: number, width: number, offset: number, count: number): Float32Array {
  const out = new Float32Array(rows * count);
  for (let r = 0; r < rows; r++) out.set(data.subarray(r * width + offset, r * width + offset + count), r * count);
  return out;
}

/** Align member `ia` (network A) with member `ib` (network B) of a recorded layer. */
export function alignPair(layer: LayerRecording, ia: number, ib: number, options: PairOptions): PairComputation {
  const A = layer.members[ia]!;
  const B = layer.members[ib]!;
  const pair = pairStatistics(layer.moments, A.group, B.group);
  const { p, q, rAB } = pair;
  const has = (m: AlignMethod) => options.methods.includes(m);
  const out: PairComputation = { p, q, rAB, deadA: pair.deadA, deadB: pair.deadB };
  if (has('semi')) out.semi = semiMatching(rAB, p, q);
  if (has('max')) out.max = hungarianAlignment(rAB, p, q);
  if (has('cka')) out.cka = { linear: linearCka(pair), debiased: pair.n >= 4 ? debiasedLinearCka(pair) : Number.NaN };
  if (has('mi')) {
    const s = layer.sample;
    if (!s || s.rows < 2) throw new Error(`mutual information at layer ${layer.name} needs a row sample; set mi.samples ≥ 10`);
    const w = layer.moments.width;
    const a = columns(s.data, s.rows, w, A.group.offset, p);
    const b = columns(s.data, s.rows, w, B.group.offset, q);
    const matrix = mutualInformationMatrix(a, b, s.rows, p, q, { bins: options.miBins });
    out.mi = { matrix, rows: s.rows, semi: semiMatching(matrix, p, q), max: miMatchingFromMatrix(matrix, p, q) };
  }
  if (has('sparse')) {
    const { path } = sparsePredictionPath({ rAA: pair.rAA, rAB, p, q, penalties: options.penalties });
    const weights = new Float32Array(path.length * p * q);
    path.forEach((pt, t) => {
      const w = pt.weights;
      for (let k = 0; k < q; k++) {
        for (let z = w.colPtr[k]!; z < w.colPtr[k + 1]!; z++) weights[t * p * q + w.rowIndex[z]! * q + k] = w.values[z]!;
      }
    });
    const liveMean = (losses: Float64Array) => {
      let sum = 0;
      let n = 0;
      for (let k = 0; k < q; k++) if (pair.deadB[k] !== 1) (sum += losses[k]!), n++;
      return n > 0 ? sum / n : Number.NaN;
    };
    out.sparse = { penalties: path.map((pt) => pt.penalty), fvu: path.map((pt) => pt.meanLoss), fvuLive: path.map((pt) => liveMean(pt.losses)), nonzero: path.map((pt) => pt.meanNonzero), weights };
    // Held-out FVU: weights fitted on the fit images' correlations, the loss on the held-out images' (split by image).
    const h = layer.heldOut;
    if (h) {
      const w = layer.moments.width;
      const cut = (m: Float64Array, r0: number, rows: number, c0: number, cols: number) => {
        const o = new Float64Array(rows * cols);
        for (let i = 0; i < rows; i++) o.set(m.subarray((r0 + i) * w + c0, (r0 + i) * w + c0 + cols), i * cols);
        return o;
      };
      const [ao, bo] = [A.group.offset, B.group.offset];
      const held = sparsePredictionPath({
        rAA: cut(h.fitCorr, ao, p, ao, p),
        rAB: cut(h.fitCorr, ao, p, bo, q),
        p,
        q,
        penalties: options.penalties,
        heldOut: { rAA: cut(h.heldCorr, ao, p, ao, p), rAB: cut(h.heldCorr, ao, p, bo, q) },
      }).path;
      out.sparse.fvuHeldOut = held.map((pt) => liveMean(pt.heldOutLosses!));
      out.sparse.heldOut = { images: h.images, fitImages: h.fitImages, seed: h.seed };
    }
  }
  if (has('spectral')) out.spectral = options.clusters.map((k) => spectralForPair(pair, k, options.seed));
  // ---- newer measures (issue 16): SVCCA, PWCCA and Procrustes from the covariance blocks, mutual kNN from the
  // per-image rows of the recording.
  const at = `at ${layer.name} (${A.networkId} × ${B.networkId})`;
  if (has('svcca')) out.svcca = svcca(pair, { what: `SVCCA ${at}` });
  if (has('pwcca')) out.pwcca = pwcca(pair, { what: `PWCCA ${at}` });
  if (has('procrustes')) out.procrustes = procrustes(pair, { what: `Procrustes distance ${at}` });
  if (has('knn')) {
    const img = layer.images;
    if (!img) throw new Error(`mutual kNN ${at} needs one row per probe image: record the layer with imageRows`);
    const { k, metric } = options.knn ?? { k: 10, metric: 'euclidean' as const };
    const lists = (m: typeof A): NeighbourLists => {
      const cached = options.knnCache?.get(m.networkId);
      if (cached && cached.k === k && cached.metric === metric) return cached;
      const made = nearestNeighbours(columns(img.data, img.rows, layer.moments.width, m.group.offset, m.group.count), img.rows, m.group.count, k, metric);
      options.knnCache?.set(m.networkId, made);
      return made;
    };
    const { perImage: _perImage, ...knn } = mutualKnnFromLists(lists(A), lists(B));
    out.knn = knn;
  }
  return out;
}
