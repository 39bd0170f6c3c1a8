import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNpy } from '../io/npy.ts';
import { writeNpz } from '../io/npz.ts';
import { main, registeredCommands } from './main.ts';
import { pairMoments } from '../stats/moments.ts';
import { procrustes } from '../align/procrustes.ts';
import { pwcca } from '../align/pwcca.ts';
import { svcca } from '../align/svcca.ts';
import { mutualKnn } from '../align/mutual-knn.ts';

function mutualKnnScore(a: Float64Array, b: Float64Array, n: number, d: number, k: number): { score: number } {
  return { score: mutualKnn(a, b, n, d, d, { k }).score };
}
import { Progress } from './progress.ts';

const BIN = fileURLToPath(new URL('../../bin/convergent.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/npy/', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'align-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Seeded uniform [0, 1) (mulberry32) and standard normal (Box–Muller). */
function rng(seed: number) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

/**
 * Planted alignment: A is N × p ReLU'd mixtures; B's unit j is A's unit perm[j], positively scaled and shifted,
 * plus tiny noise. Returns the expected match of every unit of A (the inverse permutation).
 */
async function planted(n: number, p: number, seed: number): Promise<{ a: string; b: string; expected: number[] }> {
  const r = rng(seed);
  const A = new Float32Array(n * p);
  for (let i = 0; i < n; i++) {
    const shared = r.normal();
    for (let j = 0; j < p; j++) A[i * p + j] = Math.max(0, r.normal() + 0.3 * shared);
  }
  const perm = Array.from({ length: p }, (_, j) => j);
  for (let j = p - 1; j > 0; j--) {
    const k = Math.floor(r.uniform() * (j + 1));
    [perm[j], perm[k]] = [perm[k]!, perm[j]!];
  }
  const B = new Float32Array(n * p);
  const scale = Array.from({ length: p }, () => 0.2 + 5 * r.uniform());
  const shift = Array.from({ length: p }, () => 10 * r.normal());
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) B[i * p + j] = scale[j]! * A[i * p + perm[j]!]! + shift[j]! + 1e-4 * r.normal();
  const a = join(dir, `planted_a_${seed}.npy`);
  const b = join(dir, `planted_b_${seed}.npy`);
  await writeNpy(a, A, [n, p]);
  await writeNpy(b, B, [n, p]);
  const expected = new Array<number>(p);
  perm.forEach((src, j) => (expected[src] = j));
  return { a, b, expected };
}

describe('convergent align: planted permutation', () => {
  it('semi, max and MI recover the permutation exactly; JSON has the documented shape', async () => {
    const { a, b, expected } = await planted(3000, 12, 7);
    const json = join(dir, 'planted.json');
    const { code, stdout, stderr } = await run(['align', a, b, '--quiet', '--json', json, '--penalties', '0,0.01,0.1', '--mi-rows', '2000', '--clusters', '12']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report).toMatchObject({ samples: 3000, unitsA: 12, unitsB: 12, deadA: [], deadB: [] });
    expect(typeof report.backend).toBe('string');
    expect(report.products).toBe('onnxruntime');
    expect(report.semi.match).toEqual(expected);
    expect(report.semi.reverseMatch).toEqual(expected.map((_, j) => expected.indexOf(j)));
    expect(report.semi.oneToOneFraction).toBe(1);
    expect(report.semi.meanCorr).toBeGreaterThan(0.9999);
    expect(report.max.match).toEqual(expected);
    expect(report.max.meanCorr).toBeGreaterThan(0.9999);
    expect(report.max.corr).toHaveLength(12);
    expect(report.mi.match).toEqual(expected);
    expect(report.mi.semi.match).toEqual(expected);
    expect(report.mi.rows).toBe(2000);
    expect(report.mi.mi.every((v: number) => v > 1)).toBe(true);
    // Planted copies are linear in A: CKA ≈ 1 up to the per-unit scales (linear CKA is not scale invariant per unit).
    expect(report.cka.linear).toBeGreaterThan(0.3);
    expect(report.cka.debiased).toBeGreaterThan(0.3);
    // Sparse: α = 0 explains everything; loss grows and non-zeros shrink along the path.
    const path = report.sparse.path as Array<{ penalty: number; meanLoss: number; meanNonzero: number }>;
    expect(path.map((pt) => pt.penalty)).toEqual([0, 0.01, 0.1]);
    expect(path[0]!.meanLoss).toBeLessThan(1e-4);
    for (let k = 1; k < path.length; k++) {
      expect(path[k]!.meanLoss).toBeGreaterThanOrEqual(path[k - 1]!.meanLoss - 1e-12);
      expect(path[k]!.meanNonzero).toBeLessThanOrEqual(path[k - 1]!.meanNonzero);
    }
    // Spectral with k = 12: every cluster is one planted pair (A's unit i with B's unit expected[i]).
    expect(report.spectral.clusters).toBe(12);
    expect(report.spectral.labels).toHaveLength(24);
    for (let i = 0; i < 12; i++) expect(report.spectral.labels[12 + expected[i]!]).toBe(report.spectral.labels[i]);
    expect(report.spectral.counts).toEqual(Array(12).fill({ a: 1, b: 1 }));
    expect(report.spectral.sharedFraction).toBe(1);
    expect(Object.keys(report).sort()).toEqual(
      ['backend', 'cka', 'deadA', 'deadB', 'inputs', 'max', 'live', 'mi', 'products', 'samples', 'semi', 'sparse', 'spectral', 'unitsA', 'unitsB'].sort(),
    );
    expect(stdout).toMatch(/semi\s+mean max corr A->B 1\.000/);
    expect(stdout).toMatch(/^max\s+mean corr of max-weight matching 1\.000/m);
    // Written through a temporary file that was renamed: nothing else left in the folder.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rectangular: a wider B leaves no A unit unmatched; a wider A reports -1 for the units left out', async () => {
    const { a, b, expected } = await planted(1500, 6, 11);
    const wideB = join(dir, 'wideB.npy');
    const r = rng(5);
    const bData = new Float32Array(1500 * 6);
    const src = await readFile(b);
    void src;
    // B' = B plus 3 extra noise units.
    const { readNpy } = await import('../io/npy.ts');
    const B = (await readNpy(b)).data as Float32Array;
    const B9 = new Float32Array(1500 * 9);
    for (let i = 0; i < 1500; i++) {
      B9.set(B.subarray(i * 6, i * 6 + 6), i * 9);
      for (let k = 6; k < 9; k++) B9[i * 9 + k] = r.normal();
    }
    void bData;
    await writeNpy(wideB, B9, [1500, 9]);
    const json = join(dir, 'rect.json');
    expect((await run(['align', a, wideB, '--method', 'max,semi', '--json', json])).code).toBe(0);
    const ab = JSON.parse(await readFile(json, 'utf8'));
    expect(ab.unitsB).toBe(9);
    expect(ab.max.match).toEqual(expected);
    expect((await run(['align', wideB, a, '--method', 'max', '--json', json])).code).toBe(0);
    const ba = JSON.parse(await readFile(json, 'utf8'));
    expect(ba.max.match.slice(6)).toEqual([-1, -1, -1]);
    expect(ba.max.corr.slice(6)).toEqual([null, null, null]);
    expect(ba.max.match.slice(0, 6).map((j: number) => expected[j])).toEqual([0, 1, 2, 3, 4, 5]);
    // The older spelling `hungarian` still names max (the registry's alias, align/methods.ts): the same result, under `max`.
    expect((await run(['align', wideB, a, '--method', 'hungarian', '--json', json])).code).toBe(0);
    expect(JSON.parse(await readFile(json, 'utf8')).max).toEqual(ba.max);
  });
});

describe('convergent align: dead units', () => {
  it('lists zero-variance units and keeps every figure finite', async () => {
    const r = rng(17);
    const n = 500;
    const A = Float32Array.from({ length: n * 4 }, () => Math.max(0, r.normal()));
    const B = Float32Array.from({ length: n * 5 }, () => r.normal());
    for (let i = 0; i < n; i++) {
      A[i * 4 + 2] = 0; // a ReLU unit that never fires
      B[i * 5 + 0] = 3.5; // a constant unit
    }
    await writeNpy(join(dir, 'dead_a.npy'), A, [n, 4]);
    await writeNpy(join(dir, 'dead_b.npy'), B, [n, 5]);
    const json = join(dir, 'dead.json');
    const out = await run(['align', join(dir, 'dead_a.npy'), join(dir, 'dead_b.npy'), '--quiet', '--clusters', '3', '--json', json]);
    expect(out.stderr).toBe('');
    const text = await readFile(json, 'utf8');
    const report = JSON.parse(text);
    expect(report.deadA).toEqual([2]);
    expect(report.deadB).toEqual([0]);
    expect(text).not.toMatch(/NaN|Infinity/);
    // A dead unit correlates 0 with everything.
    expect(report.semi.corr[2]).toBe(0);
    expect(report.max.corr.every((c: number | null) => c !== null && Number.isFinite(c))).toBe(true);
    expect(out.stdout).toMatch(/dead units: A 1 \(2\); B 1 \(0\)/);
    // Live units by default: the dead unit has no reported match and is left out of the means and the table.
    expect(report.semi.match[2]).toBe(-1);
    expect(report.max.match[2]).toBe(-1);
    expect(report.semi.reverseMatch[0]).toBe(-1);
    expect(report.live.a).toBe(3);
    expect(report.live.b).toBe(4);
    const liveMean = [0, 1, 3].reduce((s: number, i: number) => s + report.max.corr[i], 0) / 3;
    expect(report.live.max.meanCorr).toBeCloseTo(liveMean, 12);
    expect(report.max.meanCorr).toBeCloseTo((liveMean * 3 + report.max.corr[2]) / 4, 12);
    expect(out.stdout).toMatch(/means over live units: A 3 \/ 4, B 4 \/ 5/);
    expect(out.stdout).toContain(`mean corr of max-weight matching ${report.live.max.meanCorr.toFixed(3)}`);
    expect(out.stdout).toMatch(/spectral .*mixing -?\d\.\d{3}/);
    const rowsOf = (text: string) => text.split('\n').filter((line) => /^\s+\d+\s/.test(line)).map((line) => line.trim().split(/\s+/)[0]);
    expect(rowsOf(out.stdout)).toEqual(['0', '1', '3']);
    const withDead = await run(['align', join(dir, 'dead_a.npy'), join(dir, 'dead_b.npy'), '--quiet', '--clusters', '3', '--include-dead']);
    expect(withDead.stdout).toMatch(/means over ALL units/);
    expect(withDead.stdout).toContain(`mean corr of max-weight matching ${report.max.meanCorr.toFixed(3)}`);
    expect(rowsOf(withDead.stdout)).toEqual(['0', '1', '2', '3']);
  });
});

describe('convergent align: the cross-only pass (matching and Procrustes alone)', () => {
  it('gives the full-Gram path\'s matches and correlations, in one thread and in two, on planted and random data', async () => {
    const { a, b, expected } = await planted(1500, 40, 41);
    // Random pair with a dead unit in each (no structure: the matches are decided by noise-level correlations).
    const r = rng(43);
    const [n, p, q] = [900, 9, 11];
    const RA = Float32Array.from({ length: n * p }, (_, i) => (i % p === 4 ? 2.5 : r.normal()));
    const RB = Float32Array.from({ length: n * q }, (_, i) => (i % q === 0 ? -1 : r.normal() + 0.5 * RA[Math.floor(i / q) * p + (i % q) % p]!));
    await writeNpy(join(dir, 'cross_ra.npy'), RA, [n, p]);
    await writeNpy(join(dir, 'cross_rb.npy'), RB, [n, q]);
    for (const [fa, fb] of [[a, b], [join(dir, 'cross_ra.npy'), join(dir, 'cross_rb.npy')]] as const) {
      for (const workers of ['1', '2']) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON
        const got: any[] = [];
        // semi,max,mi,procrustes runs the cross-only pass; adding cka needs the within blocks: the full joint Gram.
        for (const methods of ['semi,max,mi,procrustes', 'semi,max,mi,procrustes,cka']) {
          const json = join(dir, `cross_${workers}_${methods.length}.json`);
          const out = await run(['align', fa, fb, '--method', methods, '--quiet', '--workers', workers, '--batch-rows', '200', '--json', json]);
          expect(out.stderr).toBe('');
          got.push(JSON.parse(await readFile(json, 'utf8')));
        }
        const [cross, full] = got;
        expect(cross.cka).toBeUndefined();
        expect(cross.deadA).toEqual(full.deadA);
        expect(cross.deadB).toEqual(full.deadB);
        expect(cross.max.match).toEqual(full.max.match);
        expect(cross.semi.match).toEqual(full.semi.match);
        expect(cross.semi.reverseMatch).toEqual(full.semi.reverseMatch);
        expect(cross.mi).toEqual(full.mi);
        // Procrustes from Σ_AB and the per-unit variances equals the within blocks' route.
        expect(cross.procrustes.distance).toBeCloseTo(full.procrustes.distance, 6);
        expect(cross.procrustes.nuclear).toBeCloseTo(full.procrustes.nuclear, 6);
        cross.max.corr.forEach((v: number | null, i: number) => (v === null ? expect(full.max.corr[i]).toBeNull() : expect(v).toBeCloseTo(full.max.corr[i], 5)));
        cross.semi.corr.forEach((v: number, i: number) => expect(v).toBeCloseTo(full.semi.corr[i], 5));
        cross.semi.reverseCorr.forEach((v: number, i: number) => expect(v).toBeCloseTo(full.semi.reverseCorr[i], 5));
        expect([cross.live.a, cross.live.b]).toEqual([full.live.a, full.live.b]);
        expect(cross.live.max.meanCorr).toBeCloseTo(full.live.max.meanCorr, 6);
        expect(cross.live.semi.oneToOneFraction).toBe(full.live.semi.oneToOneFraction);
        if (fa === a) expect(cross.max.match).toEqual(expected);
        else {
          expect(cross.deadA).toEqual([4]);
          expect(cross.deadB).toEqual([0]);
        }
      }
    }
  });
});

describe('convergent align: worker threads', () => {
  it('--workers 2 gives the sequential results, and reports the lowest-sample NaN found by any worker', async () => {
    const { a, b, expected } = await planted(1200, 6, 31);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON
    const results: any[] = [];
    for (const workers of ['1', '2']) {
      const json = join(dir, `workers_${workers}.json`);
      const out = await run(['align', a, b, '--method', 'semi,max,mi,cka', '--quiet', '--workers', workers, '--batch-rows', '100', '--json', json]);
      expect(out.stderr).toBe('');
      results.push(JSON.parse(await readFile(json, 'utf8')));
    }
    expect(results[1].max.match).toEqual(expected);
    expect(results[1].semi.match).toEqual(results[0].semi.match);
    expect(results[1].mi).toEqual(results[0].mi); // same seeded reservoir, filled in order by the main thread
    results[1].semi.corr.forEach((r: number, i: number) => expect(r).toBeCloseTo(results[0].semi.corr[i], 9));
    expect(results[1].cka.linear).toBeCloseTo(results[0].cka.linear, 9);
    expect(results[1].cka.debiased).toBeCloseTo(results[0].cka.debiased, 9);

    // Non-finite values in both halves: the first one (sample 700 of B, in the second worker's range) is reported,
    // not the later one in A.
    const { readNpy } = await import('../io/npy.ts');
    const A = (await readNpy(a)).data as Float32Array;
    const B = (await readNpy(b)).data as Float32Array;
    A[900 * 6 + 2] = NaN;
    B[700 * 6 + 5] = Infinity;
    await writeNpy(join(dir, 'w_nan_a.npy'), A, [1200, 6]);
    await writeNpy(join(dir, 'w_nan_b.npy'), B, [1200, 6]);
    const bad = await run(['align', join(dir, 'w_nan_a.npy'), join(dir, 'w_nan_b.npy'), '--method', 'cka', '--quiet', '--workers', '2', '--batch-rows', '100']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^convergent align: \S*w_nan_b\.npy: unit 5 has a non-finite value \(\+Inf\) at sample 700;[^\n]*\n$/);
  });
});

describe('convergent align: conv maps', () => {
  it('4-D NHWC, 4-D NCHW (.npz) and the flattened 2-D arrays give the same results', async () => {
    const [IMG, H, W, C] = [6, 5, 4, 5];
    const r = rng(3);
    const n = IMG * H * W;
    const flatA = Float32Array.from({ length: n * C }, () => Math.max(0, r.normal()));
    const flatB = new Float32Array(n * C);
    for (let i = 0; i < n; i++) for (let c = 0; c < C; c++) flatB[i * C + c] = 2 * flatA[i * C + ((c + 2) % C)]! + 0.5 * r.normal();
    const toNchw = (flat: Float32Array) => {
      const out = new Float32Array(flat.length);
      for (let m = 0; m < IMG; m++) for (let c = 0; c < C; c++) for (let pos = 0; pos < H * W; pos++) out[((m * C + c) * H * W) + pos] = flat[(m * H * W + pos) * C + c]!;
      return out;
    };
    await writeNpy(join(dir, 'convA2d.npy'), flatA, [n, C]);
    await writeNpy(join(dir, 'convB2d.npy'), flatB, [n, C]);
    await writeNpy(join(dir, 'convA.npy'), flatA, [IMG, H, W, C]);
    await writeNpy(join(dir, 'convB.npy'), flatB, [IMG, H, W, C], { fortranOrder: true });
    await writeNpz(join(dir, 'convA.npz'), { acts: { data: toNchw(flatA), shape: [IMG, C, H, W] } });
    await writeNpz(join(dir, 'convB.npz'), { acts: { data: toNchw(flatB), shape: [IMG, C, H, W] }, labels: { data: new Int32Array(IMG), shape: [IMG] } }, { compress: true });
    const methods = ['--method', 'semi,max,cka,sparse', '--penalties', '0.01,0.1'];
    const results = [];
    for (const [a, b, extra] of [
      ['convA2d.npy', 'convB2d.npy', []],
      ['convA.npy', 'convB.npy', []],
      ['convA.npz', 'convB.npz', ['--layout', 'nchw', '--key', 'acts']],
      // Small batches that cut through images exercise the per-chunk transpose.
      ['convA.npz', 'convB.npz', ['--layout', 'nchw', '--key-b', 'acts', '--batch-rows', '7']],
    ] as const) {
      const json = join(dir, `conv_${results.length}.json`);
      const out = await run(['align', join(dir, a), join(dir, b), ...methods, ...extra, '--quiet', '--json', json]);
      expect(out.stderr).toBe('');
      const { inputs, ...rest } = JSON.parse(await readFile(json, 'utf8'));
      expect(inputs.a.layout).toBe(results.length === 0 ? 'dense' : results.length === 1 ? 'nhwc' : 'nchw');
      results.push(rest);
    }
    expect(results[0].samples).toBe(n);
    expect(results[0].semi.match).toEqual([3, 4, 0, 1, 2]);
    for (const other of results.slice(1, 3)) expect(other).toEqual(results[0]);
    // Different batch boundaries: same matches, statistics equal to rounding.
    expect(results[3].semi.match).toEqual(results[0].semi.match);
    expect(results[3].max.meanCorr).toBeCloseTo(results[0].max.meanCorr, 5);
    expect(results[3].cka.linear).toBeCloseTo(results[0].cka.linear, 5);
  });
});

describe('convergent align: SVCCA, PWCCA, Procrustes, mutual kNN', () => {
  it('report the engine functions\' values on the streamed statistics; kNN of a conv map pools each image over positions', async () => {
    const [IMG, H, W, C] = [40, 3, 3, 4];
    const r = rng(21);
    const n = IMG * H * W;
    const flatA = Float32Array.from({ length: n * C }, () => Math.max(0, r.normal()));
    const flatB = new Float32Array(n * C);
    for (let i = 0; i < n; i++) for (let c = 0; c < C; c++) flatB[i * C + c] = 1.5 * flatA[i * C + ((c + 1) % C)]! + 0.4 * r.normal();
    await writeNpy(join(dir, 'mA.npy'), flatA, [IMG, H, W, C]);
    await writeNpy(join(dir, 'mB.npy'), flatB, [IMG, H, W, C]);
    const json = join(dir, 'measures.json');
    const out = await run(['align', join(dir, 'mA.npy'), join(dir, 'mB.npy'), '--method', 'svcca,pwcca,procrustes,knn', '--k', '5', '--quiet', '--batch-rows', '10', '--json', json]);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/svcca +mean canonical correlation/);
    const report = JSON.parse(await readFile(json, 'utf8'));
    const pair = pairMoments(flatA, flatB, n, C, C, { products: 'js' });
    expect(report.svcca.mean).toBeCloseTo(svcca(pair).mean, 6);
    expect(report.svcca.correlations).toHaveLength(Math.min(report.svcca.keptA, report.svcca.keptB));
    expect(report.pwcca.weighted).toBeCloseTo(pwcca(pair).weighted, 6);
    expect(report.pwcca.weights.reduce((s: number, w: number) => s + w, 0)).toBeCloseTo(1, 9);
    expect(report.procrustes.distance).toBeCloseTo(procrustes(pair).distance, 6);
    // kNN over the 40 images, each the mean of its 9 positions.
    const pool = (flat: Float32Array) => {
      const img = new Float64Array(IMG * C);
      for (let m = 0; m < IMG; m++) for (let pos = 0; pos < H * W; pos++) for (let c = 0; c < C; c++) img[m * C + c] = img[m * C + c]! + flat[(m * H * W + pos) * C + c]! / (H * W);
      return img;
    };
    expect(report.knn).toEqual({ ...mutualKnnScore(pool(flatA), pool(flatB), IMG, C, 5), k: 5, images: IMG, metric: 'euclidean', uniform: 5 / 39 });
  });
});

describe('convergent align: bad input gives one line and a non-zero exit', () => {
  const paths: Record<string, string> = {};
  beforeAll(async () => {
    const r = rng(9);
    const good = Float32Array.from({ length: 100 * 4 }, () => r.normal());
    paths.good = join(dir, 'good.npy');
    await writeNpy(paths.good, good, [100, 4]);
    paths.short = join(dir, 'short.npy');
    await writeNpy(paths.short, good.subarray(0, 99 * 4), [99, 4]);
    const nan = good.slice();
    nan[17 * 4 + 3] = NaN;
    paths.nan = join(dir, 'nan.npy');
    await writeNpy(paths.nan, nan, [100, 4]);
    const inf = good.slice();
    inf[50 * 4 + 1] = -Infinity;
    paths.inf = join(dir, 'inf.npy');
    await writeNpy(paths.inf, inf, [100, 4]);
    paths.few = join(dir, 'few.npy');
    await writeNpy(paths.few, good.subarray(0, 12 * 4), [12, 4]);
    paths.one = join(dir, 'one.npy');
    await writeNpy(paths.one, good.subarray(0, 4), [1, 4]);
    paths.three = join(dir, 'three.npy');
    await writeNpy(paths.three, good, [25, 4, 4]);
    paths.multi = join(dir, 'multi.npz');
    await writeNpz(paths.multi, { x: { data: good, shape: [100, 4] }, y: { data: good, shape: [100, 4] } });
    paths.complex = join(dir, 'complex.npy');
    await copyFile(join(FIXTURES, 'bad_complex.npy'), paths.complex);
    paths.truncated = join(dir, 'truncated.npy');
    const bytes = await readFile(paths.good);
    await writeFile(paths.truncated, bytes.subarray(0, bytes.length - 10));
    // A format 2.0 header nesting 100,000 tuples (was "Maximum call stack size exceeded", naming no file).
    const head = Buffer.from(`{'descr': '<f4', 'fortran_order': False, 'shape': ${'('.repeat(100_000)}${')'.repeat(100_000)}, }`);
    const pre = Buffer.from([0x93, ...Buffer.from('NUMPY'), 2, 0, 0, 0, 0, 0]);
    pre.writeUInt32LE(head.length, 8);
    paths.nested = join(dir, 'nested_header.npy');
    await writeFile(paths.nested, Buffer.concat([pre, head]));
    // 2 samples × 40,000 units each: their joint moments are 80,002² float64 (was: grow, then "Invalid typed array
    // length"). 640 KB of files.
    paths.wideA = join(dir, 'wide_a.npy');
    paths.wideB = join(dir, 'wide_b.npy');
    await writeNpy(paths.wideA, Float32Array.from({ length: 2 * 40_000 }, (_, i) => i % 7), [2, 40_000]);
    await writeNpy(paths.wideB, Float32Array.from({ length: 2 * 40_000 }, (_, i) => i % 5), [2, 40_000]);
  });

  const cases: Array<[string, () => string[], RegExp, number]> = [
    ['missing file', () => ['align', paths.good!, join(dir, 'nope.npy')], /nope\.npy: no such file/, 1],
    ['truncated file', () => ['align', paths.truncated!, paths.good!], /truncated\.npy: file is truncated/, 1],
    ['unsupported dtype', () => ['align', paths.good!, paths.complex!], /unsupported dtype complex/, 1],
    ['nested .npy header', () => ['align', paths.good!, paths.nested!], /^convergent align: \S*nested_header\.npy: malformed \.npy header \(nested deeper than 16 levels at character \d+\)/, 1],
    [
      'more units than memory (checked up front)',
      () => ['align', paths.wideA!, paths.wideB!],
      // Node 20: over the typed-array limit; a Node whose arrays may be larger: over this machine's memory.
      /^convergent align: \S*wide_a\.npy and \S*wide_b\.npy: aligning 40,000 \+ 40,000 units (cannot run: the joint moments of 40,000 \+ 40,000 units would have 6,400,320,004 elements|needs about [\d,.]+ GB of memory)/,
      1,
    ],
    ['mismatched sample counts', () => ['align', paths.good!, paths.short!], /sample counts differ: .*good\.npy has 100 samples.*short\.npy has 99/, 1],
    ['NaN (names the unit)', () => ['align', paths.nan!, paths.good!], /nan\.npy: unit 3 has a non-finite value \(NaN\) at sample 17/, 1],
    ['Inf in B (names the unit)', () => ['align', paths.good!, paths.inf!], /inf\.npy: unit 1 has a non-finite value \(-Inf\) at sample 50/, 1],
    ['fewer than 2 samples', () => ['align', paths.one!, paths.one!], /hold 1 sample; correlations need at least 2/, 1],
    ['3-D array', () => ['align', paths.three!, paths.good!], /is 3-D; expected 2-D \[samples, units\] or 4-D/, 1],
    ['CCA with fewer samples than 2 (p + q)', () => ['align', paths.few!, paths.few!, '--method', 'semi,pwcca'], /PWCCA needs at least 2 × \(p \+ q\) = 16 samples for 4 \+ 4 units, but the statistics hold 12; align more samples, or leave svcca\/pwcca out of --method/, 1],
    ['kNN with k >= images', () => ['align', paths.good!, paths.good!, '--method', 'knn', '--k', '100'], /--k 100 needs more than 100 images, but .*good\.npy holds 100; lower --k below 100/, 2],
    ['unknown kNN metric', () => ['align', paths.good!, paths.good!, '--knn-metric', 'manhattan'], /unknown --knn-metric 'manhattan'; use euclidean or cosine/, 2],
    ['clusters > units', () => ['align', paths.good!, paths.good!, '--method', 'spectral', '--clusters', '9'], /--clusters 9 is more than the 8 units/, 2],
    ['negative penalty', () => ['align', paths.good!, paths.good!, '--penalties', '0.01,-0.1'], /-0\.1 is negative/, 2],
    ['non-numeric penalty', () => ['align', paths.good!, paths.good!, '--penalties', '0.01,abc'], /'abc' is not a number/, 2],
    ['unknown method', () => ['align', paths.good!, paths.good!, '--method', 'semi,magic'], /unknown method 'magic'/, 2],
    ['unknown option', () => ['align', paths.good!, paths.good!, '--frobnicate'], /unknown option --frobnicate/, 2],
    ['option without value', () => ['align', paths.good!, paths.good!, '--clusters'], /--clusters needs a value/, 2],
    ['option followed by an option', () => ['align', paths.good!, paths.good!, '--clusters', '--quiet'], /--clusters needs a value/, 2],
    ['bad clusters', () => ['align', paths.good!, paths.good!, '--clusters', '2.5'], /--clusters 2\.5 is not an integer/, 2],
    ['MI bins out of range', () => ['align', paths.good!, paths.good!, '--bins', '16'], /--bins 16 must be at most 15/, 2],
    ['bad layout', () => ['align', paths.good!, paths.good!, '--layout', 'hwc'], /unknown layout 'hwc'/, 2],
    ['one file only', () => ['align', paths.good!], /expected two activation files/, 2],
    ['npz without --key', () => ['align', paths.multi!, paths.good!], /holds 2 arrays \('x', 'y'\); choose one with --key NAME/, 1],
    ['npz with a wrong key', () => ['align', paths.multi!, paths.good!, '--key-a', 'z'], /no array 'z'.*'x', 'y'/, 1],
    ['unwritable --json', () => ['align', paths.good!, paths.good!, '--json', join(dir, 'no/such/dir/out.json')], /cannot write --json/, 2],
    ['unknown command', () => ['frobnicate'], /unknown command 'frobnicate'/, 2],
  ];
  for (const [what, argv, pattern, exitCode] of cases) {
    it(what, async () => {
      const json = join(dir, `err_${what.replace(/\W+/g, '_')}.json`);
      const args = argv();
      // --quiet: no progress line can join the error line on a slow machine.
      const withJson = args[0] === 'align' && !args.includes('--json') ? [args[0], '--quiet', '--json', json, ...args.slice(1)] : args;
      const { code, stdout, stderr } = await run(withJson);
      expect(code).toBe(exitCode);
      expect(stdout).toBe('');
      expect(stderr).toMatch(pattern);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect((await readdir(dir)).some((f) => f.startsWith(`err_${what.replace(/\W+/g, '_')}`))).toBe(false);
    });
  }
});

describe('convergent align: CKA alone reads the joint sums as Frobenius norms (no covariance blocks)', () => {
  it('gives the full path\'s linear and debiased CKA and dead units, in one thread and in two', async () => {
    const [{ alignFiles }, { parseAlignArgs }] = await Promise.all([import('../align/align-files.ts'), import('./align.ts')]);
    const quiet = new Progress({ stdout: { write: () => {} }, stderr: { write: () => {} } }, 'convergent align', false);
    const r = rng(77);
    const [n, p, q] = [800, 7, 10];
    const RA = Float32Array.from({ length: n * p }, (_, i) => (i % p === 2 ? 1.5 : r.normal()));
    const RB = Float32Array.from({ length: n * q }, (_, i) => (i % q === 9 ? 0 : r.normal() + 0.8 * RA[Math.floor(i / q) * p + ((i % q) % p)]!));
    await writeNpy(join(dir, 'cka_ra.npy'), RA, [n, p]);
    await writeNpy(join(dir, 'cka_rb.npy'), RB, [n, q]);
    for (const workers of ['1', '2']) {
      const base = [join(dir, 'cka_ra.npy'), join(dir, 'cka_rb.npy'), '--quiet', '--workers', workers, '--batch-rows', '150'];
      const alone = await alignFiles(parseAlignArgs([...base, '--method', 'cka']), quiet);
      const full = await alignFiles(parseAlignArgs([...base, '--method', 'cka,semi']), quiet);
      expect(alone.semi).toBeUndefined();
      expect(alone.cka!.linear).toBeGreaterThan(0.1);
      expect(Math.abs(alone.cka!.linear - full.cka!.linear)).toBeLessThan(1e-9);
      expect(Math.abs(alone.cka!.debiased! - full.cka!.debiased!)).toBeLessThan(1e-9);
      expect(alone.deadA).toEqual([2]);
      expect(alone.deadB).toEqual([9]);
      expect(alone.deadB).toEqual(full.deadB);
      expect([alone.live.a, alone.live.b]).toEqual([full.live.a, full.live.b]);
    }
  });
});

describe('convergent align: memory is checked before anything is allocated', () => {
  it('refuses with what it needs and what is available; the same files run when the memory is there', async () => {
    const [{ alignFiles }, { parseAlignArgs }] = await Promise.all([import('../align/align-files.ts'), import('./align.ts')]);
    const { estimateAlignMemory } = await import('../align/align-memory.ts');
    const { a, b } = await planted(300, 16, 21);
    const options = parseAlignArgs([a, b, '--quiet']);
    const quiet = new Progress({ stdout: { write: () => {} }, stderr: { write: () => {} } }, 'convergent align', false);
    const need = estimateAlignMemory({ p: 16, q: 16, samples: 300, images: 300, methods: options.methods, miRows: options.miRows, batchRows: 300, workers: 1 });
    // The joint accumulator ((16 + 16 + 2)² float64 sums), at finalization a copy next to 32² covariance and correlation.
    expect(need.parts.find((p) => p.what === 'statistics')!.bytes).toBe(8 * (2 * 34 * 34 + 2 * 32 * 32));
    expect(need.largestArray.elements).toBe(Math.max(34 * 34, Math.min(options.miRows, 300) * 32));
    // Matching alone runs the cross-only pass: 16 × 16 cross sums and 3 × 32 per-unit sums, the transposed chunk
    // and one product, no joint (W + 2)² sums.
    const cross = estimateAlignMemory({ p: 16, q: 16, samples: 300, images: 300, methods: ['semi', 'max'], miRows: options.miRows, batchRows: 300, workers: 1 });
    expect(cross.parts.find((p) => p.what === 'statistics')!.bytes).toBe(8 * (16 * 16 + 3 * 32) + 4 * (2048 * 32 + 16 * 16));
    expect(cross.largestArray.elements).toBe(16 * 16);
    // CKA alone: the joint sums only (centred in place), no copy, no covariance / correlation, no pair blocks.
    const cka = estimateAlignMemory({ p: 16, q: 16, samples: 300, images: 300, methods: ['cka'], miRows: options.miRows, batchRows: 300, workers: 1 });
    expect(cka.parts.find((p) => p.what === 'statistics')!.bytes).toBe(8 * 34 * 34);
    expect(cka.parts.find((p) => p.what === 'the pair blocks')).toBeUndefined();
    await expect(alignFiles({ ...options, availableMemory: need.bytes - 1 }, quiet)).rejects.toThrow(
      /^\S*planted_a_21\.npy and \S*planted_b_21\.npy: aligning 16 \+ 16 units needs about 0\.0 GB of memory \(statistics 0\.0 GB, .*\) but 0\.0 GB is available; align fewer units/,
    );
    const report = await alignFiles({ ...options, availableMemory: need.bytes }, quiet);
    expect(report.unitsA).toBe(16);
    expect(report.max!.match).toHaveLength(16);
  });
});

describe('convergent CLI entry', () => {
  it('--help lists the commands and align --help documents every option', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/align\s+align the units/);
    const help = await run(['align', '--help']);
    expect(help.code).toBe(0);
    for (const opt of ['--method', '--layout', '--key', '--penalties', '--clusters', '--json', '--mi-rows', '--seed', '--quiet']) expect(help.stdout).toContain(opt);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Usage: convergent <command>/);
  });

  it('every registered command loads, with the name and summary it was registered under', async () => {
    for (const entry of registeredCommands()) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
      expect(command.usage.length).toBeGreaterThan(0);
    }
    expect((await run(['align', 'x.npy'])).stderr).toMatch(/^convergent align: expected two activation files/);
  });

  it('progress: silent under a second, reports streaming and slow steps after', async () => {
    let t = 0;
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) } };
    const progress = new Progress(io, 'x', true, () => t);
    progress.rows(10, 100);
    await progress.step('quick', () => (t += 200));
    expect(err).toBe('');
    t = 1500;
    progress.rows(50, 100);
    expect(err).toMatch(/^x: streamed 50 \/ 100 rows \(50\.0%, 1\.5 s\)\n$/);
    await progress.step('slow', () => (t += 2500));
    expect(err).toMatch(/x: computing slow\.\.\.\nx: slow took 2\.5 s\n$/);
    const quiet = new Progress(io, 'q', false, () => t);
    err = '';
    t += 5000;
    quiet.rows(1, 2);
    expect(err).toBe('');
  });
});

describe('the real bin (spawned)', () => {
  const exec = promisify(execFile);
  it('aligns a planted pair end to end and writes JSON', async () => {
    const { a, b, expected } = await planted(2000, 8, 21);
    const json = join(dir, 'spawned.json');
    const { stdout } = await exec(process.execPath, [BIN, 'align', a, b, '--method', 'semi,max,mi', '--json', json]);
    expect(stdout).toMatch(/per unit of A/);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report.semi.match).toEqual(expected);
    expect(report.max.match).toEqual(expected);
    expect(report.mi.match).toEqual(expected);
  });

  it('exits non-zero with one line on stderr for a NaN, and prints help', async () => {
    const r = rng(1);
    const data = Float32Array.from({ length: 40 }, () => r.normal());
    data[9] = NaN; // sample 2, unit 1 of a 4-unit array
    const bad = join(dir, 'spawn_nan.npy');
    await writeNpy(bad, data, [10, 4]);
    const err = await exec(process.execPath, [BIN, 'align', bad, bad]).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toBe(`convergent align: ${bad}: unit 1 has a non-finite value (NaN) at sample 2; replace NaN/Inf before aligning\n`);
    const help = await exec(process.execPath, [BIN, '--help']);
    expect(help.stdout).toMatch(/Commands:/);
  });
});
