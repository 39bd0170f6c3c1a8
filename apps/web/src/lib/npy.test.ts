// The .npy format itself (every numpy-written layout, bad input) is tested with the shared module:
// packages/engine/src/io/npy-format.test.ts. Here: what the dashboard adds on top.
import { encodeNpy, type NpyTypedArray } from '@convergent/engine/npy';
import { describe, expect, it } from 'vitest';
import { asMatrix, NpyFormatError, parseNpy } from './npy.ts';

/** The bytes of a .npy file, as the API's routes send them. */
function npyFile(data: NpyTypedArray, shape: number[], fortranOrder = false): ArrayBuffer {
  const chunks = encodeNpy(data, shape, { fortranOrder });
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out.buffer;
}

describe('parseNpy for the dashboard', () => {
  it('keeps float32 as Float32Array and gives a 2-D matrix view, in C order from a Fortran-order file', () => {
    const values = Float32Array.from({ length: 35 }, (_, i) => Math.fround(i * 0.25 - 3));
    const m = asMatrix(parseNpy(npyFile(values, [5, 7], true)));
    expect(m.data).toBeInstanceOf(Float32Array);
    expect([m.rows, m.cols]).toEqual([5, 7]);
    expect(m.data[2 * 7 + 3]).toBe(values[2 * 7 + 3]);
    expect(Array.from(m.data)).toEqual(Array.from(values));
  });

  it('widens 64-bit integers to numbers (a match vector stays usable as ArrayLike<number>)', () => {
    const arr = parseNpy(npyFile(BigInt64Array.from([5n, -2n, 2n ** 40n]), [3]));
    expect(arr.data).toBeInstanceOf(Float64Array);
    expect(Array.from(arr.data)).toEqual([5, -2, 2 ** 40]);
    expect(asMatrix(arr)).toEqual({ rows: 1, cols: 3, data: Float32Array.from([5, -2, 2 ** 40]) });
  });

  it('names the response in a format error', () => {
    expect(() => parseNpy(new TextEncoder().encode('<html>502 Bad Gateway</html>'), '/files/layers/1/within.npy')).toThrow(
      /\/files\/layers\/1\/within\.npy: not a \.npy file/,
    );
  });

  it('a 3-D array where a matrix is needed', () => {
    const arr = parseNpy(npyFile(Float64Array.from({ length: 24 }, (_, i) => i), [3, 4, 2], true));
    expect(() => asMatrix(arr)).toThrow(NpyFormatError);
    expect(() => asMatrix(arr)).toThrow(/expected a 2-D matrix/);
  });
});
