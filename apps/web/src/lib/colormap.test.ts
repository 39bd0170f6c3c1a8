import { describe, expect, it } from 'vitest';
import { buildLut, colorOf, fillRgba, LUT_SIZE } from './colormap.ts';

describe('diverging colour map', () => {
  const lut = buildLut();
  const rgb = (k: number) => [lut[k * 4]!, lut[k * 4 + 1]!, lut[k * 4 + 2]!];

  it('runs blue → white → red', () => {
    const [r0, , b0] = rgb(0);
    const [r1, , b1] = rgb(LUT_SIZE - 1);
    expect(b0).toBeGreaterThan(r0!);
    expect(r1).toBeGreaterThan(b1!);
    const mid = rgb(Math.round((LUT_SIZE - 1) / 2));
    for (const c of mid) expect(c).toBeGreaterThan(235);
  });

  it('fills pixels with clamping, opaque alpha and grey for NaN', () => {
    const data = new Float32Array([-1, 1, 0, 5, -5, NaN]);
    const out = new Uint8ClampedArray(data.length * 4);
    fillRgba(data, -1, 1, out, lut);
    const px = (i: number) => Array.from(out.slice(i * 4, i * 4 + 4));
    expect(px(0)).toEqual([...rgb(0), 255]);
    expect(px(1)).toEqual([...rgb(LUT_SIZE - 1), 255]);
    expect(px(3)).toEqual(px(1));
    expect(px(4)).toEqual(px(0));
    expect(px(5)).toEqual([160, 160, 160, 255]);
  });

  it('agrees with colorOf used by the legend', () => {
    const data = new Float32Array([0.37]);
    const out = new Uint8ClampedArray(4);
    fillRgba(data, -1, 1, out, lut);
    expect(colorOf(0.37, -1, 1, lut)).toBe(`rgb(${out[0]},${out[1]},${out[2]})`);
  });

  it('checks buffer size and range', () => {
    expect(() => fillRgba(new Float32Array(2), -1, 1, new Uint8ClampedArray(4))).toThrow(/expected 8/);
    expect(() => fillRgba(new Float32Array(1), 1, 1, new Uint8ClampedArray(4))).toThrow(/hi > lo/);
  });
});
