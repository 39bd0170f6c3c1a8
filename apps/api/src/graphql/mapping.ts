// Reading stored values: the Prisma enums share the GraphQL enum names (prisma/schema.prisma), and alignment
// summaries are JSON with the keys of GraphQL's AlignmentSummary.
import { GRAPHQL_METHOD_INFO, type GraphqlMethod } from '@convergent/engine/contracts';
import type { AlignmentMethod } from '../generated/prisma/client.ts';
import type { AlignmentMethod as SchemaAlignmentMethod } from '@convergent/schema';

// Compile-time: the engine registry, the Prisma enum and the GraphQL enum hold the same method names.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const METHOD_NAMES_AGREE: Same<AlignmentMethod, GraphqlMethod> & Same<SchemaAlignmentMethod, GraphqlMethod> = true;

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

/** Live-unit variant of a summary key (stored by results of format 2; see store/alignments.ts storePair). */
const LIVE_KEY: Record<string, string> = { meanCorr: 'meanCorrLive', meanCorrB: 'meanCorrBLive', oneToOneFraction: 'oneToOneFractionLive', meanMI: 'meanMILive' };

/**
 * A unit-averaged summary figure over live units (unless includeDead), with whether it counts dead units: a result
 * stored before live figures existed only has the all-units value, and says so.
 */
export function pickLive(summary: unknown, key: string, includeDead: boolean): { value: number | null; includesDead: boolean } {
  const live = LIVE_KEY[key];
  if (!includeDead && live && asRecord(summary)[live] !== undefined) return { value: pick(summary, live), includesDead: false };
  return { value: pick(summary, key), includesDead: live !== undefined };
}

/** The stored loss path; meanLoss over live targets unless includeDead (when the result stored it). */
export function lossPathOf(summary: unknown, includeDead = true): LossPoint[] {
  const list = asRecord(summary)['lossPath'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((p) => {
    const r = asRecord(p);
    const penalty = num(r['penalty']);
    const meanLoss = !includeDead && num(r['meanLossLive']) !== null ? num(r['meanLossLive']) : num(r['meanLoss']);
    return penalty === null || meanLoss === null ? [] : [{ penalty, meanLoss, meanLossHeldOut: num(r['meanLossHeldOut']), meanNonzero: num(r['meanNonzero']) ?? 0 }];
  });
}

/**
 * Summary key of each method's headline figure (what convergence summaries average over pairs), from the engine's
 * method registry (align/methods.ts): SVCCA `svcca`, PWCCA `pwcca`, PROCRUSTES `procrustesDistance` (lower is more
 * alike), KNN `knnScore`.
 */
export const HEADLINE_METRIC: Record<AlignmentMethod, string> = Object.fromEntries(
  Object.entries(GRAPHQL_METHOD_INFO).map(([m, info]) => [m, info.headline]),
) as Record<AlignmentMethod, string>;

/** Whether a stored ChanceBaseline metric ("meanCorr", "mixedClusterFraction@8", ...) is the method's headline. */
export function isHeadlineMetric(method: AlignmentMethod, metric: string): boolean {
  const h = HEADLINE_METRIC[method];
  return metric === h || metric.startsWith(`${h}@`);
}

/**
 * The headline figure of an alignment: matched mean correlation (SEMI, HUNGARIAN), matched mean MI (MI, MI_SEMI),
 * linear CKA, cluster mixing (SPECTRAL: 1 − AMI of cluster labels and network identity; results stored before it
 * existed fall back to the saturating share of mixed clusters), and for SPARSE the variance explained (1 - mean
 * loss) at the middle penalty of the path, on the held-out images when stored (else in-sample). Unit-averaged figures are over live units unless includeDead.
 */
export function headlineValue(method: AlignmentMethod, summary: unknown, includeDead = false): number | null {
  return headline(method, summary, includeDead).value;
}

export function headline(method: AlignmentMethod, summary: unknown, includeDead = false): { value: number | null; includesDead: boolean } {
  if (method === 'SPARSE') {
    // Held-out (live targets, images not fitted on) when stored: in-sample FVU flatters the side with more
    // candidate units. Older results: in-sample.
    const path = lossPathOf(summary, includeDead);
    const mid = path[Math.floor((path.length - 1) / 2)];
    if (mid && mid.meanLossHeldOut !== null) return { value: 1 - mid.meanLossHeldOut, includesDead: false };
    const hasLive = Array.isArray(asRecord(summary)['lossPath']) && (asRecord(summary)['lossPath'] as unknown[]).some((p) => num(asRecord(p)['meanLossLive']) !== null);
    return { value: mid ? 1 - mid.meanLoss : null, includesDead: includeDead || !hasLive };
  }
  if (method === 'SPECTRAL') {
    const m = pick(summary, 'clusterMixing');
    return { value: m ?? pick(summary, 'mixedClusterFraction'), includesDead: false };
  }
  return pickLive(summary, HEADLINE_METRIC[method], includeDead);
}
