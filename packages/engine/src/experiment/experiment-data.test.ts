import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNpy } from '../io/npy.ts';
import { limitTraining, loadExperimentData } from './experiment-data.ts';

/** 60 images of 2x2 pixels, stored class by class (like the built-in datasets); pixel 0 = image index. */
function classOrdered() {
  const n = 60;
  const images = new Uint8Array(n * 4);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    images[i * 4] = i;
    labels[i] = Math.floor(i / 20);
  }
  return { images, labels, count: n, shape: [2, 2, 1] as [number, number, number], classes: 3 };
}

describe('limitTraining', () => {
  it('takes a seeded random subset, not the class-ordered head', () => {
    const set = classOrdered();
    const a = limitTraining(set, 30, 1);
    expect(a.count).toBe(30);
    const counts = [0, 1, 2].map((k) => a.labels.filter((l) => l === k).length);
    expect(Math.min(...counts)).toBeGreaterThan(4); // the head would be 20, 10, 0
    // images travel with their labels
    for (let i = 0; i < 30; i++) expect(a.labels[i]).toBe(Math.floor(a.images[i * 4]! / 20));
    expect(limitTraining(set, 30, 1).images).toEqual(a.images);
    expect(limitTraining(set, 30, 2).images).not.toEqual(a.images);
    expect(limitTraining(set, undefined, 1)).toBe(set);
  });
});

describe('loadExperimentData', () => {
  it('splits imported .npy data into disjoint parts of the requested sizes', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-expdata-'));
    try {
      const set = classOrdered();
      await writeNpy(path.join(dir, 'x.npy'), set.images, [60, 2, 2]);
      await writeNpy(path.join(dir, 'y.npy'), Int32Array.from(set.labels), [60]);
      const spec = { dataset: { npy: { images: path.join(dir, 'x.npy'), labels: path.join(dir, 'y.npy') } }, split: { seed: 4, validation: 10, probe: 5 } };
      const d = await loadExperimentData(spec);
      expect([d.train.count, d.validation.count, d.probe.count]).toEqual([45, 10, 5]);
      const ids = [d.train, d.validation, d.probe].flatMap((s) => Array.from({ length: s.count }, (_, i) => s.images[i * 4]!));
      expect(new Set(ids).size).toBe(60);
      await expect(loadExperimentData({ ...spec, split: { seed: 4, validation: 40, probe: 20 } })).rejects.toThrow(/leave none to train on/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
