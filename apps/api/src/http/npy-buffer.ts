// Arrays the file routes hold as bytes (stored artifacts, responses): decoded and encoded with the engine's .npy
// format module (`@convergent/engine/npy`), and the few transformations the routes serve: transpose, match
// inversion, matched-difference matrices.
import { encodeNpy, parseNpy } from '@convergent/engine/npy';

export interface NpyMatrix {
  shape: number[];
  dtype: 'float32' | 'float64' | 'int32' | 'uint8';
  data: Float32Array | Float64Array | Int32Array | Uint8Array;
}

/** A stored .npy artifact, row-major; only the dtypes the routes serve (others are one error naming the dtype). */
export function decodeNpy(bytes: Uint8Array, label: string): NpyMatrix {
  const arr = parseNpy(bytes, label);
  switch (arr.dtype) {
    case 'float32':
    case 'float64':
    case 'int32':
    case 'uint8':
      return { shape: arr.shape, dtype: arr.dtype, data: arr.data as NpyMatrix['data'] };
    default:
      throw new Error(`${label}: dtype ${arr.dtype} is not served`);
  }
}

export function npyBytes(data: Float32Array | Int32Array | Uint8Array, shape: number[]): Buffer {
  return Buffer.concat(encodeNpy(data, shape));
}

/** Transpose a 2-D matrix to float32 [cols, rows]. */
export function transpose32(m: NpyMatrix): Float32Array {
  const [r, c] = m.shape as [number, number];
  const out = new Float32Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = m.data[i * c + j]!;
  return out;
}

export function toFloat32(m: NpyMatrix): Float32Array {
  return m.data instanceof Float32Array ? m.data : Float32Array.from(m.data);
}

/**
 * Difference of the reference's own correlation structure and the other net's, after matching:
 * D[i, j] = W_A[i, j] - R_AB[i, match[j]] (row-major [p, p]). Zero everywhere when B is A with its units
 * permuted; columns of unmatched units (match -1) are 0.
 */
export function matchedDifference(withinA: NpyMatrix, between: NpyMatrix, match: Int32Array): Float32Array {
  const p = withinA.shape[0]!;
  const q = between.shape[1]!;
  const out = new Float32Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const k = match[j]!;
      out[i * p + j] = k < 0 || k >= q ? 0 : withinA.data[i * p + j]! - between.data[i * q + k]!;
    }
  }
  return out;
}
