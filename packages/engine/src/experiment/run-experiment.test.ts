import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNpy } from '../io/npy.ts';
import { syntheticImages, tinyArchitectureSpec, tinyExperimentData, tinyExperimentSpec } from '../train/test-fixtures.ts';
import { validateResultDirectory } from './manifest.ts';
import { runExperiment, wrapFsError } from './run-experiment.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-exp-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const data = tinyExperimentData();
const tinyArch = tinyArchitectureSpec;
const spec = tinyExperimentSpec({ methods: ['semi', 'max', 'mi', 'cka', 'sparse', 'spectral'], clusters: [3], dump: { layers: ['fc1'] } });

describe('runExperiment', () => {
  it('writes a complete, valid result directory with chance pairs', async () => {
    const out = path.join(tmp, 'result');
    const phases = new Set<string>();
    const fractions: number[] = [];
    const { manifest } = await runExperiment(spec, {
      out,
      data,
      concurrency: 1,
      onProgress: (p) => {
        phases.add(p.phase);
        fractions.push(p.fraction);
      },
    });
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(fractions[fractions.length - 1]).toBeCloseTo(1, 6);
    expect([...phases]).toEqual(expect.arrayContaining(['train', 'trained', 'record', 'align', 'write']));
    const again = await validateResultDirectory(out);
    expect(again.version).toBe(2);
    expect(again.networks.map((n) => n.id)).toEqual(['tiny-a-s1', 'tiny-a-s2', 'tiny-b-s1', 'tiny-b-s2', 'tiny-a-untrained', 'tiny-b-untrained', 'tiny-a-untrained-2', 'tiny-b-untrained-2']);
    expect(manifest.networks[0]!.metrics).toHaveLength(1);
    expect(manifest.networks[4]!.metrics).toHaveLength(0);
    // 4 trained nets share conv1: 6 between pairs, each with its matched chance pair of twins of the same two
    // architectures (seed i of A, seed j of B) -> (twin i of A, twin j of B)
    const conv = manifest.alignments.filter((a) => a.layer === 'conv1');
    expect(conv.filter((a) => a.kind === 'between')).toHaveLength(6);
    const chance = conv.filter((a) => a.kind === 'chance');
    expect(chance.map((a) => [a.a, a.b, a.mirrors!.a, a.mirrors!.b])).toEqual([
      ['tiny-a-untrained', 'tiny-a-untrained-2', 'tiny-a-s1', 'tiny-a-s2'],
      ['tiny-a-untrained', 'tiny-b-untrained', 'tiny-a-s1', 'tiny-b-s1'],
      ['tiny-a-untrained', 'tiny-b-untrained-2', 'tiny-a-s1', 'tiny-b-s2'],
      ['tiny-b-untrained', 'tiny-a-untrained-2', 'tiny-a-s2', 'tiny-b-s1'],
      ['tiny-a-untrained-2', 'tiny-b-untrained-2', 'tiny-a-s2', 'tiny-b-s2'],
      ['tiny-b-untrained', 'tiny-b-untrained-2', 'tiny-b-s1', 'tiny-b-s2'],
    ]);
    // shuffled-probe null on every trained pair, none on chance pairs
    for (const a of conv) expect(a.shuffled !== undefined).toBe(a.kind === 'between');
    expect(Object.keys(conv[0]!.shuffled!.figures)).toEqual(expect.arrayContaining(['semi', 'max', 'cka', 'sparseFvu@0.05']));
    // live units, held-out FVU and the statistics
    for (const a of manifest.alignments) {
      expect(a.live!.a).toBeLessThanOrEqual(a.p);
      expect(a.sparse!.fvuHeldOut).toHaveLength(2);
      expect(a.sparse!.heldOut).toEqual({ images: 5, fitImages: 15, seed: expect.any(Number) });
      for (const s of a.spectral!) expect(s.mixing === null || (s.mixing! >= -0.5 && s.mixing! <= 1.5)).toBe(true);
    }
    const pair = conv[0]!;
    const corr = await readNpy(path.join(out, pair.correlation.path));
    expect(corr.shape).toEqual([pair.p, pair.q]);
    expect(pair.semi!.meanA).toBeGreaterThanOrEqual(pair.max!.mean - 1e-9);
    const summary = manifest.layers.find((l) => l.name === 'conv1')!;
    expect(summary.metrics.semi!.between!.n).toBe(6);
    expect(summary.metrics.semi!.chance!.n).toBe(6);
    expect(summary.metrics['semi.all']!.between!.n).toBe(6);
    expect(summary.metrics['sparseFvuHeldOut@0.05']!.between!.n).toBe(6);
    // 2 networks per architecture: no interval, and the statistics say why
    const st = summary.statistics!.find((x) => x.figure === 'max' && x.scope === 'all')!;
    expect(st.ci).toBeNull();
    expect(st.ciReason).toMatch(/needs at least 3 networks per architecture; have 2 of tiny-a, 2 of tiny-b/);
    expect(st.chance!.pairs).toBe(6);
    expect(st.chance!.source).toBe('untrained-twins');
    expect(st.nPermutations).toBe(924);
    expect(st.shuffled!.pairs).toBe(6);
    expect(pair.spectral![0]!.labels).toHaveLength(pair.p + pair.q);
    expect(pair.spectral![0]!.clusters.reduce((s, c) => s + c.aCount + c.bCount, 0)).toBe(pair.p + pair.q);
    expect(summary.metrics['spectralShared@3']!.between!.n).toBe(6);
    expect(summary.metrics['sparseFvu@0.05']!.chance!.n).toBe(6);
    const fc = manifest.networks[0]!.layers.find((l) => l.name === 'fc1')!;
    expect(fc.unitStats).toHaveLength(6);
    expect(fc.activations!.shape).toEqual([20, 6]);
    const images = await readNpy(path.join(out, 'probe/images.npy'));
    expect(images.shape).toEqual([20, 8, 8, 1]);
    await expect(fs.access(`${out}.partial`)).rejects.toThrow();
    await expect(fs.access(path.join(out, 'checkpoints'))).rejects.toThrow();
  });

  it('trains in worker threads with the same weights as in-process', async () => {
    const small = { ...spec, architectures: [tinyArch('tiny-a', 4)], methods: ['semi', 'max'], dump: undefined };
    const one = await runExperiment(small, { out: path.join(tmp, 'one'), data, concurrency: 1 });
    const two = await runExperiment(small, { out: path.join(tmp, 'two'), data, concurrency: 2 });
    expect(two.manifest.networks.map((n) => n.metrics)).toEqual(one.manifest.networks.map((n) => n.metrics.map((m) => ({ ...m, seconds: expect.any(Number) }))));
    expect(two.manifest.networks.map((n) => n.stepMetrics)).toEqual(one.manifest.networks.map((n) => n.stepMetrics));
    for (const n of one.manifest.networks) {
      const a = await fs.readFile(path.join(tmp, 'one', n.weights.weightsBin));
      const b = await fs.readFile(path.join(tmp, 'two', n.weights.weightsBin));
      expect(b.equals(a)).toBe(true);
    }
  });

  it('resumes after an interruption from the checkpoints in DIR.partial', async () => {
    const small = { ...spec, architectures: [tinyArch('tiny-a', 4)], seeds: [1, 2], training: { ...spec.training, epochs: 2 }, methods: ['semi'], dump: undefined };
    const full = await runExperiment(small, { out: path.join(tmp, 'full'), data, concurrency: 1 });
    const out = path.join(tmp, 'resumed');
    const ctl = new AbortController();
    await expect(
      runExperiment(small, {
        out,
        data,
        concurrency: 1,
        signal: ctl.signal,
        onProgress: (p) => {
          if (p.phase === 'train' && p.network === 'tiny-a-s2' && p.progress.phase === 'epoch' && p.progress.epoch === 1) ctl.abort();
        },
      }),
    ).rejects.toThrow(/abort/i);
    await fs.access(path.join(`${out}.partial`, 'checkpoints', 'tiny-a-s2', 'state.json'));
    let firstEpochOfS2 = 0;
    const resumed = await runExperiment(small, {
      out,
      data,
      concurrency: 1,
      onProgress: (p) => {
        if (p.phase === 'train' && p.network === 'tiny-a-s2' && p.progress.epoch === 1) firstEpochOfS2++;
      },
    });
    expect(firstEpochOfS2).toBe(0); // epoch 1 of s2 came from its checkpoint
    expect(resumed.manifest.networks.map((n) => n.metrics.map((m) => m.validationAccuracy))).toEqual(full.manifest.networks.map((n) => n.metrics.map((m) => m.validationAccuracy)));
    // The per-step series continued from the checkpoint: the same points as the uninterrupted run, none for twins.
    expect(resumed.manifest.networks.map((n) => n.stepMetrics)).toEqual(full.manifest.networks.map((n) => n.stepMetrics));
    expect(full.manifest.networks.filter((n) => n.role === 'trained').every((n) => (n.stepMetrics?.length ?? 0) > 0)).toBe(true);
    expect(full.manifest.networks.filter((n) => n.role === 'untrained').every((n) => n.stepMetrics?.length === 0)).toBe(true);
    for (const n of full.manifest.networks) {
      const a = await fs.readFile(path.join(tmp, 'full', n.weights.weightsBin));
      const b = await fs.readFile(path.join(out, n.weights.weightsBin));
      expect(b.equals(a)).toBe(true);
    }
    await expect(fs.access(`${out}.partial`)).rejects.toThrow();
  });

  it('computes the newer measures, consensus (with an untrained chance family) and stitching for trained and chance pairs', async () => {
    const mixed = {
      ...spec,
      architectures: [tinyArch('tiny-a', 4), { ...tinyArch('tiny-res', 4), layers: [{ type: 'conv', name: 'conv1a', filters: 4, kernel: 3 }, { type: 'residual', name: 'conv1', record: true, layers: [{ type: 'conv', filters: 4, kernel: 3 }] }, ...tinyArch('x', 4).layers.slice(1)] }],
      split: { seed: 1, validation: 30, probe: 30 },
      methods: ['all'],
      knn: { k: 3 },
      stitch: { images: 30, penalty: 0.05 },
      dump: undefined,
    };
    const { manifest } = await runExperiment(mixed, { out: path.join(tmp, 'all'), data: { ...data, probe: syntheticImages(30, 3) }, concurrency: 1 });
    expect(manifest.networks.map((n) => n.id)).toEqual(['tiny-a-s1', 'tiny-a-s2', 'tiny-res-s1', 'tiny-res-s2', 'tiny-a-untrained', 'tiny-res-untrained', 'tiny-a-untrained-2', 'tiny-res-untrained-2']);
    // Chance pairs are pairs of twins, one per trained pair.
    expect(manifest.alignments.filter((a) => a.kind === 'chance').every((a) => a.a.includes('-untrained') && a.b.includes('-untrained'))).toBe(true);
    for (const a of manifest.alignments) {
      expect(a.svcca!.mean).toBeGreaterThanOrEqual(0);
      expect(a.svcca!.mean).toBeLessThanOrEqual(1);
      expect(a.pwcca!.weighted).toBeLessThanOrEqual(1);
      expect(a.procrustes!.distance).toBeGreaterThanOrEqual(0);
      expect(a.procrustes!.distance).toBeLessThanOrEqual(2);
      expect(a.knn).toMatchObject({ k: 3, images: 30, metric: 'euclidean', uniform: 3 / 29 });
    }
    const fc = manifest.layers.find((l) => l.name === 'fc1')!;
    for (const key of ['svcca', 'pwcca', 'procrustes', 'knn']) {
      expect(fc.metrics[key]!.between!.n, key).toBe(6);
      expect(fc.metrics[key]!.chance!.n, key).toBe(6);
    }
    const cons = manifest.consensus!.find((c) => c.layer === 'conv1')!;
    expect(cons.trained.networks).toEqual(['tiny-a-s1', 'tiny-a-s2', 'tiny-res-s1', 'tiny-res-s2']);
    expect(cons.chance!.networks).toEqual(['tiny-a-untrained', 'tiny-a-untrained-2', 'tiny-res-untrained', 'tiny-res-untrained-2']);
    expect(cons.trained.found).toHaveLength(4);
    expect(cons.trained.units).toHaveLength(cons.trained.count);
    for (const u of cons.trained.units) expect(u).toHaveLength(4);
    const st = manifest.stitching!.find((x) => x.layer === 'fc1')!;
    expect(st.images).toBe(30);
    // 4 trained networks: 12 ordered pairs; chance: each receiver from the twin of each other architecture present.
    expect(st.pairs.filter((x) => x.kind === 'between')).toHaveLength(12);
    expect(st.pairs.filter((x) => x.kind === 'chance')).toHaveLength(8);
    for (const pr of st.pairs) expect(pr.maps.map((m) => m.kind)).toEqual(['permutation', 'sparse', 'linear']);
    expect(st.summary.linear!.between!.n).toBe(12);
    expect(st.summary.own!.between!.n).toBe(4);
    expect(manifest.stitching!.map((x) => x.layer)).toEqual(['conv1', 'fc1']);
    await validateResultDirectory(path.join(tmp, 'all'));
  });

  it('refuses methods the probe set cannot support before training, naming the numbers and the fix', async () => {
    const few = { ...data, probe: syntheticImages(10, 3) };
    await expect(runExperiment({ ...spec, split: { seed: 1, validation: 30, probe: 10 }, methods: ['semi', 'svcca'] }, { out: path.join(tmp, 'few2'), data: few })).rejects.toThrow(
      'methods: "svcca" at layer fc1 needs at least 2 × (p + q) = 24 samples for tiny-a-s1 × tiny-a-s2 (6 + 6 units), but split.probe 10 gives 10; raise split.probe to ≥ 24 or drop svcca from methods',
    );
    await expect(runExperiment({ ...spec, methods: ['knn'], knn: { k: 25 } }, { out: path.join(tmp, 'few3'), data })).rejects.toThrow(
      'knn.k 25 needs more probe images than k, but split.probe is 20; lower knn.k below 20 or raise split.probe',
    );
    await expect(fs.access(path.join(tmp, 'few2'))).rejects.toThrow();
  });

  it('explains a full disk', () => {
    const err = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(wrapFsError(err, '/x/result.partial').message).toBe('disk full while writing /x/result.partial; free some space or choose another --out on a larger disk');
  });

  it('rejects bad specs and unknown layers before writing anything', async () => {
    const out = path.join(tmp, 'bad');
    await expect(runExperiment({ ...spec, seeds: [1, 1] }, { out, data })).rejects.toThrow(/seeds must not repeat a seed/);
    await expect(runExperiment({ ...spec, record: ['conv1', 'conv9'] }, { out, data })).rejects.toThrow(/record\[1\] "conv9" is not a layer of any architecture/);
    await expect(runExperiment({ ...spec, record: ['conv1'], dump: { layers: ['fc1'] } }, { out, data })).rejects.toThrow(/dump\.layers\[0\] "fc1" is not a recorded layer \(conv1\)/);
    await expect(runExperiment({ ...spec, architectures: [{ ...tinyArch('big', 4), inputShape: [28, 28, 1] }] }, { out, data })).rejects.toThrow(
      /architectures\[0\]\.inputShape \[28, 28, 1\] does not match the dataset's images \[8, 8, 1\]/,
    );
    await expect(fs.access(out)).rejects.toThrow();
    await expect(fs.access(`${out}.partial`)).rejects.toThrow();
    await expect(runExperiment(spec, { out: path.join(tmp, 'result'), data })).rejects.toThrow(/already exists/);
  });
});
