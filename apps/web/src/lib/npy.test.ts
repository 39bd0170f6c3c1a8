import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asMatrix, NpyFormatError, parseNpy } from './npy.ts';

// Fixtures written by numpy (test/fixtures/make_npy_fixtures.py) with their values as JSON.
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/npy');
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, { dtype: string; shape: number[]; values: number[] }>;
const load = (name: string) => readFileSync(path.join(dir, `${name}.npy`));

describe('parseNpy against numpy-written files', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(`reads ${name} (${want.dtype}, shape [${want.shape.join(', ')}]) in C order`, () => {
      const arr = parseNpy(load(name));
      expect(arr.shape).toEqual(want.shape);
      expect(arr.data.length).toBe(want.values.length);
      const tol = want.dtype.endsWith('f4') ? 1e-6 : 0;
      want.values.forEach((v, i) => {
        expect(Math.abs(arr.data[i]! - v)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v)));
      });
    });
  }

  it('accepts an ArrayBuffer as well as a byte view at an offset', () => {
    const bytes = load('f4_c_2d');
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const a = parseNpy(padded.subarray(3));
    const b = parseNpy(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });

  it('keeps float32 as Float32Array and gives a 2-D matrix view', () => {
    const m = asMatrix(parseNpy(load('f4_c_2d')));
    expect(m.data).toBeInstanceOf(Float32Array);
    expect([m.rows, m.cols]).toEqual([5, 7]);
    expect(m.data[2 * 7 + 3]).toBeCloseTo(expected.f4_c_2d!.values[2 * 7 + 3]!, 6);
  });
});

describe('parseNpy rejects bad input with a clear error', () => {
  it('an HTML error page', () => {
    expect(() => parseNpy(new TextEncoder().encode('<html>502 Bad Gateway</html>'))).toThrow(/not a \.npy file/);
  });
  it('truncated data', () => {
    const bytes = load('f4_c_2d');
    expect(() => parseNpy(bytes.subarray(0, bytes.length - 4))).toThrow(/truncated/);
  });
  it('an unsupported dtype', () => {
    const bytes = new Uint8Array(load('f4_c_2d'));
    const text = new TextDecoder('latin1').decode(bytes);
    const i = text.indexOf("'<f4'");
    bytes.set(new TextEncoder().encode("'<c8'"), i);
    expect(() => parseNpy(bytes)).toThrow(NpyFormatError);
    expect(() => parseNpy(bytes)).toThrow(/unsupported npy dtype '<c8'/);
  });
  it('a 3-D array where a matrix is needed', () => {
    expect(() => asMatrix(parseNpy(load('f8_fortran_3d')))).toThrow(/expected a 2-D matrix/);
  });
});
