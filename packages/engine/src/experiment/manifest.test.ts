import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../spec/json-checks.ts';
import { type ResultManifest, validateManifest, validateResultDirectory } from './manifest.ts';

const ref = (p: string, shape: number[], dtype: 'float32' | 'int32' | 'uint8' = 'float32') => ({ path: p, dtype, shape });
const unit = (index: number) => ({ index, mean: 0.5, std: 0.1, dead: false, top: [{ imageIndex: 0, y: 1, x: 2, value: 3 }] });
const net = (id: string) => ({
  id,
  architecture: 'a',
  seed: 1,
  role: 'trained',
  spec: {},
  parameterCount: 10,
  metrics: [{ epoch: 1, trainLoss: 1, trainAccuracy: 0.5, validationLoss: 1, validationAccuracy: 0.5, seconds: 1 }],
  trainSeconds: 1,
  weights: { modelJson: `networks/${id}/model.json`, weightsBin: `networks/${id}/weights.bin` },
  layers: [{ name: 'fc1', kind: 'dense', shape: [2], units: 2, samples: 4, receptiveField: { size: 8, stride: 1, offset: 0 }, deadCount: 0, unitStats: [unit(0), unit(1)], within: ref(`layers/fc1/within/${id}.npy`, [2, 2]) }],
});
function manifest(): Record<string, unknown> {
  return {
    format: 'convergent-result',
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    experiment: {},
    dataset: { name: 'x', imageShape: [8, 8, 1], classes: 3, splitSeed: 1, train: 10, validation: 5, probe: 4 },
    probe: { images: ref('probe/images.npy', [4, 8, 8, 1], 'uint8'), labels: ref('probe/labels.npy', [4], 'int32') },
    backend: { name: 'cpu', detail: '' },
    timings: { totalSeconds: 1, trainSeconds: 1, recordSeconds: 0, alignSeconds: 0 },
    networks: [net('n1'), net('n2')],
    alignments: [{ layer: 'fc1', a: 'n1', b: 'n2', kind: 'between', p: 2, q: 2, correlation: ref('layers/fc1/pairs/n1__n2/correlation.npy', [2, 2]), cka: { linear: 0.5, debiased: 0.4 } }],
    layers: [{ name: 'fc1', networks: ['n1', 'n2'], metrics: {} }],
  };
}

function errors(m: unknown): string[] {
  try {
    validateManifest(m);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(SpecError);
    return (err as SpecError).errors;
  }
}

describe('validateManifest', () => {
  it('accepts a well-formed manifest and lists its files', () => {
    const { npyFiles, otherFiles } = validateManifest(manifest());
    expect(npyFiles.map((f) => f.path)).toContain('layers/fc1/pairs/n1__n2/correlation.npy');
    expect(otherFiles).toEqual(['networks/n1/model.json', 'networks/n1/weights.bin', 'networks/n2/model.json', 'networks/n2/weights.bin']);
  });

  it('still reads format 1 (no live figures, mirrors or statistics) and format 2 fields', () => {
    // manifest() is a format-1 manifest as written before issue 11
    expect(validateManifest(manifest()).manifest.version).toBe(1);
    const v2 = manifest() as Record<string, unknown> & { alignments: Array<Record<string, unknown>> };
    v2.version = 2;
    v2.alignments[0]!.live = { a: 2, b: 2 };
    v2.alignments[0]!.kind = 'chance';
    v2.alignments[0]!.mirrors = { a: 'n1', b: 'nX' };
    expect(errors(v2)).toEqual(['alignments[0].mirrors.b names no network ("nX")']);
    v2.alignments[0]!.mirrors = { a: 'n1', b: 'n2' };
    expect(validateManifest(v2).manifest.version).toBe(2);
  });

  it('names each problem by JSON path', () => {
    const m = manifest() as { version: number; networks: Array<ReturnType<typeof net>>; alignments: Array<Record<string, unknown>> };
    m.version = 3;
    m.networks[1]!.weights.weightsBin = '../../etc/passwd';
    m.networks[0]!.layers[0]!.unitStats.pop();
    m.alignments[0]!.b = 'n9';
    m.alignments[0]!.q = 3;
    expect(errors(m)).toEqual([
      'version must be one of 1, 2 (this reader does not know version 3)',
      'networks[0].layers[0].unitStats must list 2 units (has 1)',
      'networks[1].weights.weightsBin must be a relative path inside the result directory (got "../../etc/passwd")',
      'alignments[0].b names no network ("n9")',
    ]);
  });

  it('requires each layer shape to be a non-empty list of positive integers ending with its unit count', () => {
    const withShapes = (a: unknown, b: unknown) => {
      const m = manifest() as { networks: Array<{ layers: Array<Record<string, unknown>> }> };
      m.networks[0]!.layers[0]!.shape = a;
      m.networks[1]!.layers[0]!.shape = b;
      return m;
    };
    expect(errors(withShapes([2], [3, 3, 2]))).toEqual([]);
    expect(errors(withShapes(null, '2'))).toEqual(['networks[0].layers[0].shape must be an array', 'networks[1].layers[0].shape must be an array']);
    expect(errors(withShapes([], [4, 4, 0, 2]))).toEqual(['networks[0].layers[0].shape must not be empty', 'networks[1].layers[0].shape[2] must be a positive integer ≤ 2147483647']);
    expect(errors(withShapes([2.5, 2], ['4', -1, 2]))).toEqual([
      'networks[0].layers[0].shape[0] must be a positive integer ≤ 2147483647',
      'networks[1].layers[0].shape[0] must be a positive integer ≤ 2147483647',
      'networks[1].layers[0].shape[1] must be a positive integer ≤ 2147483647',
    ]);
    expect(errors(withShapes([2 ** 31], [4, 4, 3]))).toEqual([
      'networks[0].layers[0].shape[0] must be a positive integer ≤ 2147483647',
      "networks[1].layers[0].shape must end with the layer's 2 units, channels last (ends with 3)",
    ]);
  });

  it('checks that referenced files exist with enough bytes', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-manifest-'));
    try {
      await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest()));
      await fs.mkdir(path.join(dir, 'probe'));
      await fs.writeFile(path.join(dir, 'probe/images.npy'), Buffer.alloc(10));
      const err = await validateResultDirectory(dir).catch((e: SpecError) => e);
      expect(err).toBeInstanceOf(SpecError);
      const list = (err as SpecError).errors;
      expect(list).toContain('probe/images.npy holds 10 bytes, fewer than its uint8 [4, 8, 8, 1] data');
      expect(list).toContain('networks/n1/model.json is missing');
      expect(list).toContain('probe/labels.npy is missing');
      await expect(validateResultDirectory(path.join(dir, 'nope'))).rejects.toThrow(/manifest\.json is missing/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
    const typed: ResultManifest = validateManifest(manifest()).manifest;
    expect(typed.networks).toHaveLength(2);
  });

  it('reads networks without `stepMetrics` (older results) and checks a recorded series', () => {
    expect(validateManifest(manifest()).manifest.networks[0]!.stepMetrics).toBeUndefined();
    const m = manifest() as { networks: Array<Record<string, unknown>> };
    m.networks[0]!.stepMetrics = [
      { step: 2, epoch: 1, samples: 8, loss: 1.2, accuracy: 0.25 },
      { step: 4, epoch: 1, samples: 16, loss: 0.9, accuracy: 0.5 },
    ];
    expect(validateManifest(m).manifest.networks[0]!.stepMetrics).toHaveLength(2);
    m.networks[1]!.stepMetrics = [
      { step: 3, epoch: 1, samples: 8, loss: 1, accuracy: 0.5 },
      { step: 3, epoch: 1, samples: 16, loss: -1, accuracy: 1.5 },
    ];
    expect(errors(m)).toEqual([
      'networks[1].stepMetrics[1].loss must be ≥ 0',
      'networks[1].stepMetrics[1].accuracy must be ≤ 1',
      "networks[1].stepMetrics[1].step must be greater than the previous point's step (3)",
    ]);
  });

  it('reads a manifest without `streams` as stream version 1 and checks a recorded one', () => {
    const old = manifest();
    expect(validateManifest(old).manifest.streams).toEqual({ version: 1 });
    expect(old.streams).toBeUndefined(); // the caller's object is left as it was
    const now = { ...manifest(), streams: { version: 2, dataOrder: 'per-network' } };
    expect(validateManifest(now).manifest.streams).toEqual({ version: 2, dataOrder: 'per-network' });
    expect(errors({ ...manifest(), streams: { version: 2 } })).toEqual(['streams.dataOrder must be one of shared, per-network (got undefined)']);
    expect(errors({ ...manifest(), streams: { version: 3, dataOrder: 'shared' } })).toEqual(['streams.version must be a positive integer ≤ 2']);
    expect(errors({ ...manifest(), streams: { version: 1, dataOrder: 'shared' } })).toEqual(['streams.dataOrder is recorded from stream version 2 on; version 1 results have none']);
    const keyed = manifest() as { networks: Array<Record<string, unknown>> };
    keyed.networks[0]!.streamKey = 'not-hex';
    expect(errors(keyed)).toEqual(['networks[0].streamKey must be 16 lowercase hex digits']);
  });

  it('names the path of rules inside one record and of references across the manifest', () => {
    const m = manifest() as { networks: Array<ReturnType<typeof net>>; alignments: Array<Record<string, unknown>> } & Record<string, unknown>;
    m.networks[0]!.layers[0]!.unitStats[1]!.index = 5;
    m.networks[1]!.layers[0]!.within.path = 'layers/fc1/within/n2.bin';
    m.alignments[0]!.sparse = { penalties: [0.1, 0.3], fvu: [0.5], nonzero: [1, 2], weights: ref('layers/fc1/pairs/n1__n2/sparse.npy', [2, 2, 2]) };
    m.alignments[0]!.spectral = [{ k: 2, labels: [0, 1, 0], clusters: [], shared: 1 }];
    m.consensus = [{ layer: 'fc1', trained: { networks: ['n1', 'n3'], reference: 'n1', liveUnits: 2, count: 1, fraction: 0.5, meanFound: 1.5, found: [2, 1], units: [[0]] }, chance: null }];
    expect(errors(m)).toEqual([
      'networks[0].layers[0].unitStats[1].index must be 1',
      'networks[1].layers[0].within.path must name a .npy file',
      'alignments[0].sparse.fvu must have one entry per penalty',
      'consensus[0].trained.units[0] must list one unit per network (2)',
      'alignments[0].spectral[0].labels must have p + q = 4 entries',
      'consensus[0].trained.networks[1] names no network ("n3")',
    ]);
    expect(errors([])).toEqual(['(manifest) must be an object']);
    expect(errors({ ...manifest(), networks: [net('n1'), net('n1')], alignments: [] })).toEqual(['networks[1].id repeats network id "n1"']);
  });

  it('keeps fields it does not check, and reports a missing section by its path', () => {
    const extra = { ...manifest(), note: 'kept' };
    expect((validateManifest(extra).manifest as unknown as { note: string }).note).toBe('kept');
    const { timings: _, ...noTimings } = manifest();
    expect(errors(noTimings)).toEqual(['timings must be an object']);
  });
});
