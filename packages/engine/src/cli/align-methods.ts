/**
 * The alignment methods `convergent align` can run, each turning the streamed statistics into its JSON-ready part
 * of the report (plain arrays, not typed arrays, so JSON.stringify writes lists; NaN becomes null).
 */
import { debiasedLinearCka, linearCka } from '../align/cka.ts';
import { hungarianAlignment } from '../align/hungarian.ts';
import { semiMatching } from '../align/semi-matching.ts';
import { sparsePredictionPath } from '../align/sparse-prediction.ts';
import type { JointMoments, PairStatistics } from '../stats/moments.ts';
import type { RowReservoir } from '../stats/row-sample.ts';
import type { AlignOptions } from './align.ts';

export const METHOD_NAMES = ['semi', 'hungarian', 'mi', 'sparse', 'spectral', 'cka'] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export interface AlignMethodResults {
  semi?: { match: number[]; corr: number[]; meanCorr: number; reverseMatch: number[]; reverseCorr: number[]; reverseMeanCorr: number; oneToOneFraction: number };
  hungarian?: { match: number[]; corr: Array<number | null>; meanCorr: number };
  mi?: { match: number[]; mi: number[]; meanMI: number; maxMatch: number[]; maxMI: Array<number | null>; maxMeanMI: number; rows: number; bins: number };
  sparse?: { path: Array<{ penalty: number; meanLoss: number; meanNonzero: number; unconverged: number }> };
  spectral?: { clusters: number; labels: number[]; affinity: 'abs' | 'positive'; counts: Array<{ a: number; b: number }>; sharedFraction: number };
  /** debiased is null below 4 samples, where the unbiased HSIC estimator is undefined. */
  cka?: { linear: number; debiased: number | null };
}

export interface MethodInput {
  pair: PairStatistics;
  joint: JointMoments;
  reservoir: RowReservoir | undefined;
  options: AlignOptions;
}

const list = (a: ArrayLike<number>): number[] => Array.from(a);

export async function runAlignMethod(method: MethodName, input: MethodInput): Promise<AlignMethodResults> {
  const { pair, options } = input;
  const { p, q, rAB } = pair;
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
      const { path } = sparsePredictionPath({ rAA: pair.rAA, rAB, p, q, penalties: options.penalties });
      return {
        sparse: { path: path.map((pt) => ({ penalty: pt.penalty, meanLoss: pt.meanLoss, meanNonzero: pt.meanNonzero, unconverged: pt.unconverged })) },
      };
    }
    case 'cka':
      return { cka: { linear: linearCka(pair), debiased: pair.n >= 4 ? debiasedLinearCka(pair) : null } };
    case 'mi':
    case 'spectral':
      throw new Error(`method ${method} is not available in this build yet; run --method semi,hungarian,sparse,cka`);
  }
}
