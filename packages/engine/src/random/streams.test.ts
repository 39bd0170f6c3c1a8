import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { validateArchitectureSpec } from '../spec/architecture-spec.ts';
import { buildModel } from '../spec/build-model.ts';
import { presetArchitecture } from '../spec/presets.ts';
import { epochOrder } from '../train/train-network.ts';
import { canonicalJson, familyKey, fnv1a64, hash64, networkKey, splitmix64, streamSeed } from './streams.ts';

beforeAll(async () => {
  await selectBackend();
});

describe('stream hashing', () => {
  it('FNV-1a-64 and the SplitMix64 finaliser match their published test vectors (and Python big-int arithmetic)', () => {
    // FNV-1a 64: http://www.isthe.com/chongo/src/fnv/test_fnv.c ; SplitMix64: first output from state 0 (Vigna's splitmix64.c).
    expect(fnv1a64('')).toBe(0xcbf29ce484222325n);
    expect(fnv1a64('a')).toBe(0xaf63dc4c8601ec8cn);
    expect(fnv1a64('foobar')).toBe(0x85944171f73967e8n);
    expect(splitmix64(0x9e3779b97f4a7c15n)).toBe(0xe220a8397b1dcdafn);
    // Cross-checked with Python integers (UTF-8 bytes, non-ASCII included).
    expect(hash64('family/1')).toBe(0x3fde0cfd0cca5408n);
    expect(hash64('é/x')).toBe(0xbee3d1cdd78bafcfn);
    expect(familyKey(1)).toBe('3fde0cfd0cca5408');
    expect(streamSeed('3fde0cfd0cca5408', 'data-order', 1)).toBe(Number(hash64('3fde0cfd0cca5408/data-order/1') >> 32n));
  });

  it('canonical JSON sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, e: 'x' }], c: null })).toBe('{"a":[{"d":2,"e":"x"}],"b":1,"c":null}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('the network key depends on the resolved architecture and the seed, not on key order or record flags', () => {
    const lenet = presetArchitecture('lenet');
    expect(networkKey(lenet, 1)).toMatch(/^[0-9a-f]{16}$/);
    expect(networkKey(lenet, 1)).toBe(networkKey(presetArchitecture('lenet'), 1));
    expect(networkKey(lenet, 1)).not.toBe(networkKey(lenet, 2));
    expect(networkKey(lenet, 1)).not.toBe(networkKey(presetArchitecture('lenet-x2'), 1));
    // The same architecture written with other key order / defaults spelled out, and other recorded layers.
    const spelled = validateArchitectureSpec({
      layers: lenet.layers.map((l) => Object.fromEntries(Object.entries({ ...l, record: false }).reverse())),
      inputShape: lenet.inputShape,
      name: lenet.name,
    });
    expect(networkKey(spelled, 1)).toBe(networkKey(lenet, 1));
    // Defaults left out or spelled out resolve to the same spec, hence the same network.
    const terse = validateArchitectureSpec({ name: 't', inputShape: [8, 8, 1], layers: [{ type: 'conv', filters: 2, kernel: 3 }, { type: 'flatten' }, { type: 'dense', units: 3 }] });
    const verbose = validateArchitectureSpec({
      name: 't',
      inputShape: [8, 8, 1],
      layers: [{ type: 'conv', name: 'conv0', filters: 2, kernel: 3, stride: 1, padding: 'same', activation: 'relu' }, { type: 'flatten', name: 'flatten1' }, { type: 'dense', name: 'dense2', units: 3, activation: 'linear' }],
    });
    expect(networkKey(verbose, 5)).toBe(networkKey(terse, 5));
    // One layer changed (a wider fc1) is another network.
    const wider = validateArchitectureSpec({ ...lenet, layers: lenet.layers.map((l) => (l.name === 'fc1' ? { ...l, units: 129 } : l)) });
    expect(networkKey(wider, 1)).not.toBe(networkKey(lenet, 1));
  });
});

/** Pearson correlation of two equally long arrays. */
function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]! - ma;
    const y = b[i]! - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** The kernel of `layer` as [rows, cols] (conv [kh, kw, cin, cout] flattened to [kh·kw·cin, cout]). */
function kernel(model: tf.LayersModel, layer: string): { data: Float32Array; rows: number; cols: number } {
  const w = model.getLayer(layer).getWeights()[0]!;
  const cols = w.shape[w.shape.length - 1]!;
  const data = w.dataSync() as Float32Array;
  return { data: data.slice(), rows: data.length / cols, cols };
}

/** The entries of `k` at rows < rows, cols < cols (the index range two kernels have in common), row-major. */
function common(k: { data: Float32Array; cols: number }, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = k.data[r * k.cols + c]!;
  return out;
}

describe('initial weights of different networks are independent', () => {
  // Under independence the sample correlation of n pairs is ≈ N(0, 1/n): |r| < 4/√n fails by chance with
  // probability ≈ 6e-5 per comparison. With the old streams (seed, layer index) the same seed gave lenet and
  // lenet-x2 the same uniform sequence, so the raw-order correlation was 1 and fc1 units shared their weights.
  const bound = (n: number) => 4 / Math.sqrt(n);

  it('lenet and lenet-x2 from the same seed: kernels uncorrelated over the common index range and in raw order; the same network twice is identical', () => {
    const a = buildModel(presetArchitecture('lenet'), 1).model;
    const a2 = buildModel(presetArchitecture('lenet'), 1).model;
    const b = buildModel(presetArchitecture('lenet-x2'), 1).model;
    const other = buildModel(presetArchitecture('lenet'), 2).model;
    try {
      for (const layer of ['conv1', 'conv2', 'fc1', 'out']) {
        const ka = kernel(a, layer);
        const kb = kernel(b, layer);
        expect(kernel(a2, layer).data).toEqual(ka.data); // bit-identical
        // Same (input, unit) index in both nets: rows/cols both in range (conv2's and fc1's inputs differ in
        // count, so the common rows are the first min(rows) inputs).
        const rows = Math.min(ka.rows, kb.rows);
        const cols = Math.min(ka.cols, kb.cols);
        const r = pearson(common(ka, rows, cols), common(kb, rows, cols));
        expect(Math.abs(r), `${layer} common-index r`).toBeLessThan(bound(rows * cols));
        // Raw draw order (what a shared uniform stream would correlate, whatever the layout).
        const n = Math.min(ka.data.length, kb.data.length);
        const raw = pearson(ka.data.subarray(0, n), kb.data.subarray(0, n));
        expect(Math.abs(raw), `${layer} raw-order r`).toBeLessThan(bound(n));
        // And another seed of the same architecture.
        const ko = kernel(other, layer);
        expect(Math.abs(pearson(ka.data, ko.data)), `${layer} seed 1 vs 2`).toBeLessThan(bound(ka.data.length));
      }
    } finally {
      for (const m of [a, a2, b, other]) m.dispose();
    }
  });
});

describe('data order', () => {
  const lenet1 = networkKey(presetArchitecture('lenet'), 1);
  const lenet1b = networkKey(presetArchitecture('lenet'), 1);
  const wide1 = networkKey(presetArchitecture('lenet-x2'), 1);
  const lenet2 = networkKey(presetArchitecture('lenet'), 2);

  it('shared (the default): every network of the family sees the same permutation per epoch, from the family seed', () => {
    const o = epochOrder(500, 1, lenet1, { dataOrderSeed: 7 });
    expect(epochOrder(500, 1, wide1, { dataOrder: 'shared', dataOrderSeed: 7 })).toEqual(o);
    expect(epochOrder(500, 1, lenet2, { dataOrderSeed: 7 })).toEqual(o);
    expect([...o].sort((x, y) => x - y)).toEqual(Array.from({ length: 500 }, (_, i) => i)); // a permutation
    expect(epochOrder(500, 2, lenet1, { dataOrderSeed: 7 })).not.toEqual(o); // reshuffled each epoch
    expect(epochOrder(500, 1, lenet1, { dataOrderSeed: 8 })).not.toEqual(o); // another family
  });

  it('per-network: the order follows the network identity (same network → same order; another architecture or seed → another)', () => {
    const o = epochOrder(500, 1, lenet1, { dataOrder: 'per-network', dataOrderSeed: 7 });
    expect(epochOrder(500, 1, lenet1b, { dataOrder: 'per-network', dataOrderSeed: 99 })).toEqual(o); // family seed unused
    expect(epochOrder(500, 1, wide1, { dataOrder: 'per-network' })).not.toEqual(o);
    expect(epochOrder(500, 1, lenet2, { dataOrder: 'per-network' })).not.toEqual(o);
    expect(epochOrder(500, 2, lenet1, { dataOrder: 'per-network' })).not.toEqual(o);
    // Orders of two networks agree at about 1 of n positions, as independent permutations do.
    const w = epochOrder(500, 1, wide1, { dataOrder: 'per-network' });
    expect(o.filter((v, i) => v === w[i]).length).toBeLessThan(8); // Poisson(1): P(≥ 8) ≈ 1e-5
  });
});
