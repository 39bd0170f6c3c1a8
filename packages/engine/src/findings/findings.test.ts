import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import type { LayerStatistic } from '../experiment/layer-statistics.ts';
import { runExperiment, type ExperimentData } from '../experiment/run-experiment.ts';
import { syntheticImages } from '../train/test-fixtures.ts';
import { type Finding, type FindingRow, type Findings, type FindingsInput, type FindingsPair, MIN_RELATIVE_GAIN, computeFindings } from './compute-findings.ts';
import { renderHtml } from './render-report.ts';

const IDS = ['reliable-features', 'subspaces', 'local-distributed', 'semi-vs-max', 'depth-trend', 'trained-vs-chance'];

/** Every verdict follows from the numbers next to it (the rules of compute-findings.ts). */
function checkConsistent(f: Findings): void {
  expect(f.findings.map((x) => x.id)).toEqual(IDS);
  for (const x of f.findings) {
    expect(x.reason.length).toBeGreaterThan(0);
    expect(x.rule.length).toBeGreaterThan(0);
    for (const r of x.rows) checkRow(x, r);
    if (x.id !== 'trained-vs-chance' && x.interval === null) {
      expect(x.verdict).toBe('inconclusive');
      expect(x.intervalReason).toBeTruthy();
    }
    if (x.interval) expect(x.interval.low).toBeLessThanOrEqual(x.interval.high);
    if (x.id === 'depth-trend' && x.interval) {
      expect(x.verdict).toBe(x.interval.low > 0 ? 'supported' : x.interval.high < 0 ? 'not supported' : 'inconclusive');
    }
    const rv = x.rows.map((r) => r.verdict);
    if (['subspaces', 'semi-vs-max', 'trained-vs-chance'].includes(x.id) && rv.length > 0) {
      expect(x.verdict).toBe(rv.includes('not supported') ? 'not supported' : rv.every((v) => v === 'supported') ? 'supported' : 'inconclusive');
    }
    if (['reliable-features', 'local-distributed'].includes(x.id) && rv.length > 0) {
      expect(x.verdict).toBe(rv.includes('supported') ? 'supported' : rv.every((v) => v === 'not supported') ? 'not supported' : 'inconclusive');
    }
  }
}

function checkRow(x: Finding, r: FindingRow): void {
  if (r.interval === null) {
    expect(r.verdict, `${x.id} ${r.layer}`).toBe('inconclusive');
    expect(r.intervalReason).toBeTruthy();
    return;
  }
  expect(r.interval.low).toBeLessThanOrEqual(r.value! + 1e-12);
  expect(r.interval.high).toBeGreaterThanOrEqual(r.value! - 1e-12);
  if (x.id === 'reliable-features' || x.id === 'local-distributed') {
    if (r.verdict === 'supported') {
      expect(r.interval.low).toBeGreaterThan(r.chance!);
      expect(r.pValue!).toBeLessThanOrEqual(0.05);
      expect(r.interval.low).toBeLessThan(1);
    }
    if (r.chance !== null && r.value! <= r.chance) expect(r.verdict).toBe('not supported');
  }
  if (x.id === 'subspaces') expect(r.verdict).toBe(r.interval.low >= MIN_RELATIVE_GAIN ? 'supported' : r.interval.high < MIN_RELATIVE_GAIN ? 'not supported' : 'inconclusive');
  if (x.id === 'semi-vs-max') expect(r.verdict === 'supported').toBe(r.reason.startsWith(`semi ≥ max in ${r.n} of ${r.n}`));
}

// ---------------------------------------------------------------------------------------------------------------
// Planted inputs: synthesised alignment data in the findings' input format, verdicts known by construction.

interface Plant {
  nets: number;
  layers: string[];
  /** Per layer: share of each trained net's units matched with r 0.9 in every other net (the rest 0.1); chance: 0. */
  reliable: Record<string, number>;
  /** Per layer: sparse held-out FVU at 5 non-zeros (single unit: 1 − r², r 0.9 for the reliable units, 0.1 else). */
  sparseFvu: Record<string, number>;
  /** Per layer: max-matched correlation of trained pairs (chance pairs 0.1). */
  max: Record<string, number>;
  /** Make one pair's max exceed its semi. */
  breakSemiMax?: boolean;
  oneToOne: number;
}

const UNITS = 20;
function plantedInput(pl: Plant): FindingsInput {
  const trained = Array.from({ length: pl.nets }, (_, i) => `n-s${i}`);
  const twins = Array.from({ length: pl.nets }, (_, i) => `n-untrained-${i}`);
  const pairs: FindingsPair[] = [];
  const jitter = (i: number, j: number, k: number) => 0.01 * (((i * 7 + j * 13 + k * 5) % 11) / 11);
  for (const layer of pl.layers) {
    for (let i = 0; i < pl.nets; i++) {
      for (let j = i + 1; j < pl.nets; j++) {
        const good = Math.round(pl.reliable[layer]! * UNITS);
        const best = (k: number) => Array.from({ length: UNITS }, (_, u) => (u < good ? 0.9 : 0.1) + jitter(i, j, k + u));
        const semiA = best(0);
        const semiMean = semiA.reduce((s, v) => s + v, 0) / UNITS;
        const max = pl.breakSemiMax && i === 0 && j === 1 ? semiMean + 0.05 : Math.min(pl.max[layer]! + jitter(i, j, 3), semiMean);
        pairs.push({
          layer, a: trained[i]!, b: trained[j]!, kind: 'between', bestA: semiA, bestB: best(1),
          oneToOne: pl.oneToOne + jitter(i, j, 2), max, sparse: { nonzero: [1, 4.8, 12], fvuHeldOut: [0.8, pl.sparseFvu[layer]! + jitter(i, j, 4), 0.2] },
        });
        const bestC = (k: number) => Array.from({ length: UNITS }, (_, u) => 0.1 + jitter(i, j, k + u));
        pairs.push({
          layer, a: twins[i]!, b: twins[j]!, kind: 'chance', mirrors: { a: trained[i]!, b: trained[j]! }, bestA: bestC(0), bestB: bestC(1),
          oneToOne: 0.05 + jitter(i, j, 6), max: 0.1 + jitter(i, j, 7), sparse: { nonzero: [1, 5, 12], fvuHeldOut: [0.8, 0.7, 0.5] },
        });
      }
    }
  }
  return {
    source: { kind: 'result-directory', name: 'planted', createdAt: null },
    networks: [...trained.map((id) => ({ id, architecture: 'n', role: 'trained' as const })), ...twins.map((id) => ({ id, architecture: 'n', role: 'untrained' as const }))],
    layers: pl.layers,
    pairs,
    statistics: {},
  };
}

function stat(figure: string, verdict: LayerStatistic['verdict'], ci: boolean): LayerStatistic {
  return {
    figure, scope: 'all', direction: 'higher', pairs: 6, mean: 0.5, ci: ci ? { low: 0.4, high: 0.6, level: 0.95 } : null, ciReason: ci ? null : 'needs at least 3 networks per architecture; have 2 of n',
    resamples: ci ? 2000 : 0, networks: { n: 4 }, chance: { mean: verdict === 'at-or-below-chance' ? 0.6 : 0.2, pairs: 6, source: 'untrained-twins' }, shuffled: null,
    pValue: verdict === 'above-chance' ? 0.01 : 0.4, nPermutations: 924, exactTest: true, atOrBelowChance: verdict === 'at-or-below-chance', verdict, verdictReason: verdict,
  };
}

const byId = (f: Findings, id: string) => f.findings.find((x) => x.id === id)!;
const opts = { resamples: 400, permutations: 2000 };

describe('computeFindings on planted data', () => {
  const base: Plant = { nets: 5, layers: ['l1', 'l2'], reliable: { l1: 0.5, l2: 0.3 }, sparseFvu: { l1: 0.3, l2: 0.35 }, max: { l1: 0.6, l2: 0.3 }, oneToOne: 0.4 };

  it('supports every finding where the planted structure says so', () => {
    const input = plantedInput(base);
    input.statistics = { l1: [stat('max', 'above-chance', true), stat('semi.all', 'at-or-below-chance', true)], l2: [stat('max', 'above-chance', true), stat('spectralShared@3', 'at-or-below-chance', true)] };
    const f = computeFindings(input, opts);
    checkConsistent(f);
    for (const id of IDS) expect(byId(f, id).verdict, `${id}: ${byId(f, id).reason}`).toBe('supported');
    const rel = byId(f, 'reliable-features');
    expect(rel.statistic.value).toBeCloseTo(0.5, 12); // every net: 10 of 20 units at r 0.9 in every other net
    expect(rel.chance!.value).toBe(0);
    expect(rel.interval).not.toBeNull();
    // subspaces at l1: single-unit FVU ≈ (10 · (1 − 0.9²) + 10 · (1 − 0.1²)) / 20 = 0.59, sparse ≈ 0.30 → ≈ 0.49
    const sub = byId(f, 'subspaces');
    expect(sub.rows[0]!.value!).toBeGreaterThan(0.47);
    expect(sub.rows[0]!.value!).toBeLessThan(0.5);
    // the .all and spectralShared statistics are left out of trained-vs-chance
    expect(byId(f, 'trained-vs-chance').rows.map((r) => `${r.layer}/${r.figure}`)).toEqual(['l1/max', 'l2/max']);
    // max at l1 is capped by its semi (≈ 0.5, semi ≥ max), at l2 0.3
    expect(byId(f, 'depth-trend').statistic.value!).toBeCloseTo(0.2, 2);
  });

  it('does not support them where the structure is absent or reversed', () => {
    const input = plantedInput({ ...base, reliable: { l1: 0, l2: 0 }, sparseFvu: { l1: 0.95, l2: 0.95 }, max: { l1: 0.05, l2: 0.08 }, breakSemiMax: true, oneToOne: 0.02 });
    input.statistics = { l1: [stat('max', 'above-chance', true)], l2: [stat('cka', 'at-or-below-chance', true)] };
    const f = computeFindings(input, opts);
    checkConsistent(f);
    for (const id of IDS) expect(byId(f, id).verdict, `${id}: ${byId(f, id).reason}`).toBe('not supported');
    expect(byId(f, 'trained-vs-chance').reason).toMatch(/l2 cka/);
    expect(byId(f, 'semi-vs-max').reason).toMatch(/n-s0×n-s1/);
  });

  it('every unit reliable is not "some units": not supported', () => {
    const f = computeFindings(plantedInput({ ...base, reliable: { l1: 1, l2: 1 } }), opts);
    expect(byId(f, 'reliable-features').verdict).toBe('not supported');
  });

  it('uses matched chance only: chance pairs of the older design (no mirrors) leave the chance-held rows inconclusive', () => {
    const input = plantedInput(base);
    input.pairs = input.pairs.map(({ mirrors: _m, ...p }) => p);
    const f = computeFindings(input, opts);
    checkConsistent(f);
    for (const id of ['reliable-features', 'local-distributed']) {
      expect(byId(f, id).verdict).toBe('inconclusive');
      expect(byId(f, id).reason).toMatch(/no matched chance/);
    }
    expect(byId(f, 'depth-trend').chance!.value).toBeNull();
  });

  it('2 networks: every finding inconclusive with the reason, never an interval', () => {
    const input = plantedInput({ ...base, nets: 2 });
    input.statistics = { l1: [stat('max', 'above-chance', false)] };
    const f = computeFindings(input, opts);
    checkConsistent(f);
    for (const x of f.findings) {
      expect(x.verdict, x.id).toBe('inconclusive');
      expect(x.interval).toBeNull();
      expect(x.reason).toMatch(/needs at least 3 networks per architecture; have 2 of n/);
      for (const r of x.rows) expect(r.interval).toBeNull();
    }
  });

  it('report.html is well-formed and self-contained', () => {
    const input = plantedInput(base);
    input.statistics = { l1: [stat('max', 'above-chance', true)] };
    const html = renderHtml(computeFindings(input, opts));
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=/i);
    expect(html).toMatch(/<svg /);
    expect(wellFormed(html)).toEqual([]);
  });
});

/** Tag balance of an HTML document (void elements and the doctype aside); returns the problems. */
function wellFormed(html: string): string[] {
  const voids = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);
  const stack: string[] = [];
  const problems: string[] = [];
  const body = html.replace(/<!DOCTYPE[^>]*>/i, '').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(\/?)>/g)) {
    const [, close, name, , self] = m;
    const tag = name!.toLowerCase();
    if (voids.has(tag) || self) continue;
    if (!close) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`unbalanced </${tag}>`);
  }
  if (stack.length) problems.push(`unclosed ${stack.join(', ')}`);
  if (/[<>]/.test(body.replace(/<[^<>]*>/g, ''))) problems.push('stray < or > in text');
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Real engine runs: a tiny family, then `convergent report` end to end.

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-findings-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const data: ExperimentData = { name: 'synthetic', train: syntheticImages(120, 1), validation: syntheticImages(30, 2), probe: syntheticImages(24, 3) };
const spec = (seeds: number[]) => ({
  name: 'tiny-findings',
  dataset: 'synthetic',
  split: { seed: 1, validation: 30, probe: 24 },
  architectures: [
    {
      name: 'tiny',
      inputShape: [8, 8, 1],
      layers: [
        { type: 'conv', name: 'conv1', filters: 4, kernel: 3, record: true },
        { type: 'maxpool', name: 'pool1', size: 2 },
        { type: 'flatten', name: 'flatten' },
        { type: 'dense', name: 'fc1', units: 6, record: true },
        { type: 'dense', name: 'out', units: 3 },
      ],
    },
  ],
  seeds,
  training: { epochs: 1, batchSize: 16, optimizer: 'adam', learningRate: 0.01 },
  methods: ['semi', 'max', 'sparse'],
  penalties: [0.02, 0.1, 0.3],
});

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } }, out, err };
}

describe('convergent report', () => {
  let three: string;
  let two: string;
  beforeAll(async () => {
    three = path.join(tmp, 'three');
    two = path.join(tmp, 'two');
    await runExperiment(spec([1, 2, 3]), { out: three, data, concurrency: 1 });
    await runExperiment(spec([1, 2]), { out: two, data, concurrency: 1 });
  }, 240_000);

  it('writes findings.json, report.md and report.html with every finding, verdicts consistent', async () => {
    const out = path.join(tmp, 'report-three');
    const c = collect();
    expect(await main(['report', three, '--out', out], c.io)).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['findings.json', 'report.html', 'report.md']);
    const f = JSON.parse(await fs.readFile(path.join(out, 'findings.json'), 'utf8')) as Findings;
    expect(f.schema).toBe('convergent-findings');
    checkConsistent(f);
    expect(f.networks).toEqual({ trained: { tiny: 3 }, untrained: { tiny: 3 } });
    // real data: each pair-level finding has a row per recorded layer, with an interval (3 networks)
    for (const id of ['subspaces', 'local-distributed', 'semi-vs-max']) {
      expect(byId(f, id).rows.map((r) => r.layer)).toEqual(['conv1', 'fc1']);
      for (const r of byId(f, id).rows) expect(r.interval).not.toBeNull();
    }
    // semi ≥ max holds by construction of the two matchings
    expect(byId(f, 'semi-vs-max').verdict).toBe('supported');
    expect(byId(f, 'trained-vs-chance').rows.length).toBeGreaterThan(0);
    const md = await fs.readFile(path.join(out, 'report.md'), 'utf8');
    for (const id of IDS) expect(md).toContain(`## ${id}`);
    const html = await fs.readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/https?:/i);
    expect(wellFormed(html)).toEqual([]);
    expect(c.out.join('')).toMatch(/reliable-features/);
  });

  it('a 2-network result: every finding inconclusive, with the reason and no interval', async () => {
    const out = path.join(tmp, 'report-two');
    expect(await main(['report', two, '--out', out], collect().io)).toBe(0);
    const f = JSON.parse(await fs.readFile(path.join(out, 'findings.json'), 'utf8')) as Findings;
    checkConsistent(f);
    for (const x of f.findings) {
      expect(x.verdict, x.id).toBe('inconclusive');
      expect(x.interval).toBeNull();
      expect(x.reason).toMatch(/needs at least 3 networks|no layer has the data/);
    }
  });

  it('bad input: missing, partial and format-1 directories print one line, exit non-zero and write nothing', async () => {
    const partial = path.join(tmp, 'partial');
    await fs.cp(three, partial, { recursive: true });
    const manifest = JSON.parse(await fs.readFile(path.join(partial, 'manifest.json'), 'utf8'));
    await fs.rm(path.join(partial, manifest.alignments[0].semi.matchA.path));
    const old = path.join(tmp, 'old');
    await fs.cp(three, old, { recursive: true });
    await fs.writeFile(path.join(old, 'manifest.json'), JSON.stringify({ ...manifest, version: 1 }));
    const cases: Array<[string, RegExp]> = [
      [path.join(tmp, 'nowhere'), /not a result directory.*missing; point at the folder/],
      [partial, /incomplete result directory: .*semi-a\.npy is missing/],
      [old, /old result format: .*format 1; findings need format 2.*run `convergent experiment run`/],
    ];
    for (const [dir, message] of cases) {
      const out = path.join(tmp, `out-${path.basename(dir)}`);
      const c = collect();
      expect(await main(['report', dir, '--out', out], c.io)).not.toBe(0);
      const text = c.err.join('');
      expect(text.trim().split('\n')).toHaveLength(1);
      expect(text).toMatch(message);
      await expect(fs.access(out)).rejects.toThrow();
      expect((await fs.readdir(tmp)).filter((n) => n.includes('.tmp-'))).toEqual([]);
    }
    // an --out that already holds files is refused, untouched
    const full = path.join(tmp, 'full');
    await fs.mkdir(full);
    await fs.writeFile(path.join(full, 'keep.txt'), 'x');
    const c = collect();
    expect(await main(['report', three, '--out', full], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/not empty; choose a new --out folder/);
    expect(await fs.readdir(full)).toEqual(['keep.txt']);
  });
});
