/**
 * The types and method names of `convergent align`, in a leaf module: `align.ts` (the command), `align-methods.ts`
 * (the methods) and `align-report.ts` (the summary) all import them, and none of those import each other in a circle.
 */
import type { KnnMetric } from '../align/knn-metric.ts';
import type { ActivationLayout } from '../io/activation-source.ts';

export const METHOD_NAMES = ['semi', 'hungarian', 'mi', 'sparse', 'spectral', 'cka', 'svcca', 'pwcca', 'procrustes', 'knn'] as const;
export type MethodName = (typeof METHOD_NAMES)[number];
/** The default `--method`: the paper's methods (the newer measures need enough samples / images, so they are asked for). */
export const PAPER_METHOD_NAMES: readonly MethodName[] = ['semi', 'hungarian', 'mi', 'sparse', 'spectral', 'cka'];

export interface AlignMethodResults {
  semi?: { match: number[]; corr: number[]; meanCorr: number; reverseMatch: number[]; reverseCorr: number[]; reverseMeanCorr: number; oneToOneFraction: number };
  hungarian?: { match: number[]; corr: Array<number | null>; meanCorr: number };
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

export interface AlignOptions {
  a: string;
  b: string;
  methods: MethodName[];
  layout: ActivationLayout;
  keyA?: string;
  keyB?: string;
  penalties: number[];
  /** Spectral clusters; default chosen from the unit count (see usage). */
  clusters?: number;
  affinity: 'abs' | 'positive';
  miRows: number;
  bins?: number;
  seed: number;
  batchRows?: number;
  /** Worker threads for the moments pass (default: 1 for small inputs, else the cores up to 4). */
  workers?: number;
  json?: string;
  quiet: boolean;
  /** Summary means over every unit (dead ones count r = 0) instead of live units only. */
  includeDead?: boolean;
  /** Mutual kNN: neighbours per image (default 10) and metric (default euclidean). */
  k?: number;
  knnMetric?: KnnMetric;
  /** Bytes this run may use (default: the machine's available memory, or its cgroup's limit); tests set it. */
  availableMemory?: number;
}

/** Everything `align` computed, in the JSON shape documented in the engine README. */
export interface AlignReport extends AlignMethodResults {
  samples: number;
  unitsA: number;
  unitsB: number;
  deadA: number[];
  deadB: number[];
  /**
   * Unit-averaged figures over LIVE units only (dead units: std 0 on the samples, engine stats/moments.ts): the
   * live counts and the live means of semi, hungarian and mi. The method blocks keep the all-units means (dead units
   * count r = 0), and every match of a dead unit, or to a dead unit, is reported as −1 (the matching covered it).
   */
  live: {
    a: number;
    b: number;
    semi?: { meanCorr: number; reverseMeanCorr: number; oneToOneFraction: number };
    hungarian?: { meanCorr: number };
    mi?: { meanMI: number; semiMeanMI: number };
  };
  backend: string;
  /** Engine of the large dense products (statistics pass, Grams): `onnxruntime` or `tfjs`. */
  products: 'onnxruntime' | 'tfjs';
  inputs: { a: { path: string; shape: number[]; layout: string }; b: { path: string; shape: number[]; layout: string } };
}
