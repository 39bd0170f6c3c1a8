import { describe, expect, it } from 'vitest';
import { intervalText, num, pValue, VERDICT_LABEL, verdictClass } from './findings-view.ts';

describe('findings view text', () => {
  it('writes an interval only when there is one, else its reason', () => {
    expect(intervalText({ low: 0.1234, high: 0.5, level: 0.95 }, null)).toBe('[0.123, 0.500] (95%)');
    expect(intervalText(null, 'needs at least 3 networks per architecture; have 2 of lenet')).toBe('no interval: needs at least 3 networks per architecture; have 2 of lenet');
  });
  it('formats numbers and p-values, small ones in exponent form', () => {
    expect(num(null)).toBe('—');
    expect(num(0.00012)).toBe('1.20e-4');
    expect(pValue(null)).toBe('no test applies');
    expect(pValue(0.0001)).toBe('1.0e-4');
    expect(pValue(0.25)).toBe('0.250');
  });
  it('labels every verdict and gives each its own badge', () => {
    expect(VERDICT_LABEL.NOT_SUPPORTED).toBe('not supported');
    expect(new Set((['SUPPORTED', 'NOT_SUPPORTED', 'INCONCLUSIVE'] as const).map(verdictClass)).size).toBe(3);
  });
});
