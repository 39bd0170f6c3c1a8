import { describe, expect, it } from 'vitest';
import { semiMatching } from './semi-matching.ts';

describe('semiMatching', () => {
  it('takes the signed maximum both ways and counts one-to-one agreements', () => {
    // A0 best B1 (0.9), A1 best B1 (0.5), A2 best B0 (0.3, the -0.95 is ignored: signed correlation)
    const r = Float64Array.from([0.1, 0.9, -0.2, 0.2, 0.5, 0.4, 0.3, -0.95, 0.1]);
    const s = semiMatching(r, 3, 3);
    expect(Array.from(s.match)).toEqual([1, 1, 0]);
    expect(Array.from(s.corr)).toEqual([0.9, 0.5, 0.3]);
    expect(s.meanCorr).toBeCloseTo((0.9 + 0.5 + 0.3) / 3, 15);
    expect(Array.from(s.reverseMatch)).toEqual([2, 0, 1]);
    expect(Array.from(s.reverseCorr)).toEqual([0.3, 0.9, 0.4]);
    expect(s.reverseMeanCorr).toBeCloseTo((0.3 + 0.9 + 0.4) / 3, 15);
    // A0<->B1 and A2<->B0 agree; A1 -> B1 -> A0 does not.
    expect(s.oneToOneFraction).toBeCloseTo(2 / 3, 15);
  });

  it('handles rectangular matrices and dead units (all-zero rows pick index 0 with r = 0)', () => {
    const r = Float64Array.from([0, 0, 0, 0, -0.5, 0.7, 0.2, 0.1]);
    const s = semiMatching(r, 2, 4);
    expect(Array.from(s.match)).toEqual([0, 1]);
    expect(s.corr[0]).toBe(0);
    expect(s.reverseMatch.length).toBe(4);
    expect(Array.from(s.reverseMatch)).toEqual([0, 1, 1, 1]);
    expect(() => semiMatching(new Float64Array(3), 2, 2)).toThrow(/expected 2 x 2/);
  });
});
