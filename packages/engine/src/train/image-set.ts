/**
 * The labelled images a network trains, validates and records on: uint8 NHWC pixels (row-major,
 * [count, h, w, c]) and integer labels. Batches become float32 tensors scaled to [0, 1]; training and
 * recording share `batchTensor` so they always see the same normalisation.
 */
import * as tf from '@tensorflow/tfjs';

export interface ImageSet {
  /** uint8 [count, h, w, c], row-major. */
  images: Uint8Array;
  /** Class index per image. */
  labels: Uint8Array | Int32Array;
  count: number;
  shape: [number, number, number];
  classes: number;
}

/** Pixels of `indices` as a float32 [n, h, w, c] tensor in [0, 1]. */
export function batchTensor(set: ImageSet, indices: ArrayLike<number>): tf.Tensor4D {
  const [h, w, c] = set.shape;
  const size = h * w * c;
  const out = new Float32Array(indices.length * size);
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i]! * size;
    const dst = i * size;
    for (let k = 0; k < size; k++) out[dst + k] = set.images[src + k]! / 255;
  }
  return tf.tensor4d(out, [indices.length, h, w, c]);
}

/** Labels of `indices` as an int32 vector. */
export function batchLabels(set: ImageSet, indices: ArrayLike<number>): Int32Array {
  const out = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = set.labels[indices[i]!]!;
  return out;
}

/** Consecutive index ranges [start, end) covering 0..count-1 in steps of `size`. */
export function* ranges(count: number, size: number): Generator<[number, number]> {
  for (let s = 0; s < count; s += size) yield [s, Math.min(count, s + size)];
}

export function rangeIndices(start: number, end: number): Int32Array {
  const idx = new Int32Array(end - start);
  for (let i = 0; i < idx.length; i++) idx[i] = start + i;
  return idx;
}
