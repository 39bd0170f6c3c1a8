import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResultDirectory } from '../experiment/manifest.ts';
import { writeNpy } from '../io/npy.ts';
import { syntheticImages, tinyArchitectureSpec } from '../train/test-fixtures.ts';
import type { CliIO } from './command.ts';
import { main } from './main.ts';

let tmp: string;
function collect(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } };
}

const spec = {
  name: 'cli-tiny',
  dataset: { npy: { images: 'images.npy', labels: 'labels.npy' }, name: 'bars' },
  split: { seed: 3, validation: 30, probe: 20 },
  architectures: [tinyArchitectureSpec('tiny', 4)],
  seeds: [1, 2],
  training: { epochs: 1, batchSize: 16, optimizer: 'sgd', learningRate: 0.1 },
  methods: ['semi', 'max', 'cka'],
};

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-cli-exp-'));
  const set = syntheticImages(150, 9);
  await writeNpy(path.join(tmp, 'images.npy'), set.images, [150, 8, 8]);
  await writeNpy(path.join(tmp, 'labels.npy'), Int32Array.from(set.labels), [150]);
  await fs.writeFile(path.join(tmp, 'spec.json'), JSON.stringify(spec));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('convergent experiment run', () => {
  it('writes the result directory and prints the convergence table with chance levels', async () => {
    const io = collect();
    const out = path.join(tmp, 'result');
    const code = await main(['experiment', 'run', path.join(tmp, 'spec.json'), '--out', out, '--concurrency', '1'], io);
    expect(io.err.join('')).not.toMatch(/error|failed/i);
    expect(code).toBe(0);
    const text = io.out.join('');
    expect(text).toMatch(/means over live units/);
    expect(text).toMatch(/layer\s+pairs\s+live units\s+semi\s+chance\s+max\s+95% CI\s+chance\s+p\s+CKA\s+chance/);
    // 2 trained networks: one pair, matched chance one twin pair, no interval (and the reason in words)
    expect(text).toMatch(/^conv1\s+1\s+\d+ \/ \d+\s+-?\d\.\d{3}\s+-?\d\.\d{3}\s+-?\d\.\d{3}\s+no interval\s+-?\d\.\d{3}\s+(0\.500|1\.000)/m); // 1 trained vs 1 chance value: p is 1/2 or 1
    expect(text).toMatch(/no interval: needs at least 3 networks per architecture; have 2 of tiny/);
    const dead = collect();
    await main(['experiment', 'run', path.join(tmp, 'spec.json'), '--out', path.join(tmp, 'result-dead'), '--concurrency', '1', '--include-dead', '--quiet'], dead);
    expect(dead.out.join('')).toMatch(/means over ALL units/);
    expect(text).toMatch(/validation accuracy: tiny-s1 \d+\.\d%, tiny-s2/);
    const manifest = await validateResultDirectory(out);
    expect(manifest.dataset.name).toBe('bars');
    expect(io.err.join('')).toMatch(/tiny-s1 .*done: validation accuracy/);
  });

  it('prints the newer measures, consensus and stitching tables when the spec asks for them', async () => {
    const io = collect();
    const out = path.join(tmp, 'result-all');
    await fs.writeFile(path.join(tmp, 'spec-all.json'), JSON.stringify({ ...spec, split: { seed: 3, validation: 30, probe: 40 }, methods: ['semi', 'svcca', 'pwcca', 'procrustes', 'knn', 'consensus', 'stitch'], knn: { k: 5 }, stitch: { images: 30 } }));
    const code = await main(['experiment', 'run', path.join(tmp, 'spec-all.json'), '--out', out, '--concurrency', '1'], io);
    expect(io.err.join('')).not.toMatch(/error|failed/i);
    expect(code).toBe(0);
    const text = io.out.join('');
    expect(text).toMatch(/SVCCA \(between\)\s+SVCCA \(chance\)\s+PWCCA \(between\)\s+PWCCA \(chance\)\s+Procrustes dist\. \(between\)/);
    expect(text).toMatch(/^fc1\s+2\s+\d+ \/ \d+\s+\d\.\d{3}\s+\d\.\d{2}\s+\d+ \/ \d+\s+\d\.\d{3}\s+\d\.\d{2}$/m);
    expect(text).toMatch(/own accuracy\s+permutation \(between\)/);
    expect(io.err.join('')).toMatch(/stitching layer fc1: 4\/4 pairs/);
  });

  it('prints one clear line for bad specs, unknown layers, missing data and existing output', async () => {
    const run = async (s: unknown, out = path.join(tmp, 'never')) => {
      const file = path.join(tmp, 'bad.json');
      await fs.writeFile(file, typeof s === 'string' ? s : JSON.stringify(s));
      const io = collect();
      const code = await main(['experiment', 'run', file, '--out', out], io);
      return { code, err: io.err.join('') };
    };
    const bad = structuredClone(spec) as typeof spec & { architectures: Array<{ layers: Array<Record<string, unknown>> }> };
    bad.architectures[0]!.layers[0]!.filters = 0;
    expect(await run(bad)).toEqual({ code: 1, err: 'convergent experiment run: invalid experiment spec: architectures[0].layers[0].filters must be a positive integer\n' });
    expect((await run({ ...spec, record: ['conv5'] })).err).toMatch(/record\[0\] "conv5" is not a layer of any architecture/);
    // A 2 M-unit layer (grew to 6.3 GB, then "Invalid typed array length"): refused at once, naming the limit.
    const wide = structuredClone(spec) as typeof spec & { architectures: Array<{ layers: Array<Record<string, unknown>> }> };
    wide.architectures[0]!.layers[3]!.units = 2_000_000;
    const refused = await run(wide);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^convergent experiment run: invalid experiment spec: .*architectures\[0\]\.layers\[3\]\.units 2,000,000 exceeds the limit of 16,384 units per layer/);
    expect(refused.err.trimEnd().split('\n')).toHaveLength(1);
    // CCA with fewer samples than 2 (p + q) at fc1 (20 probe images, 6 + 6 units) and kNN with k ≥ probe images:
    // one line naming the numbers and the fix, before anything is trained (never a NaN figure).
    const cca = await run({ ...spec, methods: ['svcca', 'knn'], knn: { k: 20 } });
    expect(cca.code).toBe(1);
    // (a progress line "backend …; loading …" comes first: the check needs the data's probe count)
    const errorLines = cca.err.trimEnd().split('\n').filter((l) => l.startsWith('convergent experiment run:'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/^convergent experiment run: invalid experiment spec: methods: "svcca" at layer fc1 needs at least 2 × \(p \+ q\) = 24 samples for tiny-s1 × tiny-s2 \(6 \+ 6 units\), but split\.probe 20 gives 20; raise split\.probe to ≥ 24 or drop svcca from methods/);
    expect(errorLines[0]).toMatch(/knn\.k 20 needs more probe images than k, but split\.probe is 20; lower knn\.k below 20 or raise split\.probe/);
    expect(cca.err).not.toMatch(/NaN/);
    expect((await run({ ...spec, dataset: { npy: { images: 'nope.npy', labels: 'labels.npy' } } })).err).toMatch(/nope\.npy/);
    expect((await run({ ...spec, dataset: 'cifar' })).err).toMatch(/unknown dataset "cifar"/);
    expect((await run('{ not json')).err).toMatch(/is not valid JSON/);
    expect((await run(spec, tmp)).err).toMatch(/already exists/);
    await expect(fs.access(path.join(tmp, 'never'))).rejects.toThrow();
    await expect(fs.access(path.join(tmp, 'never.partial'))).rejects.toThrow();
  });
});
