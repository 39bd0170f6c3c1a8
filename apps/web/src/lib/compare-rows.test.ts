import { describe, expect, it } from 'vitest';
import { layerRows, parseIdList, symmetricRange, toggleId } from './compare-rows.ts';
import { patchBox } from './patch.ts';
import { joinBestMatches } from './best-matches.ts';

describe('compare page shaping', () => {
  it('parses the others list without duplicates or the reference', () => {
    expect(parseIdList('a, b,,a,ref,c', 'ref')).toEqual(['a', 'b', 'c']);
    expect(parseIdList(null, 'ref')).toEqual([]);
    expect(toggleId(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleId(['a'], 'c')).toEqual(['a', 'c']);
  });

  it('builds one row per layer with a column per entry and the reference value', () => {
    const rows = layerRows([
      { layers: [{ layer: 'conv1', value: 0.8, referenceValue: 0.7 }, { layer: 'fc1', value: 0.5 }] },
      { layers: [{ layer: 'fc1', value: 0.4 }, { layer: 'conv2', value: null }] },
    ]);
    expect(rows).toEqual([
      { layer: 'conv1', reference: 0.7, e0: 0.8 },
      { layer: 'fc1', reference: null, e0: 0.5, e1: 0.4 },
      { layer: 'conv2', reference: null, e1: null },
    ]);
  });

  it('uses a symmetric colour range for difference matrices', () => {
    expect(symmetricRange(new Float32Array([0.1, -0.4, 0.2]))).toEqual({ lo: -0.4000000059604645, hi: 0.4000000059604645 });
    expect(symmetricRange(new Float32Array([0, 0])).hi).toBeGreaterThan(0);
  });
});

describe('activation patch box', () => {
  it('maps a grid cell to percentages of the image', () => {
    expect(patchBox(1, 3, [7, 7, 32])).toEqual({ left: (3 / 7) * 100, top: (1 / 7) * 100, width: 100 / 7, height: 100 / 7 });
  });
  it('has no box for dense layers, unknown (legacy, empty) shapes or positions outside the grid', () => {
    expect(patchBox(0, 0, [128])).toBeNull();
    expect(patchBox(0, 0, [])).toBeNull();
    expect(patchBox(null, 2, [7, 7, 3])).toBeNull();
    expect(patchBox(7, 0, [7, 7, 3])).toBeNull();
  });
});

describe('best matches per network', () => {
  it('joins correlation and MI matches by network', () => {
    const rows = joinBestMatches(
      [
        { network: { id: 'n1' }, correlation: 0.9 },
        { network: { id: 'n2' }, correlation: 0.4 },
      ],
      [
        { network: { id: 'n2' }, unit: { index: 5 }, mutualInformation: 0.7 },
        { network: { id: 'n3' }, unit: null, mutualInformation: null },
      ],
    );
    expect(rows.map((r) => [r.networkId, r.max?.correlation ?? null, r.mi?.unitIndex ?? null])).toEqual([
      ['n1', 0.9, null],
      ['n2', 0.4, 5],
      ['n3', null, null],
    ]);
  });
});
