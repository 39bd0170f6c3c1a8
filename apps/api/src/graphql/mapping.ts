// Reading stored values: the Prisma enums share the GraphQL enum names (prisma/schema.prisma), and alignment
// summaries are JSON with the keys of GraphQL's AlignmentSummary.
import type { AlignmentMethod } from '../generated/prisma/client.ts';

/** Methods whose scores are mutual information (bits) rather than correlation. */
export const isMiMethod = (m: AlignmentMethod): boolean => m === 'MI' || m === 'MI_SEMI';

/** Methods that store unit matches (and a match vector). */
export const isMatchingMethod = (m: AlignmentMethod): boolean => m === 'SEMI' || m === 'HUNGARIAN' || m === 'MI' || m === 'MI_SEMI';

/** A finite number from a JSON value, else null. */
export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A finite number stored under key in a JSON summary, else null. */
export function pick(summary: unknown, key: string): number | null {
  return num(asRecord(summary)[key]);
}

export interface LossPoint {
  penalty: number;
  meanLoss: number;
  meanLossHeldOut: number | null;
  meanNonzero: number;
}

export function lossPathOf(summary: unknown): LossPoint[] {
  const list = asRecord(summary)['lossPath'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((p) => {
    const r = asRecord(p);
    const penalty = num(r['penalty']);
    const meanLoss = num(r['meanLoss']);
    return penalty === null || meanLoss === null ? [] : [{ penalty, meanLoss, meanLossHeldOut: num(r['meanLossHeldOut']), meanNonzero: num(r['meanNonzero']) ?? 0 }];
  });
}

/** Summary key of each method's headline figure (what convergence summaries average over pairs). */
export const HEADLINE_METRIC: Record<AlignmentMethod, string> = {
  SEMI: 'meanCorr',
  HUNGARIAN: 'meanCorr',
  MI: 'meanMI',
  MI_SEMI: 'meanMI',
  CKA: 'ckaLinear',
  SPECTRAL: 'mixedClusterFraction',
  SPARSE: 'varianceExplained',
};

/** Whether a stored ChanceBaseline metric ("meanCorr", "mixedClusterFraction@8", ...) is the method's headline. */
export function isHeadlineMetric(method: AlignmentMethod, metric: string): boolean {
  const h = HEADLINE_METRIC[method];
  return metric === h || metric.startsWith(`${h}@`);
}

/**
 * The headline figure of an alignment: matched mean correlation (SEMI, HUNGARIAN), matched mean MI (MI, MI_SEMI),
 * linear CKA, the share of mixed clusters (SPECTRAL), and for SPARSE the variance explained (1 - mean loss) at the
 * middle penalty of the path.
 */
export function headlineValue(method: AlignmentMethod, summary: unknown): number | null {
  if (method === 'SPARSE') {
    const path = lossPathOf(summary);
    const mid = path[Math.floor((path.length - 1) / 2)];
    return mid ? 1 - mid.meanLoss : null;
  }
  return pick(summary, HEADLINE_METRIC[method]);
}
