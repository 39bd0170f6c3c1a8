import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNpy } from '../io/npy.ts';
import { runExperiment } from '../experiment/run-experiment.ts';
import { syntheticImages } from '../train/test-fixtures.ts';
import { main } from './main.ts';

let dir: string;
let result: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stitch-cli-'));
  const all = syntheticImages(260, 5);
  await writeNpy(join(dir, 'images.npy'), all.images, [all.count, 8, 8]);
  await writeNpy(join(dir, 'labels.npy'), Int32Array.from(all.labels), [all.count]);
  const arch = {
    name: 'tiny',
    inputShape: [8, 8, 1],
    layers: [
      { type: 'conv', name: 'conv1', filters: 4, kernel: 3, record: true },
      { type: 'maxpool', name: 'pool1', size: 2 },
      { type: 'flatten', name: 'flatten' },
      { type: 'dense', name: 'fc1', units: 6, record: true },
      { type: 'dense', name: 'out', units: 3 },
    ],
  };
  result = join(dir, 'result');
  await runExperiment(
    {
      name: 'stitch-cli',
      dataset: { npy: { images: join(dir, 'images.npy'), labels: join(dir, 'labels.npy') } },
      split: { seed: 1, validation: 60, probe: 40 },
      architectures: [arch],
      seeds: [1, 2],
      training: { epochs: 2, batchSize: 16, optimizer: 'adam', learningRate: 0.01 },
      methods: ['semi', 'stitch'],
      penalties: [0.05],
      stitch: { images: 60 },
    },
    { out: result, concurrency: 1 },
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

describe('convergent stitch', () => {
  it('reproduces the experiment’s stitching of the same pair, with chance from the untrained twin', async () => {
    const json = join(dir, 'stitch.json');
    const out = await run(['stitch', result, '--a', 'tiny-s1', '--b', 'tiny-s2', '--quiet', '--json', json]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/held-out accuracy on 60 validation images/);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report).toMatchObject({ a: 'tiny-s1', b: 'tiny-s2', chanceFrom: 'tiny-untrained', penalty: 0.05, images: 60 });
    const manifest = JSON.parse(await readFile(join(result, 'manifest.json'), 'utf8'));
    for (const layer of report.layers) {
      const rec = manifest.stitching.find((s: { layer: string }) => s.layer === layer.layer);
      const pair = rec.pairs.find((p: { a: string; b: string }) => p.a === 'tiny-s1' && p.b === 'tiny-s2');
      expect(layer.ownAccuracy).toBe(pair.ownAccuracy);
      expect(layer.maps.map((m: { accuracy: number }) => m.accuracy)).toEqual(pair.maps.map((m: { accuracy: number }) => m.accuracy));
      const chance = rec.pairs.find((p: { a: string; b: string }) => p.a === 'tiny-untrained' && p.b === 'tiny-s2');
      expect(layer.chance.map((m: { accuracy: number }) => m.accuracy)).toEqual(chance.maps.map((m: { accuracy: number }) => m.accuracy));
    }
  });

  it('a network stitched into itself keeps its own accuracy with the permutation and linear maps', async () => {
    const json = join(dir, 'self.json');
    expect((await run(['stitch', result, '--a', 'tiny-s2', '--b', 'tiny-s2', '--layers', 'fc1', '--quiet', '--json', json])).code).toBe(0);
    const [layer] = JSON.parse(await readFile(json, 'utf8')).layers;
    expect(layer.layer).toBe('fc1');
    expect(layer.maps.find((m: { kind: string }) => m.kind === 'permutation').accuracy).toBe(layer.ownAccuracy);
    expect(layer.maps.find((m: { kind: string }) => m.kind === 'linear').accuracy).toBe(layer.ownAccuracy);
  });

  it('bad options name the problem', async () => {
    expect(await run(['stitch', result, '--a', 'nope', '--b', 'tiny-s2'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--a nope is not a network of this result; choose one of tiny-s1, tiny-s2, tiny-untrained/) });
    expect(await run(['stitch', result, '--a', 'tiny-s1', '--b', 'tiny-untrained'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--b tiny-untrained is an untrained network/) });
    expect(await run(['stitch', result, '--a', 'tiny-s1', '--b', 'tiny-s2', '--layers', 'conv9'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/do not both record layer "conv9" \(both record: conv1, fc1\)/) });
    expect(await run(['stitch', result, '--a', 'tiny-s1'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--a NET and --b NET are required/) });
    expect(await run(['stitch', join(dir, 'missing'), '--a', 'x', '--b', 'y'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a result directory/) });
  });
});
