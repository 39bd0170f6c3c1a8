/**
 * The API's .npy routes as the dashboard draws them. The bytes are parsed by the engine's pure .npy format module
 * (`@convergent/engine/npy`, the code that also writes them; every format version, dtype, byte order and memory
 * order): data come back in C (row-major) order, so `data[i * shape[1] + j]` is always element (i, j) of a 2-D array.
 */
import { type NpyDtype, NpyFormatError, type NpyTypedArray, parseNpy as parseNpyBytes } from '@convergent/engine/npy';

export { NpyFormatError };

/** The format's typed arrays less the 64-bit integer ones (widened to Float64Array here). */
export type NpyData = Exclude<NpyTypedArray, BigInt64Array | BigUint64Array>;

export interface NpyArray {
  dtype: NpyDtype;
  shape: number[];
  /** Row-major (C order) values. 64-bit integers are widened to Float64Array, float16 to Float32Array. */
  data: NpyData;
}

/** Parse a fetched .npy file; `label` (e.g. the route's path) names it in errors. */
export function parseNpy(buffer: ArrayBuffer | Uint8Array, label = '.npy response'): NpyArray {
  const arr = parseNpyBytes(buffer, label);
  const data = arr.data instanceof BigInt64Array || arr.data instanceof BigUint64Array ? Float64Array.from(arr.data, Number) : arr.data;
  return { dtype: arr.dtype, shape: arr.shape, data };
}

/** A 2-D float view of an npy array (1-D arrays become one row). */
export function asMatrix(arr: NpyArray): { rows: number; cols: number; data: Float32Array } {
  if (arr.shape.length !== 2 && arr.shape.length !== 1) {
    throw new NpyFormatError(`expected a 2-D matrix, got shape (${arr.shape.join(', ')})`);
  }
  const rows = arr.shape.length === 2 ? arr.shape[0]! : 1;
  const cols = arr.shape.length === 2 ? arr.shape[1]! : arr.shape[0]!;
  const data = arr.data instanceof Float32Array ? arr.data : Float32Array.from(arr.data);
  return { rows, cols, data };
}
