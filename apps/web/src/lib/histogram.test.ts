import { describe, expect, it } from 'vitest';
import { colMax, histogram, histogramRows, rowMax } from './histogram.ts';

function bruteCounts(values: number[], lo: number, hi: number, bins: number): number[] {
  const w = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    if (!Number.isFinite(v) || v < lo || v > hi) continue;
    // Bin k holds lo + k*w <= v < lo + (k+1)*w; hi itself goes to the last bin.
    let k = bins - 1;
    for (let b = 0; b < bins; b++) {
      if (v < lo + (b + 1) * w || b === bins - 1) {
        k = b;
        break;
      }
    }
    counts[k]!++;
  }
  return counts;
}

describe('histogram', () => {
  it('matches brute-force counting on random values', () => {
    let s = 12345;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const values = Array.from({ length: 5000 }, rand);
    const h = histogram(values, 17, { lo: -1, hi: 1 });
    expect(Array.from(h.counts)).toEqual(bruteCounts(values, -1, 1, 17));
    expect(h.counted + h.skipped).toBe(values.length);
  });

  it('puts values on edges in the upper bin, hi in the last bin, and skips NaN and out-of-range', () => {
    const h = histogram([0, 0.25, 0.5, 0.75, 1, NaN, Infinity, -0.1, 1.2], 4, { lo: 0, hi: 1 });
    expect(Array.from(h.counts)).toEqual([1, 1, 1, 2]);
    expect(h.counted).toBe(5);
    expect(h.skipped).toBe(4);
  });

  it('derives the range from the data, widening a constant sample', () => {
    const h = histogram([0.3, 0.3, 0.3], 3);
    expect(h.lo).toBeCloseTo(-0.2);
    expect(h.hi).toBeCloseTo(0.8);
    expect(h.counted).toBe(3);
    const e = histogram([2, 5, 3], 3);
    expect([e.lo, e.hi]).toEqual([2, 5]);
    expect(Array.from(e.counts)).toEqual([1, 1, 1]);
  });

  it('rows carry bin centres and edges', () => {
    const rows = histogramRows(histogram([0.1, 0.9], 2, { lo: 0, hi: 1 }));
    expect(rows).toEqual([
      { x: 0.25, from: 0, to: 0.5, count: 1 },
      { x: 0.75, from: 0.5, to: 1, count: 1 },
    ]);
  });

  it('rejects a bad bin count or range', () => {
    expect(() => histogram([1], 0)).toThrow(/bin count/);
    expect(() => histogram([1], 3, { lo: 1, hi: 1 })).toThrow(/hi > lo/);
  });
});

describe('rowMax / colMax (each unit’s best correlation in the other net)', () => {
  it('agree with brute force and ignore NaN', () => {
    const rows = 7;
    const cols = 5;
    const data = new Float32Array(rows * cols).map((_, i) => Math.sin(i * 1.7));
    data[3] = NaN;
    const rm = rowMax(data, rows, cols);
    const cm = colMax(data, rows, cols);
    for (let i = 0; i < rows; i++) {
      const row = Array.from(data.slice(i * cols, (i + 1) * cols)).filter((v) => !Number.isNaN(v));
      expect(rm[i]).toBeCloseTo(Math.max(...row), 6);
    }
    for (let j = 0; j < cols; j++) {
      const col = Array.from({ length: rows }, (_, i) => data[i * cols + j]!).filter((v) => !Number.isNaN(v));
      expect(cm[j]).toBeCloseTo(Math.max(...col), 6);
    }
  });

  it('an all-NaN row gives NaN', () => {
    const data = new Float32Array([NaN, NaN, 0.5, 0.2]);
    expect(Number.isNaN(rowMax(data, 2, 2)[0]!)).toBe(true);
    expect(rowMax(data, 2, 2)[1]).toBeCloseTo(0.5);
  });
});
