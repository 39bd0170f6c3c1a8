/**
 * Uncertainty and chance for the two family-level checks of issue 16, so that they read like every other figure
 * (issue 11): a value, its interval, its matched chance, a one-sided test and a verdict.
 *
 * - Consensus (align/consensus.ts): the trained family's consensus fraction over the reference's live units, its
 *   Wilson 95% interval, and a one-sided Fisher exact test against the untrained family's fraction (matched chance).
 *   Both count units as independent draws (stats/proportion.ts says why that is optimistic); the test string says so.
 * - Stitching (stitch/): per map kind, stitched held-out accuracy over the trained pairs with the network-resampled
 *   interval and the permutation test against the chance pairs (A an untrained twin) — experiment/layer-statistics.ts
 *   `figureStatistics`, scope `all`, the same rules as every pair figure.
 *
 * Pure: the GraphQL API computes these on read from the stored records; the CLI can print them.
 */
import { fisherExactGreater, wilsonInterval } from '../stats/proportion.ts';
import { figureStatistics, SIGNIFICANCE, type Verdict } from './layer-statistics.ts';
import type { ConsensusRecord, StitchLayerRecord } from './manifest.ts';

export interface CheckStatistic {
  /** `consensusFraction`, or `stitchAccuracy:<map>`. */
  figure: string;
  /** Units (consensus: the reference's live units) or trained pairs (stitching) behind `mean`. */
  n: number;
  mean: number;
  interval: { low: number; high: number; level: number; method: string } | null;
  /** Why there is no interval (null when there is one). */
  intervalReason: string | null;
  /** Matched chance: the same figure on untrained networks (null when there are none). */
  chance: number | null;
  pValue: number | null;
  /** The test behind pValue, in words (null without one). */
  test: string | null;
  verdict: Verdict;
  verdictReason: string;
}

const fmt = (v: number) => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(3) : v.toExponential(2));

export const CONSENSUS_TEST = "one-sided Fisher exact test over units (the reference's live units taken as independent: optimistic)";

/** The consensus fraction of a layer against its matched chance. */
export function consensusStatistic(record: Pick<ConsensusRecord, 'trained' | 'chance'>): CheckStatistic {
  const t = record.trained;
  const base = { figure: 'consensusFraction', n: t.liveUnits, mean: t.fraction };
  if (t.liveUnits === 0) {
    return { ...base, interval: null, intervalReason: 'the reference network has no live unit at this layer', chance: null, pValue: null, test: null, verdict: 'inconclusive', verdictReason: 'the reference network has no live unit at this layer' };
  }
  const ci = wilsonInterval(t.count, t.liveUnits);
  const interval = { ...ci, method: `Wilson score interval over the reference's ${t.liveUnits} live units` };
  const c = record.chance;
  if (!c || c.liveUnits === 0) {
    const why = c ? "the untrained family's reference has no live unit" : 'no untrained family to compare with (the experiment has too few untrained twins)';
    return { ...base, interval, intervalReason: null, chance: null, pValue: null, test: null, verdict: 'inconclusive', verdictReason: why };
  }
  const pValue = fisherExactGreater(t.count, t.liveUnits, c.count, c.liveUnits);
  const counts = `${t.count} of ${t.liveUnits} vs chance ${c.count} of ${c.liveUnits}`;
  let verdict: Verdict;
  let verdictReason: string;
  if (!(t.fraction > c.fraction)) {
    verdict = 'at-or-below-chance';
    verdictReason = `at or below chance (${fmt(t.fraction)} vs chance ${fmt(c.fraction)}; ${counts})`;
  } else if (pValue <= SIGNIFICANCE) {
    verdict = 'above-chance';
    verdictReason = `above chance (${fmt(t.fraction)} vs ${fmt(c.fraction)}; ${counts}; p = ${fmt(pValue)})`;
  } else {
    verdict = 'inconclusive';
    verdictReason = `not distinguishable from chance (${fmt(t.fraction)} vs ${fmt(c.fraction)}; ${counts}; p = ${fmt(pValue)} > ${SIGNIFICANCE})`;
  }
  return { ...base, interval, intervalReason: null, chance: c.fraction, pValue, test: CONSENSUS_TEST, verdict, verdictReason };
}

/**
 * Per map kind of a stitched layer (permutation, sparse, linear): stitched held-out accuracy over trained pairs
 * against the chance pairs. Maps without a finite accuracy on any trained pair are left out.
 */
export function stitchingStatistics(
  record: Pick<StitchLayerRecord, 'pairs'>,
  options: { architectureOf: (network: string) => string; seed?: number },
): Array<{ map: string; statistic: CheckStatistic }> {
  const kinds = [...new Set(record.pairs.flatMap((p) => p.maps.map((m) => m.kind)))];
  const out: Array<{ map: string; statistic: CheckStatistic }> = [];
  for (const kind of kinds) {
    const pairs = record.pairs.flatMap((p) => {
      const m = p.maps.find((x) => x.kind === kind);
      return m && Number.isFinite(m.accuracy) ? [{ a: p.a, b: p.b, kind: p.kind, value: m.accuracy }] : [];
    });
    const [s] = figureStatistics(`stitchAccuracy:${kind}`, pairs, { architectureOf: options.architectureOf, scopes: ['all'], ...(options.seed === undefined ? {} : { seed: options.seed }) });
    if (!s) continue;
    out.push({
      map: kind,
      statistic: {
        figure: s.figure,
        n: s.pairs,
        mean: s.mean,
        interval: s.ci ? { ...s.ci, method: `network bootstrap, ${s.resamples} resamples (networks resampled within each architecture)` } : null,
        intervalReason: s.ciReason,
        chance: s.chance?.mean ?? null,
        pValue: s.pValue,
        test: s.pValue === null ? null : `one-sided permutation test, trained vs chance pairs (${s.nPermutations} relabellings${s.exactTest ? ', exact' : ''})`,
        verdict: s.verdict,
        verdictReason: s.verdictReason,
      },
    });
  }
  return out;
}
