/**
 * A labelled image dataset held compactly in memory, its seeded train / validation / probe split, and
 * batches as normalised float32 tensors.
 *
 * Images are uint8 pixels, row-major NHWC (`images[((i * height + y) * width + x) * channels + c]`),
 * labels one uint8 class index per image (so at most 256 classes).
 */
import * as tf from '@tensorflow/tfjs';
import { seededPermutation } from '../random/seeded-random.ts';

export interface Dataset {
  /** `mnist`, `fashion-mnist`, or a name derived from imported files. */
  name: string;
  /** uint8 [n, height, width, channels], row-major. */
  images: Uint8Array;
  /** Class index per image, in [0, classes). */
  labels: Uint8Array;
  n: number;
  height: number;
  width: number;
  channels: number;
  classes: number;
}

export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** Check a dataset's arrays agree with its shape; throws a one-line `DatasetError` otherwise. */
export function checkDataset(ds: Dataset): Dataset {
  const { name, n, height, width, channels, classes } = ds;
  for (const [k, v] of Object.entries({ n, height, width, channels, classes })) {
    if (!Number.isInteger(v) || v < 1) throw new DatasetError(`dataset ${name}: ${k} must be a positive integer, got ${v}`);
  }
  if (classes > 256) throw new DatasetError(`dataset ${name}: ${classes} classes; at most 256 are supported (uint8 labels)`);
  if (ds.images.length !== n * height * width * channels) {
    throw new DatasetError(
      `dataset ${name}: ${ds.images.length} pixels do not make ${n} images of ${height}x${width}x${channels}`,
    );
  }
  if (ds.labels.length !== n) throw new DatasetError(`dataset ${name}: ${ds.labels.length} labels for ${n} images`);
  for (let i = 0; i < n; i++) {
    if (ds.labels[i]! >= classes) {
      throw new DatasetError(`dataset ${name}: label ${ds.labels[i]} of image ${i} is not below the class count ${classes}`);
    }
  }
  return ds;
}

export interface SplitOptions {
  /** Seed of the permutation; the same seed always gives the same split. */
  seed: number;
  /** Validation images (default: 10% of the dataset, at most 10,000). */
  validation?: number;
  /** Probe images recorded and aligned on (default: 10% of the dataset, at most 2,000). */
  probe?: number;
}

export interface DatasetSplit {
  /** Image indices, ascending within each part; the three parts are disjoint and cover the dataset. */
  train: Uint32Array;
  validation: Uint32Array;
  probe: Uint32Array;
}


/**
 * Split a dataset into disjoint train / validation / probe index sets from a seeded permutation: the
 * first `validation` permuted indices validate, the next `probe` are the probe set, the rest train.
 */
export function splitDataset(ds: Pick<Dataset, 'n' | 'name'>, options: SplitOptions): DatasetSplit {
  const { n } = ds;
  const validation = options.validation ?? Math.min(10_000, Math.floor(n / 10));
  const probe = options.probe ?? Math.min(2_000, Math.floor(n / 10));
  if (!Number.isInteger(options.seed)) throw new DatasetError(`split seed must be an integer, got ${options.seed}`);
  for (const [k, v] of Object.entries({ validation, probe })) {
    if (!Number.isInteger(v) || v < 0) throw new DatasetError(`split ${k} must be a non-negative integer, got ${v}`);
  }
  if (validation + probe >= n) {
    throw new DatasetError(
      `dataset ${ds.name} has ${n} images: validation ${validation} + probe ${probe} leaves none to train on; lower them`,
    );
  }
  const perm = Uint32Array.from(seededPermutation(n, options.seed));
  const sorted = (a: Uint32Array): Uint32Array => a.slice().sort();
  return {
    validation: sorted(perm.subarray(0, validation)),
    probe: sorted(perm.subarray(validation, validation + probe)),
    train: sorted(perm.subarray(validation + probe)),
  };
}

/** Pixels of `indices` as a float32 NHWC tensor scaled to [0, 1] (pixel / 255). */
export function imagesTensor(ds: Dataset, indices: ArrayLike<number>): tf.Tensor4D {
  const size = ds.height * ds.width * ds.channels;
  const out = new Float32Array(indices.length * size);
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i]!;
    if (!(index >= 0 && index < ds.n)) throw new DatasetError(`dataset ${ds.name}: image index ${index} is out of range 0..${ds.n - 1}`);
    const src = index * size;
    const dst = i * size;
    for (let k = 0; k < size; k++) out[dst + k] = ds.images[src + k]! / 255;
  }
  return tf.tensor4d(out, [indices.length, ds.height, ds.width, ds.channels]);
}

/** Labels of `indices`: as an int32 vector, or one-hot float32 [count, classes] with `oneHot`. */
export function labelsTensor(ds: Dataset, indices: ArrayLike<number>, oneHot = false): tf.Tensor {
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) labels[i] = ds.labels[indices[i]!]!;
  if (!oneHot) return tf.tensor1d(labels, 'int32');
  const hot = new Float32Array(indices.length * ds.classes);
  for (let i = 0; i < labels.length; i++) hot[i * ds.classes + labels[i]!] = 1;
  return tf.tensor2d(hot, [indices.length, ds.classes]);
}

