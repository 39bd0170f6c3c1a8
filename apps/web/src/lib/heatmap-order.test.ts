import { describe, expect, it } from 'vitest';
import { identityOrder, matchingOrder, orderedView, permuteMatrix } from './heatmap-order.ts';

/** Deterministic pseudo-random numbers (mulberry32) so tests are reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(n: number, r: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/** A between matrix with a planted matching: unit i of A correlates strongly with perm[i] of B. */
function planted(nA: number, nB: number, seed: number) {
  const r = rng(seed);
  const perm = shuffle(nB, r).slice(0, nA);
  const strength = Array.from({ length: nA }, () => 0.5 + 0.5 * r());
  const data = new Float32Array(nA * nB);
  for (let i = 0; i < nA; i++) for (let j = 0; j < nB; j++) data[i * nB + j] = 0.3 * (r() - 0.5);
  perm.forEach((j, i) => (data[i * nB + j] = strength[i]!));
  return { data, perm, pairs: perm.map((j, i) => ({ a: i, b: j, score: data[i * nB + j]! })) };
}

describe('matchingOrder puts matched pairs on the diagonal', () => {
  it('square: the reordered diagonal is the planted matching, best first', () => {
    const n = 40;
    const { data, perm, pairs } = planted(n, n, 1);
    const order = matchingOrder(n, n, pairs);
    expect(order.matched).toBe(n);
    const m = permuteMatrix(data, n, n, order.rows, order.cols);
    for (let k = 0; k < n; k++) {
      expect(order.cols[k]).toBe(perm[order.rows[k]!]);
      expect(m[k * n + k]).toBe(data[order.rows[k]! * n + order.cols[k]!]);
      // The diagonal is the row maximum (planted strength ≥ 0.5 > noise ≤ 0.15).
      for (let l = 0; l < n; l++) expect(m[k * n + k]!).toBeGreaterThanOrEqual(m[k * n + l]!);
      if (k > 0) expect(m[k * n + k]!).toBeLessThanOrEqual(m[(k - 1) * n + (k - 1)]!);
    }
  });

  it('rectangular: unmatched units of the wider net follow in index order', () => {
    const { pairs } = planted(5, 9, 2);
    const order = matchingOrder(5, 9, pairs);
    expect(Array.from(order.cols).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const tail = Array.from(order.cols.slice(5));
    expect(tail).toEqual([...tail].sort((x, y) => x - y));
    expect(Array.from(order.rows).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4]);
  });

  it('partial matching: unmatched A rows come after the matched ones', () => {
    const order = matchingOrder(4, 4, [
      { a: 2, b: 0, score: 0.9 },
      { a: 0, b: 3, score: 0.4 },
    ]);
    expect(Array.from(order.rows)).toEqual([2, 0, 1, 3]);
    expect(Array.from(order.cols)).toEqual([0, 3, 1, 2]);
    expect(order.matched).toBe(2);
  });

  it('NaN scores sort last and ties break by A index', () => {
    const order = matchingOrder(3, 3, [
      { a: 1, b: 1, score: NaN },
      { a: 2, b: 0, score: 0.5 },
      { a: 0, b: 2, score: 0.5 },
    ]);
    expect(Array.from(order.rows)).toEqual([0, 2, 1]);
  });

  it('rejects a matching that is not one-to-one or out of range', () => {
    expect(() => matchingOrder(3, 3, [{ a: 0, b: 1, score: 1 }, { a: 1, b: 1, score: 1 }])).toThrow(/one-to-one/);
    expect(() => matchingOrder(3, 3, [{ a: 3, b: 0, score: 1 }])).toThrow(/unit 3 of A/);
    expect(() => matchingOrder(3, 2, [{ a: 0, b: 2, score: 1 }])).toThrow(/unit 2 of B/);
  });
});

describe('orderedView', () => {
  it('within-A and within-B follow the same unit order as the between view', () => {
    const nA = 6;
    const nB = 8;
    const r = rng(3);
    const { data, pairs } = planted(nA, nB, 3);
    const sym = (n: number) => {
      const m = new Float32Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) m[i * n + j] = m[j * n + i] = i === j ? 1 : r();
      return m;
    };
    const withinA = sym(nA);
    const withinB = sym(nB);
    const order = matchingOrder(nA, nB, pairs);
    const va = orderedView('withinA', order, { between: data, withinA, withinB });
    const vb = orderedView('withinB', order, { between: data, withinA, withinB });
    expect([va.rows, va.cols, vb.rows, vb.cols]).toEqual([nA, nA, nB, nB]);
    for (let k = 0; k < nA; k++) {
      expect(va.data[k * nA + k]).toBe(1);
      for (let l = 0; l < nA; l++) expect(va.data[k * nA + l]).toBe(withinA[order.rows[k]! * nA + order.rows[l]!]);
    }
    for (let k = 0; k < nB; k++) for (let l = 0; l < nB; l++) expect(vb.data[k * nB + l]).toBe(withinB[order.cols[k]! * nB + order.cols[l]!]);
  });

  it('identity order leaves the matrix unchanged; a missing within matrix is an error', () => {
    const { data } = planted(3, 4, 4);
    const order = identityOrder(3, 4);
    expect(Array.from(orderedView('between', order, { between: data }).data)).toEqual(Array.from(data));
    expect(() => orderedView('withinA', order, { between: data })).toThrow(/within-A/);
  });

  it('permuteMatrix checks the matrix size', () => {
    expect(() => permuteMatrix(new Float32Array(5), 2, 3, new Int32Array([0]), new Int32Array([0]))).toThrow(/expected 2 × 3/);
  });
});

describe('dead units in the heatmap', () => {
  it('finds all-NaN rows (A) and columns (B), and hides them without breaking the diagonal', async () => {
    const { deadUnits, withoutUnits, matchingOrder, orderedView } = await import('./heatmap-order.ts');
    const nA = 3;
    const nB = 4;
    const N = NaN;
    // A unit 1 and B unit 2 are dead.
    const between = Float32Array.from([0.9, N, N, 0.1, N, N, N, N, 0.2, N, N, 0.8]);
    expect(deadUnits(between, nA, nB)).toEqual({ a: [1], b: [1, 2] });
    const order = matchingOrder(nA, nB, [
      { a: 0, b: 0, score: 0.9 },
      { a: 2, b: 3, score: 0.8 },
      { a: 1, b: 1, score: NaN },
    ]);
    const hidden = withoutUnits(order, new Set([1]), new Set([1, 2]));
    expect(Array.from(hidden.rows)).toEqual([0, 2]);
    expect(Array.from(hidden.cols)).toEqual([0, 3]);
    expect(hidden.matched).toBe(2);
    const view = orderedView('between', hidden, { between }, { nA, nB });
    expect(view).toMatchObject({ rows: 2, cols: 2 });
    expect(Array.from(view.data)).toEqual([Math.fround(0.9), Math.fround(0.1), Math.fround(0.2), Math.fround(0.8)]);
    // A pair whose A unit is hidden sends its live B partner to the tail, off the diagonal.
    const partly = withoutUnits(order, new Set([2]), new Set());
    expect(Array.from(partly.rows)).toEqual([0, 1]);
    expect(Array.from(partly.cols)).toEqual([0, 1, 2, 3]);
    expect(partly.matched).toBe(2);
    expect(Array.from(partly.cols.subarray(0, 2))).toEqual([0, 1]);
  });

  it('a matrix with no live entries marks nothing dead (nothing to compare against)', async () => {
    const { deadUnits } = await import('./heatmap-order.ts');
    expect(deadUnits(Float32Array.from([NaN, NaN]), 1, 2)).toEqual({ a: [], b: [] });
  });
});
