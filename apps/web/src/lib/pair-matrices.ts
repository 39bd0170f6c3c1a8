/**
 * Turn the pair view's raw .npy payloads into what the heatmap and histogram draw:
 * the max matching (match[i] = B unit of A unit i, or -1) with scores read from the between matrix,
 * and each unit's best correlation in the other net.
 */
import { histogram, histogramRows, colMax, rowMax } from './histogram.ts';
import { matchingOrder, type MatchingOrder, type UnitPair } from './heatmap-order.ts';

export function pairsFromMatch(match: ArrayLike<number>, between: Float32Array, nA: number, nB: number): UnitPair[] {
  if (match.length !== nA) throw new Error(`match vector has ${match.length} entries but network A has ${nA} units at this layer`);
  const pairs: UnitPair[] = [];
  for (let i = 0; i < nA; i++) {
    const j = match[i]!;
    if (j < 0) continue;
    if (j >= nB) throw new Error(`match vector maps unit ${i} to ${j}, but network B has ${nB} units`);
    pairs.push({ a: i, b: j, score: between[i * nB + j]! });
  }
  return pairs;
}

export function orderFromMatch(match: ArrayLike<number>, between: Float32Array, nA: number, nB: number): MatchingOrder {
  return matchingOrder(nA, nB, pairsFromMatch(match, between, nA, nB));
}

/**
 * Histogram rows of each unit's best correlation in the other network (A → B and B → A), on [lo, hi] with
 * lo = min(0, smallest) rounded down to 0.1 and hi = max(1, largest), so no unit falls outside.
 */
export function bestCorrelationHistogram(between: Float32Array, nA: number, nB: number, bins = 20) {
  const bestA = rowMax(between, nA, nB);
  const bestB = colMax(between, nA, nB);
  let lo = 0;
  let hi = 1;
  for (const best of [bestA, bestB]) {
    for (const v of best) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  lo = Math.floor(lo * 10) / 10;
  const range = { lo, hi };
  const ha = histogram(bestA, bins, range);
  const hb = histogram(bestB, bins, range);
  const rowsA = histogramRows(ha);
  const rowsB = histogramRows(hb);
  return {
    rows: rowsA.map((r, k) => ({ bin: r.x.toFixed(2), from: r.from, to: r.to, unitsA: r.count, unitsB: rowsB[k]!.count })),
    bestA,
    bestB,
  };
}
