// In-memory .npy reading for artifacts stored as bytes (C order, little-endian numeric dtypes), and the few
// transformations the file routes serve: transpose, match inversion, matched-difference matrices.
import { encodeNpy, parseNpyHeader } from '@convergent/engine/io/npy';

export interface NpyMatrix {
  shape: number[];
  dtype: 'float32' | 'float64' | 'int32' | 'uint8';
  data: Float32Array | Float64Array | Int32Array | Uint8Array;
}

export function decodeNpy(bytes: Uint8Array, label: string): NpyMatrix {
  const header = parseNpyHeader(bytes, label);
  if ('needed' in header) throw new Error(`${label}: truncated .npy header`);
  if (header.fortranOrder) throw new Error(`${label}: Fortran-order .npy is not served; store arrays in C order`);
  if (!header.littleEndian && header.itemSize > 1) throw new Error(`${label}: big-endian .npy is not served`);
  const body = bytes.slice(header.dataOffset, header.dataOffset + header.dataBytes);
  if (body.length !== header.dataBytes) throw new Error(`${label}: truncated .npy data`);
  switch (header.dtype) {
    case 'float32':
      return { shape: header.shape, dtype: 'float32', data: new Float32Array(body.buffer, body.byteOffset, body.length / 4) };
    case 'float64':
      return { shape: header.shape, dtype: 'float64', data: new Float64Array(body.buffer, body.byteOffset, body.length / 8) };
    case 'int32':
      return { shape: header.shape, dtype: 'int32', data: new Int32Array(body.buffer, body.byteOffset, body.length / 4) };
    case 'uint8':
      return { shape: header.shape, dtype: 'uint8', data: body };
    default:
      throw new Error(`${label}: dtype ${header.dtype} is not served`);
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
