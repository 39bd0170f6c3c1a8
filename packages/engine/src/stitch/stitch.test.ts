import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planted } from '../../test/planted.ts';
import { selectBackend } from '../backend/select-backend.ts';
import { recordFamily } from '../record/record-family.ts';
import { buildModel } from '../spec/build-model.ts';
import { pairMoments, pairStatistics } from '../stats/moments.ts';
import { syntheticImages, tinyArchitecture } from '../train/test-fixtures.ts';
import { trainNetwork } from '../train/train-network.ts';
import { type AffineMap, destandardise, permutationMap, stitchMaps } from './stitch-maps.ts';
import { stitchPair } from './stitch-pair.ts';

beforeAll(async () => {
  await selectBackend();
});

/** Rows of A (n × p) through an affine map: n × q. */
function apply(map: AffineMap, a: Float32Array, n: number): Float64Array {
  const out = new Float64Array(n * map.q);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < map.q; j++) {
      let s = map.bias[j]!;
      for (let i = 0; i < map.p; i++) s += a[r * map.p + i]! * map.weights[i * map.q + j]!;
      out[r * map.q + j] = s;
    }
  }
  return out;
}

describe('stitching maps from statistics', () => {
  it('planted: B is a scaled, shifted, permuted copy of A, so the permutation and least-squares maps rebuild B exactly', () => {
    const { a, b, n, p } = planted(3000, 12, 4);
    const pair = pairMoments(a, b, n, p, p);
    const [perm, sparse, linear] = stitchMaps(pair, { penalty: 0.01 });
    expect(perm!.kind).toBe('permutation');
    expect(perm!.nonzero).toBe(1);
    for (const map of [perm!, linear!]) {
      const got = apply(map, a, n);
      let err = 0;
      for (let i = 0; i < n * p; i++) err = Math.max(err, Math.abs(got[i]! - b[i]!));
      expect(err, map.kind).toBeLessThan(2e-3);
    }
    // The lasso at a small penalty shrinks a little: close, not exact.
    expect(sparse!.penalty).toBe(0.01);
    const got = apply(sparse!, a, n);
    let sq = 0;
    let total = 0;
    const mean = new Float64Array(p);
    for (let i = 0; i < n * p; i++) mean[i % p] = mean[i % p]! + b[i]! / n;
    for (let i = 0; i < n * p; i++) {
      sq += (got[i]! - b[i]!) ** 2;
      total += (b[i]! - mean[i % p]!) ** 2;
    }
    expect(sq / total).toBeLessThan(0.01);
  });

  it('dead units: a dead unit of A gets no weight, a dead unit of B is its mean; unmatched B units are their mean', () => {
    const n = 200;
    const a = new Float32Array(n * 2);
    const b = new Float32Array(n * 3);
    for (let r = 0; r < n; r++) {
      a[r * 2] = Math.sin(r);
      a[r * 2 + 1] = 5; // dead
      b[r * 3] = 2 * Math.sin(r) + 1;
      b[r * 3 + 1] = 7; // dead
      b[r * 3 + 2] = Math.cos(r);
    }
    const pair = pairMoments(a, b, n, 2, 3);
    const w = Float64Array.of(1, 1, 1, 1, 1, 1);
    const m = destandardise(pair, w, 'linear');
    expect(Array.from(m.weights.subarray(3))).toEqual([0, 0, 0]);
    expect(m.weights[1]).toBe(0);
    expect(m.bias[1]).toBeCloseTo(7, 5);
    const pm = permutationMap(pair, Int32Array.of(0, -1));
    const got = apply(pm, a, n);
    expect(got[0 * 3 + 0]).toBeCloseTo(b[0]!, 4);
    expect(got[5 * 3 + 2]).toBeCloseTo(pair.meanB[2]!, 10);
  });
});

describe('stitchPair', () => {
  it('a network stitched to a channel-permuted copy of itself scores its own accuracy with the permutation and linear maps', async () => {
    const train = syntheticImages(300, 1);
    const heldOut = syntheticImages(120, 2);
    const arch = tinyArchitecture({ filters: 6 });
    const trained = await trainNetwork(arch, 3, train, train, { epochs: 2, batchSize: 32, optimizer: 'adam', learningRate: 0.01 });
    const bModel = trained.built.model;
    // A: the same network with conv1's output channels permuted (so its conv1 units are B's, reordered).
    const { model: aModel } = buildModel(arch, 9);
    aModel.setWeights(bModel.getWeights());
    const order = [3, 0, 5, 1, 4, 2];
    const conv = aModel.getLayer('conv1');
    const [kernel, bias] = conv.getWeights();
    // Built from the values (tfjs-backend-wasm's Gather on a 1-D bias yields a tensor FusedConv2D rejects).
    const k = kernel!.dataSync();
    const permutedKernel = new Float32Array(k.length);
    for (let t = 0; t < k.length / 6; t++) order.forEach((src, dst) => (permutedKernel[t * 6 + dst] = k[t * 6 + src]!));
    const bv = bias!.dataSync();
    conv.setWeights([tf.tensor4d(permutedKernel, kernel!.shape as [number, number, number, number]), tf.tensor1d(order.map((src) => bv[src]!))]);
    const probe = syntheticImages(200, 3);
    const [rec] = await recordFamily([{ id: 'a', spec: arch, model: aModel }, { id: 'b', spec: arch, model: bModel }], probe, { layers: ['conv1'], sampleRows: 0 });
    const pair = pairStatistics(rec!.moments, rec!.members[0]!.group, rec!.members[1]!.group);
    const maps = stitchMaps(pair, { penalty: 0.05 });
    const result = await stitchPair({ spec: arch, model: aModel }, { spec: arch, model: bModel }, 'conv1', maps, heldOut, { count: 100, batchSize: 40 });
    expect(result.images).toBe(100);
    expect(result.ownAccuracy).toBeGreaterThan(0.5);
    expect(result.majorityRate).toBeCloseTo(34 / 100, 10);
    const byKind = Object.fromEntries(result.maps.map((m) => [m.kind, m]));
    expect(byKind.permutation!.accuracy).toBe(result.ownAccuracy);
    expect(byKind.linear!.accuracy).toBe(result.ownAccuracy);
    expect(byKind.sparse!.penalty).toBe(0.05);
    // An untrained A carries little of what B needs.
    const { model: random } = buildModel(arch, 77);
    const [rec2] = await recordFamily([{ id: 'r', spec: arch, model: random }, { id: 'b', spec: arch, model: bModel }], probe, { layers: ['conv1'], sampleRows: 0 });
    const chanceMaps = stitchMaps(pairStatistics(rec2!.moments, rec2!.members[0]!.group, rec2!.members[1]!.group), { penalty: 0.05 });
    const chance = await stitchPair({ spec: arch, model: random }, { spec: arch, model: bModel }, 'conv1', chanceMaps, heldOut, { count: 100 });
    expect(chance.maps.find((m) => m.kind === 'permutation')!.accuracy).toBeLessThanOrEqual(result.ownAccuracy);
    for (const m of [aModel, bModel, random]) m.dispose();
  });
});

describe('leastSquaresWeights', () => {
  it('equals the lasso at α = 0 on well-conditioned units and stays finite with collinear and dead ones', async () => {
    const { leastSquaresWeights } = await import('./stitch-maps.ts');
    const { sparsePredictionPath } = await import('../align/sparse-prediction.ts');
    const { a, b, n, p } = planted(2000, 8, 11);
    const noisyB = b.map((v, i) => v + Math.sin(i) * 2);
    const pair = pairMoments(a, noisyB, n, p, p);
    const w = leastSquaresWeights(pair);
    const [pt] = sparsePredictionPath({ rAA: pair.rAA, rAB: pair.rAB, p, q: p, penalties: [0] }).path;
    for (let k = 0; k < p; k++) {
      for (let i = 0; i < p; i++) {
        let lasso = 0;
        for (let z = pt!.weights.colPtr[k]!; z < pt!.weights.colPtr[k + 1]!; z++) if (pt!.weights.rowIndex[z] === i) lasso = pt!.weights.values[z]!;
        expect(w[i * p + k]).toBeCloseTo(lasso, 6);
      }
    }
    // Unit 1 duplicated into unit 2 and unit 3 dead: the minimum-norm solution splits the weight and ignores the dead one.
    const dup = Float32Array.from(a);
    for (let r = 0; r < n; r++) {
      dup[r * p + 2] = dup[r * p + 1]!;
      dup[r * p + 3] = 1;
    }
    const w2 = leastSquaresWeights(pairMoments(dup, noisyB, n, p, p));
    expect(w2.every(Number.isFinite)).toBe(true);
    for (let k = 0; k < p; k++) {
      expect(w2[1 * p + k]).toBeCloseTo(w2[2 * p + k]!, 6);
      expect(w2[3 * p + k]).toBeCloseTo(0, 12);
    }
  });
});
