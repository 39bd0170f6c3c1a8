import { describe, expect, it } from 'vitest';
import { RowReservoir } from './row-sample.ts';

function rows(n: number, w: number, start = 0): Float32Array {
  const x = new Float32Array(n * w);
  for (let i = 0; i < n; i++) for (let j = 0; j < w; j++) x[i * w + j] = (start + i) * 10 + j;
  return x;
}

describe('RowReservoir', () => {
  it('keeps everything while under capacity, in order', () => {
    const r = new RowReservoir(3, 10, 1);
    r.update(rows(4, 3), 4);
    const s = r.sample();
    expect(s.rows).toBe(4);
    expect(Array.from(s.data)).toEqual(Array.from(rows(4, 3)));
  });

  it('is deterministic for a seed, independent of batch boundaries and values, and keeps whole rows', () => {
    const a = new RowReservoir(2, 50, 42);
    a.update(rows(1000, 2), 1000);
    const b = new RowReservoir(2, 50, 42);
    for (let s = 0; s < 1000; s += 37) b.update(rows(Math.min(37, 1000 - s), 2, s), Math.min(37, 1000 - s));
    const other = new RowReservoir(5, 50, 42); // different width and values: same rows chosen
    other.update(new Float32Array(5000).fill(1), 1000);
    expect(Array.from(a.sample().indices)).toEqual(Array.from(b.sample().indices));
    expect(Array.from(a.sample().indices)).toEqual(Array.from(other.sample().indices));
    const s = a.sample();
    for (let k = 0; k < s.rows; k++) {
      expect(s.data[k * 2]).toBe(s.indices[k]! * 10);
      expect(s.data[k * 2 + 1]).toBe(s.indices[k]! * 10 + 1);
    }
    const c = new RowReservoir(2, 50, 43);
    c.update(rows(1000, 2), 1000);
    expect(Array.from(c.sample().indices)).not.toEqual(Array.from(s.indices));
  });

  it('samples rows uniformly (chi-square over deciles across seeds)', () => {
    const n = 1000;
    const counts = new Array(10).fill(0);
    for (let seed = 0; seed < 200; seed++) {
      const r = new RowReservoir(1, 20, seed);
      const x = new Float32Array(n).map((_, i) => i);
      r.update(x, n);
      for (const i of r.sample().indices) counts[Math.floor(i / 100)]++;
    }
    const expected = (200 * 20) / 10;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.9); // 9 d.o.f., p = 0.001
  });
});
