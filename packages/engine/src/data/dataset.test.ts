import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { imagesTensor, labelsTensor, checkDataset, splitDataset, type Dataset } from './dataset.ts';

function tiny(n: number): Dataset {
  const images = new Uint8Array(n * 2 * 2);
  for (let i = 0; i < images.length; i++) images[i] = (i * 37) % 256;
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 3);
  return { name: 'tiny', images, labels, n, height: 2, width: 2, channels: 1, classes: 3 };
}

describe('splitDataset', () => {
  it('gives disjoint, covering, sorted parts of the requested sizes, identical for the same seed', () => {
    const ds = tiny(1000);
    const a = splitDataset(ds, { seed: 7, validation: 100, probe: 50 });
    const b = splitDataset(ds, { seed: 7, validation: 100, probe: 50 });
    expect([a.train.length, a.validation.length, a.probe.length]).toEqual([850, 100, 50]);
    expect(Array.from(b.train)).toEqual(Array.from(a.train));
    expect(Array.from(b.probe)).toEqual(Array.from(a.probe));
    const seen = new Uint8Array(1000);
    for (const part of [a.train, a.validation, a.probe]) {
      for (let i = 1; i < part.length; i++) expect(part[i]!).toBeGreaterThan(part[i - 1]!);
      for (const j of part) seen[j]!++;
    }
    expect(seen.every((v) => v === 1)).toBe(true);
    const c = splitDataset(ds, { seed: 8, validation: 100, probe: 50 });
    expect(Array.from(c.validation)).not.toEqual(Array.from(a.validation));
  });

  it('defaults to 10% validation (max 10,000) and 10% probe (max 2,000)', () => {
    const s = splitDataset({ name: 'x', n: 70_000 }, { seed: 1 });
    expect([s.validation.length, s.probe.length, s.train.length]).toEqual([7000, 2000, 61_000]);
  });

  it('refuses a split that leaves nothing to train on', () => {
    expect(() => splitDataset(tiny(10), { seed: 1, validation: 6, probe: 4 })).toThrow(/leaves none to train on/);
  });
});

describe('batches', () => {
  it('scales pixels to [0, 1] in NHWC order and one-hot encodes labels', () => {
    const ds = tiny(5);
    const x = imagesTensor(ds, [3, 0]);
    expect(x.shape).toEqual([2, 2, 2, 1]);
    const v = x.dataSync();
    expect(v[0]).toBeCloseTo(ds.images[12]! / 255, 6);
    expect(v[4]).toBeCloseTo(ds.images[0]! / 255, 6);
    const y = labelsTensor(ds, [3, 2], true);
    expect(Array.from(y.dataSync())).toEqual([1, 0, 0, 0, 0, 1]);
    expect(Array.from(labelsTensor(ds, [4]).dataSync())).toEqual([1]);
    tf.dispose([x, y]);
    expect(() => imagesTensor(ds, [5])).toThrow(/index 5 is out of range/);
  });

  it('checkDataset names inconsistencies', () => {
    const ds = tiny(4);
    expect(() => checkDataset({ ...ds, n: 5 })).toThrow(/do not make 5 images/);
    expect(() => checkDataset({ ...ds, classes: 2 })).toThrow(/label 2 of image 2 is not below the class count 2/);
  });
});
