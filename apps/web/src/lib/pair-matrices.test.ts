import { describe, expect, it } from 'vitest';
import { bestCorrelationHistogram, orderFromMatch, pairsFromMatch } from './pair-matrices.ts';

describe('pair matrices', () => {
  // 3 × 4 between matrix; A0↔B2, A1 unmatched, A2↔B0.
  const between = new Float32Array([0.1, 0.2, 0.9, 0.0, 0.3, 0.1, 0.2, 0.25, 0.6, 0.1, 0.0, 0.4]);
  const match = new Int32Array([2, -1, 0]);

  it('reads scores of matched pairs from the between matrix', () => {
    expect(pairsFromMatch(match, between, 3, 4)).toEqual([
      { a: 0, b: 2, score: between[2] },
      { a: 2, b: 0, score: between[8] },
    ]);
  });

  it('orders rows by matched score, then unmatched', () => {
    const o = orderFromMatch(match, between, 3, 4);
    expect(Array.from(o.rows)).toEqual([0, 2, 1]);
    expect(Array.from(o.cols)).toEqual([2, 0, 1, 3]);
  });

  it('rejects a match vector of the wrong length or pointing outside B', () => {
    expect(() => pairsFromMatch(new Int32Array([0, 1]), between, 3, 4)).toThrow(/2 entries/);
    expect(() => pairsFromMatch(new Int32Array([0, 1, 4]), between, 3, 4)).toThrow(/has 4 units/);
  });

  it('histograms each unit’s best correlation for both nets', () => {
    const h = bestCorrelationHistogram(between, 3, 4, 10);
    expect(Array.from(h.bestA).map((v) => +v.toFixed(2))).toEqual([0.9, 0.3, 0.6]);
    expect(Array.from(h.bestB).map((v) => +v.toFixed(2))).toEqual([0.6, 0.2, 0.9, 0.4]);
    expect(h.rows.reduce((s, r) => s + r.unitsA, 0)).toBe(3);
    expect(h.rows.reduce((s, r) => s + r.unitsB, 0)).toBe(4);
    expect(h.rows[0]!.from).toBe(0);
    expect(h.rows.at(-1)!.to).toBe(1);
  });
});

describe('best-correlation histogram range', () => {
  it('widens past [0, 1] so no unit is dropped', () => {
    const between = new Float32Array([1.5, -0.2, -0.3, -0.4]);
    const h = bestCorrelationHistogram(between, 2, 2, 4);
    // float32 -0.3 is just below -0.3, so the range starts one step lower.
    expect(h.rows[0]!.from).toBeCloseTo(-0.4);
    expect(h.rows.at(-1)!.to).toBeCloseTo(1.5);
    expect(h.rows.reduce((s, r) => s + r.unitsA + r.unitsB, 0)).toBe(4);
  });
});
