/**
 * The overview's method switcher: every figure the API serves per layer (GraphQL `convergence(method, variant)`),
 * how to label it, and which way is better. One entry per switcher choice; `METHODS_COVERED` fails the typecheck
 * when the schema's AlignmentMethod enum gains a value no entry shows, so a new method needs one line here.
 *
 * SPARSE: the API serves variance explained (1 − FVU); the overview shows FVU itself (lower is better), so its rows
 * are flipped back here (`toFigure`).
 */
import type { AlignmentMethod, ConvergenceVariant } from '@convergent/schema';

export interface MethodOption {
  /** URL value (`?method=`). */
  id: string;
  method: AlignmentMethod;
  variant: ConvergenceVariant;
  label: string;
  /** Y-axis label of the figure. */
  axis: string;
  direction: 'higher' | 'lower';
  /** The API's value is 1 − the figure shown (SPARSE: variance explained served, FVU shown). */
  flipped?: boolean;
  /** Fixed y range, when the figure has one. */
  domain?: readonly [number, number];
  note?: string;
}

export const METHOD_OPTIONS = [
  { id: 'max', method: 'HUNGARIAN', variant: 'DEFAULT', label: 'max matching', axis: 'matched correlation r', direction: 'higher', domain: [0, 1] },
  { id: 'semi', method: 'SEMI', variant: 'DEFAULT', label: 'semi-matching', axis: 'matched correlation r', direction: 'higher', domain: [0, 1] },
  { id: 'mi', method: 'MI', variant: 'DEFAULT', label: 'mutual information (max matching)', axis: 'matched MI (bits)', direction: 'higher' },
  { id: 'mi-semi', method: 'MI_SEMI', variant: 'DEFAULT', label: 'mutual information (semi-matching)', axis: 'matched MI (bits)', direction: 'higher' },
  { id: 'cka', method: 'CKA', variant: 'DEFAULT', label: 'linear CKA', axis: 'linear CKA', direction: 'higher', domain: [0, 1] },
  { id: 'cka-debiased', method: 'CKA', variant: 'DEBIASED', label: 'debiased CKA', axis: 'debiased linear CKA', direction: 'higher' },
  {
    id: 'sparse',
    method: 'SPARSE',
    variant: 'IN_SAMPLE',
    label: 'sparse prediction FVU (in sample)',
    axis: 'FVU, in sample',
    direction: 'lower',
    flipped: true,
    domain: [0, 1],
    note: 'fraction of variance of B’s units left unexplained by a sparse (lasso) fit from A’s units, on the images it was fitted on',
  },
  {
    id: 'sparse-held-out',
    method: 'SPARSE',
    variant: 'HELD_OUT',
    label: 'sparse prediction FVU (held out)',
    axis: 'FVU, held-out images',
    direction: 'lower',
    flipped: true,
    note: 'the same fit, scored on 25 % of the probe images held out from fitting (split by image)',
  },
  {
    id: 'spectral',
    method: 'SPECTRAL',
    variant: 'DEFAULT',
    label: 'spectral clustering (cluster mixing)',
    axis: 'cluster mixing',
    direction: 'higher',
    note: '1 − AMI(cluster labels, network identity): ≈ 1 when clusters mix both networks in proportion, 0 when clusters separate them',
  },
  { id: 'svcca', method: 'SVCCA', variant: 'DEFAULT', label: 'SVCCA', axis: 'mean canonical correlation (SVCCA)', direction: 'higher', domain: [0, 1], note: 'SVD keeping 99 % of each side’s variance, then CCA; mean canonical correlation' },
  { id: 'pwcca', method: 'PWCCA', variant: 'DEFAULT', label: 'PWCCA', axis: 'projection-weighted CCA', direction: 'higher', domain: [0, 1], note: 'canonical correlations weighted by how much of A’s activity each direction carries (Morcos et al. 2018)' },
  {
    id: 'procrustes',
    method: 'PROCRUSTES',
    variant: 'DEFAULT',
    label: 'orthogonal Procrustes distance',
    axis: 'Procrustes distance',
    direction: 'lower',
    domain: [0, 2],
    note: '2 − 2‖AᵀB‖_* on centred, Frobenius-normalised activations: 0 when one is a rotation of the other',
  },
  { id: 'knn', method: 'KNN', variant: 'DEFAULT', label: 'mutual k-nearest neighbours', axis: 'mutual k-NN overlap', direction: 'higher', domain: [0, 1], note: 'mean overlap of each probe image’s k nearest neighbours in the two networks (Huh et al. 2024)' },
] as const satisfies readonly MethodOption[];

// Every AlignmentMethod the schema has must be offered (a new enum value fails here until it has an entry).
type Covered = (typeof METHOD_OPTIONS)[number]['method'];
export const METHODS_COVERED: Record<AlignmentMethod, true> = Object.fromEntries(METHOD_OPTIONS.map((o) => [o.method, true])) as Record<Covered, true>;

export const OPTIONS: readonly MethodOption[] = METHOD_OPTIONS;

export function methodOption(id: string | null | undefined): MethodOption {
  return OPTIONS.find((o) => o.id === id) ?? OPTIONS[0]!;
}

export interface Interval {
  low: number;
  high: number;
}

export interface StatisticLike {
  mean?: number | null;
  ci?: Interval | null;
  ciReason?: string | null;
  matchedChance?: { mean: number; pairs?: number } | null;
  shuffledNull?: { mean: number; pValue?: number } | null;
}

export interface LayerStatisticLike extends StatisticLike {
  layer: string;
  nLive: number;
  nTotal: number;
  includesDead: boolean;
  pValue?: number | null;
  nPermutations?: number | null;
  atOrBelowChance: boolean;
  verdict: string;
  verdictReason: string;
  all: { pairCount: number };
}

export interface FigureRow {
  layer: string;
  mean: number | null;
  /** [mean − low, high − mean] for error bars; null when there is no interval. */
  ciOffsets: [number, number] | null;
  low: number | null;
  high: number | null;
  chance: number | null;
  shuffled: number | null;
  ciReason: string | null;
}

const num = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/** One statistic as the figure shows it: flipped back to FVU when the option says so, with error-bar offsets. */
export function toFigure(layer: string, s: StatisticLike, option: MethodOption): FigureRow {
  const t = (v: number | null) => (v === null ? null : option.flipped ? 1 - v : v);
  const mean = t(num(s.mean));
  const a = t(num(s.ci?.low));
  const b = t(num(s.ci?.high));
  const low = a === null || b === null ? null : Math.min(a, b);
  const high = a === null || b === null ? null : Math.max(a, b);
  return {
    layer,
    mean,
    ciOffsets: mean !== null && low !== null && high !== null ? [Math.max(0, mean - low), Math.max(0, high - mean)] : null,
    low,
    high,
    chance: t(num(s.matchedChance?.mean)),
    shuffled: t(num(s.shuffledNull?.mean)),
    ciReason: mean !== null && low === null ? (s.ciReason ?? 'no interval stored') : null,
  };
}

/** Sentences for what a reader must not miss: trained at or below chance, and layers without an interval. */
export function warnings(rows: readonly LayerStatisticLike[], option: MethodOption): string[] {
  const out: string[] = [];
  const better = option.direction === 'lower' ? 'lower' : 'higher';
  for (const r of rows) {
    const f = toFigure(r.layer, r, option);
    if (f.mean === null) continue;
    if (r.atOrBelowChance) {
      out.push(
        `${r.layer}: the trained figure (${f.mean.toFixed(3)}) is at or below its matched chance (${f.chance === null ? 'n/a' : f.chance.toFixed(3)}) — ${better} is better, so trained networks do not beat untrained ones here.`,
      );
    }
    if (f.ciReason) out.push(`${r.layer}: no interval — ${f.ciReason}.`);
  }
  return out;
}
