import { beforeAll, describe, expect, it } from 'vitest';
import { measureCases } from '../../test/measure-fixtures.ts';
import { orthogonal, permuteColumns, randn, scaleShift, shuffled, times } from '../../test/measure-data.ts';
import { selectBackend } from '../backend/select-backend.ts';
import { MeasureInputError } from './cca.ts';
import { mutualKnn, mutualKnnFromLists, nearestNeighbours } from './mutual-knn.ts';

beforeAll(async () => {
  await selectBackend();
});

/** O(n² d) brute force: squared Euclidean distances after centring, self excluded, ties to the lower index. */
function bruteForce(x: Float64Array, n: number, d: number, k: number): Int32Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) mean[c] = mean[c]! + x[i * d + c]! / n;
  const out = new Int32Array(n * k);
  for (let i = 0; i < n; i++) {
    const dist: Array<[number, number]> = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let c = 0; c < d; c++) s += (x[i * d + c]! - mean[c]! - (x[j * d + c]! - mean[c]!)) ** 2;
      dist.push([s, j]);
    }
    dist.sort((u, v) => u[0] - v[0] || u[1] - v[1]);
    for (let t = 0; t < k; t++) out[i * k + t] = dist[t]![1];
  }
  return out;
}

describe('mutual k-nearest neighbours', () => {
  it('neighbour lists equal brute force (exact distances, nearest first)', () => {
    const n = 150;
    const d = 7;
    const x = randn(n, d, 1);
    expect(Array.from(nearestNeighbours(x, n, d, 6).indices)).toEqual(Array.from(bruteForce(x, n, d, 6)));
  });

  it('equals the numpy reference (scipy cdist, stable argsort) for both metrics on every fixture case', () => {
    // Where the k-th and (k+1)-th neighbours tie exactly (ReLU rows of one active unit in cosine space), the lists
    // depend on the last bit of each dot product; each such image can move the score by at most 1 / (n k).
    for (const c of measureCases) {
      const a = Float64Array.from(c.a);
      const b = Float64Array.from(c.b);
      const slack = (ties: number) => ties / (c.n * c.knn.k) + 1e-12;
      expect(Math.abs(mutualKnn(a, b, c.n, c.p, c.q, { k: c.knn.k }).score - c.knn.euclidean), c.name).toBeLessThanOrEqual(slack(c.knn.tiesEuclidean));
      expect(Math.abs(mutualKnn(a, b, c.n, c.p, c.q, { k: c.knn.k, metric: 'cosine' }).score - c.knn.cosine), c.name).toBeLessThanOrEqual(slack(c.knn.tiesCosine));
    }
    expect(measureCases.filter((c) => c.knn.tiesEuclidean === 0 && c.knn.tiesCosine === 0).length).toBeGreaterThanOrEqual(1);
  });

  it('is 1 under orthogonal maps, isotropic scaling, shifts and unit permutations (euclidean)', () => {
    const n = 200;
    const d = 9;
    const x = randn(n, d, 2);
    const y = permuteColumns(scaleShift(times(x, orthogonal(d, 3), n, d, d), 3.5, -2), n, d, shuffled(d, 4));
    const r = mutualKnn(x, y, n, d, d);
    expect(r.score).toBe(1);
    expect(r.k).toBe(10);
    expect(r.uniform).toBeCloseTo(10 / 199, 15);
  });

  it('unrelated spaces score about k / (n − 1)', () => {
    const n = 400;
    const r = mutualKnn(randn(n, 6, 5), randn(n, 6, 6), n, 6, 6, { k: 10 });
    expect(r.score).toBeGreaterThan(0.5 * r.uniform);
    expect(r.score).toBeLessThan(2.5 * r.uniform);
  });

  it('planted clusters: images in tight groups of k + 1 agree exactly; a second split of the same images agrees by the known overlap', () => {
    // 12 groups of k + 1 = 5 images; in A the groups are {5g..5g+4}; in B every group keeps its first 4 images and
    // swaps its last image with the next group's, so each image shares 3 of its 4 neighbours... computed below.
    const k = 4;
    const groups = 12;
    const n = groups * (k + 1);
    const centres = randn(groups, 3, 7).map((v) => v * 100);
    const jitter = randn(n, 3, 8).map((v) => v * 0.01);
    const a = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) a[i * 3 + c] = centres[Math.floor(i / (k + 1)) * 3 + c]! + jitter[i * 3 + c]!;
    expect(mutualKnn(a, a, n, 3, 3, { k }).score).toBe(1);
    const groupB = (i: number) => (i % (k + 1) === k ? (Math.floor(i / (k + 1)) + 1) % groups : Math.floor(i / (k + 1)));
    const b = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) b[i * 3 + c] = centres[groupB(i) * 3 + c]! + jitter[i * 3 + c]!;
    // Each of the 4 images that stayed shares 3 neighbours (its 3 stayers) out of 4; the moved image shares none.
    const expected = (k * ((k - 1) / k) + 0) / (k + 1);
    expect(mutualKnn(a, b, n, 3, 3, { k }).score).toBeCloseTo(expected, 12);
  });

  it('ties go to the lower image index (duplicates)', () => {
    // Images 0..5 identical, 6..9 far away: image 0's 3 nearest are 1, 2, 3 (all at distance 0).
    const x = new Float64Array(10 * 2);
    for (let i = 6; i < 10; i++) x[i * 2] = 50 + i;
    const lists = nearestNeighbours(x, 10, 2, 3);
    expect(Array.from(lists.indices.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(lists.indices.subarray(15, 18))).toEqual([0, 1, 2]);
  });

  it('refuses k ≥ images and non-finite values, naming the numbers and the fix', () => {
    const x = randn(10, 2, 9);
    expect(() => mutualKnn(x, x, 10, 2, 2)).toThrow(MeasureInputError);
    expect(() => mutualKnn(x, x, 10, 2, 2)).toThrow('mutual kNN with k = 10 needs more than 10 images, but there are 10; lower k below 10 or record more probe images');
    expect(() => mutualKnn(x, x, 10, 2, 2, { k: 0 })).toThrow('k = 0 must be a positive integer');
    const bad = Float64Array.from(x);
    bad[5] = Number.NaN;
    expect(() => mutualKnn(bad, x, 10, 2, 2, { k: 3 })).toThrow('mutual kNN: image 2, unit 1 is not finite (NaN)');
    expect(() => mutualKnnFromLists(nearestNeighbours(x, 10, 2, 3), nearestNeighbours(randn(12, 2, 1), 12, 2, 3))).toThrow(/A has 10 images, B has 12/);
  });
});
