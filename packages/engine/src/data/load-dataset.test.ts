import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { writeNpy } from '../io/npy.ts';
import { loadDataset } from './load-dataset.ts';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), 'convergent-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function idx(shape: number[], data: Uint8Array, type = 0x08): Uint8Array {
  const head = new Uint8Array(4 + 4 * shape.length);
  head[2] = type;
  head[3] = shape.length;
  const v = new DataView(head.buffer);
  shape.forEach((d, i) => v.setUint32(4 + 4 * i, d, false));
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(data, head.length);
  return out;
}

/** 5 images of 3x4 with pixel value = 10*image + position, labels = image % 3. */
function synthetic(): { images: Uint8Array; labels: Uint8Array } {
  const images = new Uint8Array(5 * 12);
  for (let i = 0; i < images.length; i++) images[i] = 10 * Math.floor(i / 12) + (i % 12);
  return { images, labels: Uint8Array.from([0, 1, 2, 0, 1]) };
}

describe('built-in datasets', () => {
  it('parses MNIST into 10,000 uint8 28x28 digits, caches it, and serves later loads from the cache', async () => {
    const cacheDir = path.join(dir, 'cache-mnist');
    const ds = await loadDataset('mnist', { cacheDir });
    expect([ds.n, ds.height, ds.width, ds.channels, ds.classes]).toEqual([10_000, 28, 28, 1, 10]);
    const counts = new Array<number>(10).fill(0);
    for (const l of ds.labels) counts[l]!++;
    expect(counts.every((c) => c > 800 && c < 1200)).toBe(true);
    // Digits are mostly background with bright strokes.
    let zeros = 0;
    let bright = 0;
    for (const p of ds.images) {
      if (p === 0) zeros++;
      if (p > 250) bright++;
    }
    expect(zeros / ds.images.length).toBeGreaterThan(0.6);
    expect(bright).toBeGreaterThan(0);
    // Cross-check the byte scanner against JSON.parse on the class-0 file.
    const file = path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits', '0.json');
    const parsed = (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data;
    expect(Array.from(ds.images.subarray(0, parsed.length))).toEqual(parsed.map((v) => Math.round(v * 255)));
    expect(ds.labels[parsed.length / 784 - 1]).toBe(0);
    expect(ds.labels[parsed.length / 784]).toBe(1);

    // Tamper with the cached labels: a second load must return the tampered copy (it read the cache).
    const labelsFile = path.join(cacheDir, 'mnist.v1.labels');
    const raw = readFileSync(labelsFile);
    expect(Array.from(raw.subarray(0, 3))).toEqual(Array.from(ds.labels.subarray(0, 3)));
    raw[0] = (raw[0]! + 1) % 10;
    writeFileSync(labelsFile, raw);
    const again = await loadDataset('mnist', { cacheDir });
    expect(again.labels[0]).toBe(raw[0]);
    expect(Buffer.compare(Buffer.from(again.images), Buffer.from(ds.images))).toBe(0);

    // A truncated cache is detected and rebuilt from the package.
    writeFileSync(path.join(cacheDir, 'mnist.v1.images'), new Uint8Array(10));
    const rebuilt = await loadDataset('mnist', { cacheDir });
    expect(rebuilt.labels[0]).toBe(ds.labels[0]);
    expect(rebuilt.images.length).toBe(ds.images.length);
  });

  it('parses Fashion-MNIST into 70,000 images, 7,000 per class, honouring CONVERGENT_CACHE_DIR', async () => {
    const cacheDir = path.join(dir, 'cache-env');
    process.env.CONVERGENT_CACHE_DIR = cacheDir;
    try {
      const ds = await loadDataset('fashion-mnist');
      expect([ds.n, ds.height, ds.width, ds.channels, ds.classes]).toEqual([70_000, 28, 28, 1, 10]);
      const counts = new Array<number>(10).fill(0);
      for (const l of ds.labels) counts[l]!++;
      expect(counts).toEqual(new Array(10).fill(7000));
      expect(readFileSync(path.join(cacheDir, 'fashion-mnist.v1.labels')).length).toBe(70_000);
      const file = path.join(path.dirname(require.resolve('fashion-mnist/package.json')), 'src', 'clothes', '9.json');
      const parsed = (JSON.parse(readFileSync(file, 'utf8')) as { data: number[][] }).data;
      expect(Array.from(ds.images.subarray(63_000 * 784, 63_002 * 784))).toEqual([...parsed[0]!, ...parsed[1]!]);
    } finally {
      delete process.env.CONVERGENT_CACHE_DIR;
    }
  });

  it('rejects an unknown dataset name with the list of choices', async () => {
    await expect(loadDataset('cifar' as never)).rejects.toThrow(/unknown dataset "cifar"; use one of mnist, fashion-mnist/);
  });
});

describe('IDX import', () => {
  it('reads plain and gzip-compressed ubyte images and labels', async () => {
    const { images, labels } = synthetic();
    writeFileSync(path.join(dir, 'a-images.idx3-ubyte'), idx([5, 3, 4], images));
    writeFileSync(path.join(dir, 'a-labels.idx1-ubyte.gz'), gzipSync(idx([5], labels)));
    const ds = await loadDataset({ idx: { images: path.join(dir, 'a-images.idx3-ubyte'), labels: path.join(dir, 'a-labels.idx1-ubyte.gz') } });
    expect([ds.n, ds.height, ds.width, ds.channels, ds.classes]).toEqual([5, 3, 4, 1, 3]);
    expect(Array.from(ds.images)).toEqual(Array.from(images));
    expect(Array.from(ds.labels)).toEqual(Array.from(labels));
  });

  it('names the problem: missing file, bad magic, truncated data, wrong type, count mismatch', async () => {
    const { images, labels } = synthetic();
    const good = path.join(dir, 'good-images.idx');
    writeFileSync(good, idx([5, 3, 4], images));
    const lab = path.join(dir, 'good-labels.idx');
    writeFileSync(lab, idx([5], labels));
    const load = (i: string, l: string) => loadDataset({ idx: { images: i, labels: l } });
    await expect(load(path.join(dir, 'nope.idx'), lab)).rejects.toThrow(/nope\.idx: no such file/);
    writeFileSync(path.join(dir, 'magic.idx'), Uint8Array.from([1, 2, 3, 4, 5]));
    await expect(load(path.join(dir, 'magic.idx'), lab)).rejects.toThrow(/not an IDX file/);
    writeFileSync(path.join(dir, 'short.idx'), idx([5, 3, 4], images).subarray(0, 30));
    await expect(load(path.join(dir, 'short.idx'), lab)).rejects.toThrow(/truncated/);
    writeFileSync(path.join(dir, 'float.idx'), idx([5, 3, 4], images, 0x0d));
    await expect(load(path.join(dir, 'float.idx'), lab)).rejects.toThrow(/float is not supported/);
    writeFileSync(path.join(dir, 'four-labels.idx'), idx([4], labels.subarray(0, 4)));
    await expect(load(good, path.join(dir, 'four-labels.idx'))).rejects.toThrow(/5 images but 4 labels/);
  });
});

describe('.npy import', () => {
  it('reads uint8 [n,h,w] and float [0,1] [n,h,w,c] images with int64 labels', async () => {
    const { images, labels } = synthetic();
    await writeNpy(path.join(dir, 'u8.npy'), images, [5, 3, 4]);
    await writeNpy(path.join(dir, 'lab.npy'), BigInt64Array.from(Array.from(labels, (l) => BigInt(l))), [5]);
    const ds = await loadDataset({ npy: { images: path.join(dir, 'u8.npy'), labels: path.join(dir, 'lab.npy') } }, { classes: 4 });
    expect([ds.name, ds.n, ds.height, ds.width, ds.channels, ds.classes]).toEqual(['u8', 5, 3, 4, 1, 4]);
    expect(Array.from(ds.images)).toEqual(Array.from(images));
    expect(Array.from(ds.labels)).toEqual(Array.from(labels));

    const f = Float32Array.from(images, (p) => p / 255);
    await writeNpy(path.join(dir, 'f.npy'), f, [5, 2, 3, 2]);
    const df = await loadDataset({ npy: { images: path.join(dir, 'f.npy'), labels: path.join(dir, 'lab.npy') } });
    expect([df.height, df.width, df.channels]).toEqual([2, 3, 2]);
    expect(Array.from(df.images)).toEqual(Array.from(images));
  });

  it('rejects label/image count mismatch, float labels, bad shapes and out-of-range pixels', async () => {
    const { images } = synthetic();
    await writeNpy(path.join(dir, 'img.npy'), images, [5, 3, 4]);
    await writeNpy(path.join(dir, 'lab4.npy'), Int32Array.from([0, 1, 2, 3]), [4]);
    await writeNpy(path.join(dir, 'labf.npy'), Float32Array.from([0, 1, 2, 3, 4]), [5]);
    await writeNpy(path.join(dir, 'lab5.npy'), Int32Array.from([0, 1, 2, 3, 4]), [5]);
    await writeNpy(path.join(dir, 'flat.npy'), images, [5, 12]);
    await writeNpy(path.join(dir, 'big.npy'), Float32Array.from(images, (p) => p * 10), [5, 3, 4]);
    const load = (i: string, l: string) => loadDataset({ npy: { images: path.join(dir, i), labels: path.join(dir, l) } });
    await expect(load('img.npy', 'lab4.npy')).rejects.toThrow(/5 images but 4 labels/);
    await expect(load('img.npy', 'labf.npy')).rejects.toThrow(/labels must be integers/);
    await expect(load('flat.npy', 'lab5.npy')).rejects.toThrow(/shape \[n, height, width\]/);
    await expect(load('big.npy', 'lab5.npy')).rejects.toThrow(/outside \[0, 255\]/);
    await expect(load('missing.npy', 'lab5.npy')).rejects.toThrow(/missing\.npy: no such file/);
  });
});
