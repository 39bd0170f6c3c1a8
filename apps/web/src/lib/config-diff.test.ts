import { describe, expect, it } from 'vitest';
import { formatJsonValue, pivotConfigDiffs } from './config-diff.ts';

describe('pivotConfigDiffs', () => {
  it('one row per differing path, "same" for subjects that agree, natural path order', () => {
    const rows = pivotConfigDiffs([
      [
        { path: 'layers[10].units', reference: 64, value: 128 },
        { path: 'layers[2].filters', reference: 32, value: 64 },
      ],
      [{ path: 'layers[2].filters', reference: 32, value: 16 }],
      [],
    ]);
    expect(rows.map((r) => r.path)).toEqual(['layers[2].filters', 'layers[10].units']);
    expect(rows[0]!.cells).toEqual([
      { differs: true, value: 64 },
      { differs: true, value: 16 },
      { differs: false, value: 32 },
    ]);
    expect(rows[1]!.reference).toBe(64);
    expect(rows[1]!.cells.map((c) => c.differs)).toEqual([true, false, false]);
  });

  it('no differences → no rows', () => {
    expect(pivotConfigDiffs([[], []])).toEqual([]);
  });

  it('formats absent, string and structured values', () => {
    expect(formatJsonValue(undefined)).toBe('—');
    expect(formatJsonValue('adam')).toBe('adam');
    expect(formatJsonValue([1, 2])).toBe('[1,2]');
    expect(formatJsonValue({ a: 'x'.repeat(100) }).endsWith('…')).toBe(true);
  });
});
