/**
 * The alignment methods `convergent align` can run, each turning the streamed statistics into its JSON-ready part
 * of the report (plain arrays, not typed arrays, so JSON.stringify writes lists; NaN becomes null).
 */
import { debiasedLinearCka, linearCka } from '../align/cka.ts';
import { hungarianAlignment } from '../align/hungarian.ts';
import { DEFAULT_MI_BINS, miMatching } from '../align/mutual-information.ts';
import { semiMatching } from '../align/semi-matching.ts';
import { clusterMixing } from '../align/cluster-mixing.ts';
import { spectralClustering } from '../align/spectral-clustering.ts';
import { sparsePredictionPathParallel } from '../align/sparse-prediction-parallel.ts';
import type { JointMoments, PairStatistics } from '../stats/moments.ts';
import type { CrossStatistics } from '../stats/cross-moments.ts';
import type { RowReservoir } from '../stats/row-sample.ts';
import type { AlignMethodResults, AlignOptions, MethodName } from './align-types.ts';
import { mutualKnn } from '../align/mutual-knn.ts';
import { procrustes } from '../align/procrustes.ts';
import { pwcca } from '../align/pwcca.ts';
import { svcca } from '../align/svcca.ts';
import type { ImageMeans } from '../stats/image-means.ts';

export { METHOD_NAMES, PAPER_METHOD_NAMES, type AlignMethodResults, type MethodName } from './align-types.ts';

/**
 * Methods that read only per-unit moments and the cross block R_AB / Σ_AB (or nothing of the moments: MI and kNN
 * read their own samples; Procrustes needs Σ_AB and the per-unit variances). When every requested method is one of
 * these, `convergent align` runs the cross-only pass (stats/cross-moments.ts) instead of the full joint Gram.
 */
export const CROSS_ONLY_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(['semi', 'hungarian', 'mi', 'knn', 'procrustes']);

/** True when `methods` need no within block (R_AA, R_BB) nor the joint correlation. */
export function crossBlockSuffices(methods: readonly MethodName[]): boolean {
  return methods.every((m) => CROSS_ONLY_METHODS.has(m));
}

export interface MethodInput {
  /** The full pair statistics, or only the cross block when `crossBlockSuffices(options.methods)`. */
  pair: PairStatistics | CrossStatistics;
  /** The joint moments (absent after a cross-only pass). */
  joint: JointMoments | undefined;
  reservoir: RowReservoir | undefined;
  /** Per-image rows [a; b] (mutual kNN), filled while streaming. */
  images: ImageMeans | undefined;
  options: AlignOptions;
}

const list = (a: ArrayLike<number>): number[] => Array.from(a);

/** Default spectral cluster count: round(sqrt(units)), at least 2 and at most the units. */
export function defaultClusters(units: number): number {
  return Math.min(units, Math.max(2, Math.round(Math.sqrt(units))));
}

function fullPair(input: MethodInput, method: MethodName): PairStatistics {
  if (!('rAA' in input.pair)) throw new Error(`internal: ${method} needs the full pair statistics, but only the cross block was computed`);
  return input.pair;
}

function jointOf(input: MethodInput, method: MethodName): JointMoments {
  if (!input.joint) throw new Error(`internal: ${method} needs the joint moments, but only the cross block was computed`);
  return input.joint;
}

export async function runAlignMethod(method: MethodName, input: MethodInput): Promise<AlignMethodResults> {
  const { options } = input;
  const { p, q, rAB } = input.pair;
  switch (method) {
    case 'semi': {
      const s = semiMatching(rAB, p, q);
      return {
        semi: {
          match: list(s.match),
          corr: list(s.corr),
          meanCorr: s.meanCorr,
          reverseMatch: list(s.reverseMatch),
          reverseCorr: list(s.reverseCorr),
          reverseMeanCorr: s.reverseMeanCorr,
          oneToOneFraction: s.oneToOneFraction,
        },
      };
    }
    case 'hungarian': {
      const h = hungarianAlignment(rAB, p, q);
      return { hungarian: { match: list(h.match), corr: Array.from(h.corr, (v) => (Number.isNaN(v) ? null : v)), meanCorr: h.meanCorr } };
    }
    case 'sparse': {
      // Worker threads over targets only when the problem is large enough to pay for their start (autoWorkers).
      const { path } = await sparsePredictionPathParallel({ rAA: fullPair(input, method).rAA, rAB, p, q, penalties: options.penalties });
      return {
        sparse: { path: path.map((pt) => ({ penalty: pt.penalty, meanLoss: pt.meanLoss, meanNonzero: pt.meanNonzero, unconverged: pt.unconverged })) },
      };
    }
    case 'cka': {
      const pair = fullPair(input, method);
      return { cka: { linear: linearCka(pair), debiased: pair.n >= 4 ? debiasedLinearCka(pair) : null } };
    }
    case 'mi': {
      const reservoir = input.reservoir;
      if (!reservoir) throw new Error('internal: MI needs the row reservoir filled while streaming');
      const { data, rows } = reservoir.sample();
      // The reservoir holds joint rows [a; b]; MI wants A's and B's rows apart (still paired by row).
      const width = p + q;
      const sampleA = new Float32Array(rows * p);
      const sampleB = new Float32Array(rows * q);
      for (let r = 0; r < rows; r++) {
        sampleA.set(data.subarray(r * width, r * width + p), r * p);
        sampleB.set(data.subarray(r * width + p, (r + 1) * width), r * q);
      }
      const bins = options.bins ?? DEFAULT_MI_BINS;
      const m = miMatching(sampleA, sampleB, rows, p, q, { bins });
      return {
        mi: {
          match: list(m.match),
          mi: Array.from(m.mi, (v) => (Number.isNaN(v) ? null : v)),
          meanMI: m.meanMI,
          semi: {
            match: list(m.semi.match),
            mi: list(m.semi.corr),
            meanMI: m.semi.meanCorr,
            reverseMatch: list(m.semi.reverseMatch),
            oneToOneFraction: m.semi.oneToOneFraction,
          },
          rows,
          bins,
        },
      };
    }
    case 'svcca': {
      const r = svcca(fullPair(input, method));
      return { svcca: { mean: r.mean, correlations: list(r.correlations), keptA: r.keptA, keptB: r.keptB, explainedA: r.explainedA, explainedB: r.explainedB } };
    }
    case 'pwcca': {
      const r = pwcca(fullPair(input, method));
      return { pwcca: { weighted: r.weighted, mean: r.mean, correlations: list(r.correlations), weights: list(r.weights), rankA: r.rankA, rankB: r.rankB } };
    }
    case 'procrustes':
      return { procrustes: procrustes(input.pair) };
    case 'knn': {
      if (!input.images) throw new Error('internal: kNN needs the per-image rows filled while streaming');
      const { data, rows } = input.images.rows();
      const width = p + q;
      const a = new Float32Array(rows * p);
      const b = new Float32Array(rows * q);
      for (let r = 0; r < rows; r++) {
        a.set(data.subarray(r * width, r * width + p), r * p);
        b.set(data.subarray(r * width + p, (r + 1) * width), r * q);
      }
      const { perImage: _perImage, ...r } = mutualKnn(a, b, rows, p, q, { k: options.k, metric: options.knnMetric });
      return { knn: r };
    }
    case 'spectral': {
      const k = options.clusters ?? defaultClusters(p + q);
      // The accumulator's joint correlation is already [[R_AA, R_AB], [R_BA, R_BB]] with A's units first.
      const joint = jointOf(input, method);
      const result = spectralClustering({ corr: joint.corr, p, q, k, affinity: options.affinity, seed: options.seed });
      return {
        spectral: {
          clusters: k,
          labels: list(result.labels),
          affinity: options.affinity,
          counts: result.clusters.map((c) => ({ a: c.fromA, b: c.fromB })),
          sharedFraction: result.sharedFraction,
          mixing: clusterMixing(result.labels, p, q, { a: joint.dead.subarray(0, p), b: joint.dead.subarray(p, p + q) }),
        },
      };
    }
  }
}
