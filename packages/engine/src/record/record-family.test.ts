import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { buildModel } from '../spec/build-model.ts';
import { batchTensor, rangeIndices } from '../train/image-set.ts';
import { syntheticImages, tinyArchitecture } from '../train/test-fixtures.ts';
import { heldOutMask, recordFamily, shufflePermutation } from './record-family.ts';

beforeAll(async () => {
  await selectBackend();
});

/** Full activations of one layer as float64 rows (the brute-force oracle). */
function fullRows(model: tf.LayersModel, layer: string, probe: ReturnType<typeof syntheticImages>): { rows: Float64Array; n: number; c: number; out: tf.Tensor } {
  const act = tf.model({ inputs: model.inputs, outputs: model.getLayer(layer).output as tf.SymbolicTensor });
  const out = act.predict(batchTensor(probe, rangeIndices(0, probe.count))) as tf.Tensor;
  const c = out.shape[out.shape.length - 1]!;
  const rows = Float64Array.from(out.dataSync());
  return { rows, n: rows.length / c, c, out };
}

describe('recordFamily', () => {
  const probe = syntheticImages(23, 5);
  const nets = [
    { id: 'a', spec: tinyArchitecture(), model: buildModel(tinyArchitecture(), 1).model },
    { id: 'b', spec: tinyArchitecture({ filters: 3, name: 'narrow' }), model: buildModel(tinyArchitecture({ filters: 3, name: 'narrow' }), 2).model },
  ];

  it('matches brute-force means, correlations and top images whatever the batch size', async () => {
    const rec = await recordFamily(nets, probe, { layers: ['conv1', 'fc1'], batchSize: 7, sampleRows: 50, seed: 3 });
    const conv = rec.find((l) => l.name === 'conv1')!;
    expect(conv.members.map((m) => [m.networkId, m.group.offset, m.units, m.kind])).toEqual([['a', 0, 4, 'conv'], ['b', 4, 3, 'conv']]);
    expect(conv.samples).toBe(23 * 64);
    const A = fullRows(nets[0]!.model, 'conv1', probe);
    const B = fullRows(nets[1]!.model, 'conv1', probe);
    // brute force: joint columns [A | B]
    const N = A.n;
    const col = (j: number) => Float64Array.from({ length: N }, (_, r) => (j < 4 ? A.rows[r * 4 + j]! : B.rows[r * 3 + j - 4]!));
    const cols = Array.from({ length: 7 }, (_, j) => col(j));
    const mean = cols.map((v) => v.reduce((s, x) => s + x, 0) / N);
    const cov = (i: number, j: number) => cols[i]!.reduce((s, x, r) => s + (x - mean[i]!) * (cols[j]![r]! - mean[j]!), 0) / N;
    for (let i = 0; i < 7; i++) {
      expect(conv.moments.mean[i]).toBeCloseTo(mean[i]!, 5);
      for (let j = 0; j < 7; j++) {
        const ci = cov(i, i), cj = cov(j, j);
        const r = ci > 0 && cj > 0 ? cov(i, j) / Math.sqrt(ci * cj) : 0;
        expect(conv.moments.corr[i * 7 + j]).toBeCloseTo(i === j && ci > 0 ? 1 : r, 4);
      }
    }
    // top images: best spatial maximum per unit, with its position
    const maxes = A.out.reshape([23, 64, 4]).max(1).arraySync() as number[][];
    for (let u = 0; u < 4; u++) {
      const best = maxes.map((m, i) => ({ i, v: m[u]! })).sort((p, q) => q.v - p.v || p.i - q.i).slice(0, 9);
      const got = conv.members[0]!.top[u]!;
      expect(got.map((t) => t.value)).toEqual(best.map((b) => Math.fround(b.v)));
      for (const t of got) {
        const v = A.rows[(t.imageIndex * 64 + t.y * 8 + t.x) * 4 + u]!;
        expect(v).toBe(t.value);
      }
    }
    // paired row sample: rows of the reservoir are whole joint rows
    expect(conv.sample!.rows).toBe(50);
    const fc = rec.find((l) => l.name === 'fc1')!;
    expect(fc.samples).toBe(23);
    expect(fc.members[1]!.top[0]!.every((t) => t.x === 0 && t.y === 0)).toBe(true);

    const again = await recordFamily(nets, probe, { layers: ['conv1', 'fc1'], batchSize: 23, sampleRows: 50, seed: 3 });
    const c2 = again.find((l) => l.name === 'conv1')!;
    for (let i = 0; i < 49; i++) expect(c2.moments.corr[i]).toBeCloseTo(conv.moments.corr[i]!, 5);
    expect(c2.members[0]!.top).toEqual(conv.members[0]!.top);
  });

  it('splits the probe set by image for held-out statistics: each part equals brute force over its images', async () => {
    const mask = heldOutMask(23, 0.3, 9)!;
    expect(mask.reduce((a, b) => a + b, 0)).toBe(7); // round(0.3 × 23)
    expect(heldOutMask(23, 0.3, 9)).toEqual(mask); // seeded
    expect(heldOutMask(23, 0.3, 10)).not.toEqual(mask);
    expect(heldOutMask(5, 0.2, 1)).toBeNull(); // 1 held-out image: too few for statistics
    const split = await recordFamily(nets, probe, { layers: ['conv1'], batchSize: 6, sampleRows: 0, heldOut: { fraction: 0.3, seed: 9 } });
    const whole = await recordFamily(nets, probe, { layers: ['conv1'], batchSize: 6, sampleRows: 0 });
    const rec = split[0]!;
    expect(rec.heldOut).toMatchObject({ images: 7, fitImages: 16, seed: 9 });
    // merging the parts gives the unsplit recording
    for (let i = 0; i < 49; i++) expect(rec.moments.corr[i]).toBeCloseTo(whole[0]!.moments.corr[i]!, 9);
    const A = fullRows(nets[0]!.model, 'conv1', probe);
    const B = fullRows(nets[1]!.model, 'conv1', probe);
    // brute force over ALL positions of the chosen images (64 per image): rows r belong to image floor(r / 64)
    const corrOver = (keep: (image: number) => boolean) => {
      const rows = Array.from({ length: A.n }, (_, r) => r).filter((r) => keep(Math.floor(r / 64)));
      const col = (j: number) => rows.map((r) => (j < 4 ? A.rows[r * 4 + j]! : B.rows[r * 3 + j - 4]!));
      const cols = Array.from({ length: 7 }, (_, j) => col(j));
      const mean = cols.map((v) => v.reduce((x, y) => x + y, 0) / rows.length);
      const cov = (i: number, j: number) => cols[i]!.reduce((t, x, k) => t + (x - mean[i]!) * (cols[j]![k]! - mean[j]!), 0) / rows.length;
      return (i: number, j: number) => (cov(i, i) > 0 && cov(j, j) > 0 ? (i === j ? 1 : cov(i, j) / Math.sqrt(cov(i, i) * cov(j, j))) : 0);
    };
    const held = corrOver((im) => mask[im] === 1);
    const fit = corrOver((im) => mask[im] === 0);
    for (let i = 0; i < 7; i++) {
      for (let j = 0; j < 7; j++) {
        expect(rec.heldOut!.heldCorr[i * 7 + j]).toBeCloseTo(held(i, j), 4);
        expect(rec.heldOut!.fitCorr[i * 7 + j]).toBeCloseTo(fit(i, j), 4);
      }
    }
  });

  it('adds a shuffled-probe copy: whole images move within the batch, positions stay, every image moves', async () => {
    for (const n of [2, 7, 100]) {
      const perm = shufflePermutation(n, 4, 10);
      expect([...perm].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i)); // a permutation
      expect(perm.every((j, i) => j !== i)).toBe(true); // no image keeps its place
      // single cycle
      let k = 0;
      let steps = 0;
      do (k = perm[k]!), steps++;
      while (k !== 0);
      expect(steps).toBe(n);
    }
    expect(shufflePermutation(7, 4, 10)).toEqual(shufflePermutation(7, 4, 10));
    expect(shufflePermutation(7, 4, 17)).not.toEqual(shufflePermutation(7, 4, 10));
    const rec = (await recordFamily(nets, probe, { layers: ['conv1'], batchSize: 10, sampleRows: 0, shuffled: { networks: ['b'], seed: 4 } }))[0]!;
    expect(rec.members.map((m) => m.networkId)).toEqual(['a', 'b', 'b~shuffled']);
    expect(rec.members[2]!.group).toEqual({ offset: 7, count: 3 });
    // brute force: A on image i against B on image s + perm(i - s) of i's batch [s, s + 10), same position
    const A = fullRows(nets[0]!.model, 'conv1', probe);
    const B = fullRows(nets[1]!.model, 'conv1', probe);
    const source = new Int32Array(23);
    for (let s0 = 0; s0 < 23; s0 += 10) {
      const n = Math.min(10, 23 - s0);
      const perm = shufflePermutation(n, 4, s0);
      for (let i = 0; i < n; i++) source[s0 + i] = s0 + perm[i]!;
    }
    const N = A.n;
    const colA = (u: number) => Float64Array.from({ length: N }, (_, r) => A.rows[r * 4 + u]!);
    const colS = (u: number) => Float64Array.from({ length: N }, (_, r) => B.rows[(source[Math.floor(r / 64)]! * 64 + (r % 64)) * 3 + u]!);
    const corr = (x: Float64Array, y: Float64Array) => {
      const mx = x.reduce((t, v) => t + v, 0) / N;
      const my = y.reduce((t, v) => t + v, 0) / N;
      let sxy = 0, sxx = 0, syy = 0;
      for (let r = 0; r < N; r++) (sxy += (x[r]! - mx) * (y[r]! - my)), (sxx += (x[r]! - mx) ** 2), (syy += (y[r]! - my) ** 2);
      return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    };
    for (let u = 0; u < 4; u++) for (let v = 0; v < 3; v++) expect(rec.moments.corr[u * 10 + 7 + v]).toBeCloseTo(corr(colA(u), colS(v)), 4);
    // the copy has the network's own unit statistics (same values, other order)
    for (let v = 0; v < 3; v++) {
      expect(rec.moments.mean[7 + v]).toBeCloseTo(rec.moments.mean[4 + v]!, 9);
      expect(rec.moments.std[7 + v]).toBeCloseTo(rec.moments.std[4 + v]!, 9);
    }
    expect(rec.members[2]!.top).toEqual([]);
  });

  it('dumps subsampled positions, paired across networks', async () => {
    const rec = await recordFamily(nets, probe, { layers: ['conv1'], batchSize: 10, dump: { layers: ['conv1'], positions: 5 }, sampleRows: 0 });
    const m = rec[0]!.members[0]!;
    expect(m.dump!.rows).toBe(23 * 5);
    const A = fullRows(nets[0]!.model, 'conv1', probe);
    // every dumped row is one (image, position) row of the full activations
    const rowsOf = new Set(Array.from({ length: A.n }, (_, r) => Array.from(A.rows.subarray(r * 4, r * 4 + 4)).join()));
    for (let r = 0; r < m.dump!.rows; r++) expect(rowsOf.has(Array.from(m.dump!.data.subarray(r * 4, r * 4 + 4)).join())).toBe(true);
  });

  it('names a recorded layer that exists nowhere', async () => {
    await expect(recordFamily(nets, probe, { layers: ['conv7'] })).rejects.toThrow(/recorded layer "conv7" does not exist/);
  });
});
