/**
 * Networks of different architectures trained from the same seed must be as unrelated as networks trained from
 * different seeds (issue 11). With the old streams (initialisers from (seed, layer index) only), lenet-s1 and
 * lenet-x2-s1 shared their initial weights' uniform draws and, after training, many fc1 units were max-matched to
 * the unit with the same index.
 *
 * Design: lenet and lenet-x2, each from seeds 1 and 2, trained for one epoch on 500 MNIST images with the same
 * (shared) data order. Same-seed pairs (A1–B1, A2–B2) against different-seed pairs (A1–B2, A2–B1): every network
 * appears once on each side, so a network that happens to correlate more with everything cancels out of the
 * difference. On 200 probe images, for conv1 (rows = images × positions) and fc1 (rows = images):
 *   - same-index max-matches: live units i of A whose best-correlated unit of B is unit i. Under independence each
 *     is a match with probability 1 / (live units of B), so the count over the two pairs is ≈ Poisson(λ) with
 *     λ = Σ 1/q_live; we require the same-seed count ≤ the different-seed count + the Poisson(λ) quantile at
 *     1 − 1e-3 (a chance failure has probability < 1e-3).
 *   - matched correlation (semi-matching mean, mean over live A units of max_j r) and same-index correlation (mean
 *     of r(unit i of A, unit i of B)): same-seed mean − different-seed mean < 4 standard errors, the standard error
 *     from the spread over units (units as samples; a one-sided chance failure ≈ 3e-5 under normality).
 *
 * Checked against the old streams (stream version 1, this exact test run on the previous build-model.ts and
 * train-network.ts): fc1 had 20 same-index matches in the same-seed pairs against 0 (bound +5), and same-index mean
 * r 0.555 against 0.043 (4 SE = 0.18), so this test fails on them.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { limitTraining, loadExperimentData } from '../experiment/experiment-data.ts';
import { presetArchitecture } from '../spec/presets.ts';
import { type ImageSet, batchTensor, rangeIndices } from './image-set.ts';
import { trainNetwork } from './train-network.ts';

let cacheDir: string;
beforeAll(async () => {
  await selectBackend();
  cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-streams-'));
});
afterAll(async () => {
  await fs.rm(cacheDir, { recursive: true, force: true });
});

/** Activations of `layer` on the probe set as [rows, units] (a conv layer's rows are images × positions). */
function activations(model: tf.LayersModel, recorded: string[], layer: string, probe: ImageSet): { data: Float32Array; rows: number; units: number } {
  return tf.tidy(() => {
    const out = model.predict(batchTensor(probe, rangeIndices(0, probe.count)));
    const t = (Array.isArray(out) ? out : [out])[recorded.indexOf(layer)]!;
    const units = t.shape[t.shape.length - 1]!;
    const data = t.dataSync() as Float32Array;
    return { data: data.slice(), rows: data.length / units, units };
  });
}

/** Correlation matrix [p, q] between the units of a and b (same rows); a unit with std 0 is dead (null column). */
function correlations(a: { data: Float32Array; rows: number; units: number }, b: { data: Float32Array; rows: number; units: number }) {
  const n = a.rows;
  const standardise = (x: { data: Float32Array; units: number }) => {
    const z = new Float64Array(n * x.units);
    const live: boolean[] = [];
    for (let u = 0; u < x.units; u++) {
      let m = 0;
      for (let r = 0; r < n; r++) m += x.data[r * x.units + u]!;
      m /= n;
      let s = 0;
      for (let r = 0; r < n; r++) s += (x.data[r * x.units + u]! - m) ** 2;
      const sd = Math.sqrt(s / n);
      live.push(sd > 1e-6);
      for (let r = 0; r < n; r++) z[u * n + r] = sd > 1e-6 ? (x.data[r * x.units + u]! - m) / sd : 0;
    }
    return { z, live };
  };
  const A = standardise(a);
  const B = standardise(b);
  const R = new Float64Array(a.units * b.units);
  for (let i = 0; i < a.units; i++) {
    for (let j = 0; j < b.units; j++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += A.z[i * n + r]! * B.z[j * n + r]!;
      R[i * b.units + j] = s / n;
    }
  }
  return { R, p: a.units, q: b.units, liveA: A.live, liveB: B.live };
}

interface PairFigures {
  sameIndexMatches: number;
  /** Expected same-index matches under independence: Σ over live A units i (live in B too) of 1 / q_live. */
  expectedMatches: number;
  semiMean: number;
  /** Standard error of semiMean from the per-unit maxima. */
  semiSe: number;
  /** Mean r between unit i of A and unit i of B over indices live in both, and its standard error. */
  sameIndexR: number;
  sameIndexSe: number;
}

function pairFigures(c: ReturnType<typeof correlations>): PairFigures {
  const qLive = c.liveB.filter(Boolean).length;
  let matches = 0;
  let expected = 0;
  const maxima: number[] = [];
  const diagonal: number[] = [];
  for (let i = 0; i < c.p; i++) {
    if (!c.liveA[i]) continue;
    if (i < c.q && c.liveB[i]) diagonal.push(c.R[i * c.q + i]!);
    let best = -Infinity;
    let at = -1;
    for (let j = 0; j < c.q; j++) {
      if (!c.liveB[j]) continue;
      const r = c.R[i * c.q + j]!;
      if (r > best) {
        best = r;
        at = j;
      }
    }
    maxima.push(best);
    if (at === i) matches++;
    if (i < c.q && c.liveB[i]) expected += 1 / qLive;
  }
  const semi = meanAndSe(maxima);
  const diag = meanAndSe(diagonal);
  return { sameIndexMatches: matches, expectedMatches: expected, semiMean: semi.mean, semiSe: semi.se, sameIndexR: diag.mean, sameIndexSe: diag.se };
}

function meanAndSe(xs: number[]): { mean: number; se: number } {
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1));
  return { mean, se: sd / Math.sqrt(xs.length) };
}

/** Smallest k with P(Poisson(λ) > k) < alpha. */
function poissonQuantile(lambda: number, alpha: number): number {
  let k = 0;
  let term = Math.exp(-lambda);
  let cdf = term;
  while (1 - cdf >= alpha) {
    k++;
    term *= lambda / k;
    cdf += term;
  }
  return k;
}

describe('independent streams across architectures (trained)', () => {
  it('lenet and lenet-x2 from the same seed are no more alike than from different seeds (conv1 and fc1)', async () => {
    const data = await loadExperimentData({ dataset: 'mnist', split: { seed: 1, validation: 100, probe: 200 } }, { cacheDir });
    const train = limitTraining(data.train, 500, 1);
    const opts = { epochs: 1, batchSize: 50, optimizer: 'adam' as const, learningRate: 0.002, dataOrder: 'shared' as const, dataOrderSeed: 1 };
    const nets = new Map<string, Awaited<ReturnType<typeof trainNetwork>>>();
    for (const arch of ['lenet', 'lenet-x2']) for (const seed of [1, 2]) nets.set(`${arch}-s${seed}`, await trainNetwork(presetArchitecture(arch), seed, train, data.validation, opts));
    try {
      for (const r of nets.values()) expect(r.metrics[0]!.validationAccuracy).toBeGreaterThan(0.5); // they learned something
      for (const layer of ['conv1', 'fc1']) {
        const act = new Map([...nets].map(([id, r]) => [id, activations(r.built.activationModel, r.built.recorded, layer, data.probe)]));
        const figures = (a: string, b: string) => pairFigures(correlations(act.get(a)!, act.get(b)!));
        const same = [figures('lenet-s1', 'lenet-x2-s1'), figures('lenet-s2', 'lenet-x2-s2')];
        const diff = [figures('lenet-s1', 'lenet-x2-s2'), figures('lenet-s2', 'lenet-x2-s1')];
        const sum = (xs: PairFigures[], f: (x: PairFigures) => number) => xs.reduce((s, x) => s + f(x), 0);
        const sameMatches = sum(same, (x) => x.sameIndexMatches);
        const diffMatches = sum(diff, (x) => x.sameIndexMatches);
        // Under independence: ≈ Poisson(λ), λ = Σ 1/q_live ≈ 1 here (2 pairs × p/q = 1/2); the 1 − 1e-3 quantile is 4–5.
        const noise = poissonQuantile(sum(same, (x) => x.expectedMatches), 1e-3);
        expect.soft(sameMatches, `${layer}: same-index max-matches, same seed ${sameMatches} vs different seeds ${diffMatches} (+${noise} noise)`).toBeLessThanOrEqual(diffMatches + noise);
        // Matched correlation, and the correlation of same-index units, each: same − different < 4 standard errors.
        for (const [what, mean, se] of [
          ['semi-matching mean r', (x: PairFigures) => x.semiMean, (x: PairFigures) => x.semiSe],
          ['same-index mean r', (x: PairFigures) => x.sameIndexR, (x: PairFigures) => x.sameIndexSe],
        ] as const) {
          const a = sum(same, mean) / 2;
          const b = sum(diff, mean) / 2;
          const e = Math.sqrt(sum([...same, ...diff], (x) => se(x) ** 2)) / 2;
          expect.soft(a - b, `${layer}: ${what}, same seed ${a.toFixed(3)} vs different seeds ${b.toFixed(3)} (standard error ${e.toFixed(3)})`).toBeLessThan(4 * e);
        }
      }
    } finally {
      for (const r of nets.values()) r.built.model.dispose();
    }
  }, 300_000); // ≈ 20–30 s; the margin is for a machine shared by many test runs
});
