// The pure .npy format (`@convergent/engine/npy`): whole arrays parsed from bytes held in memory (how the dashboard
// reads the API's .npy routes and the API reads stored artifacts), header validation and encoding round trips.
// Streamed reading from files is npy.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readNpy } from './npy.ts';
import { encodeNpy, NpyFormatError, parseNpy, parseNpyHeader, type NpyTypedArray } from './npy-format.ts';

// Fixtures written by numpy (test/fixtures/make_npy_bytes.py) with their values as JSON.
const BYTES = fileURLToPath(new URL('../../test/fixtures/npy-bytes/', import.meta.url));
const expected = JSON.parse(readFileSync(join(BYTES, 'expected.json'), 'utf8')) as Record<string, { dtype: string; shape: number[]; values: number[] }>;
const load = (name: string) => readFileSync(join(BYTES, `${name}.npy`));

// Every dtype, byte order, memory order and header version (test/fixtures/make_npy.py), also read by npy.test.ts.
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/npy/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { arrays: Array<{ file: string; dtype: string; shape: number[] }> };

describe('parseNpy against numpy-written files', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(`reads ${name} (${want.dtype}, shape [${want.shape.join(', ')}]) in C order`, () => {
      const arr = parseNpy(load(name));
      expect(arr.shape).toEqual(want.shape);
      expect(arr.data.length).toBe(want.values.length);
      const tol = want.dtype.endsWith('f4') ? 1e-6 : 0;
      want.values.forEach((v, i) => {
        expect(Math.abs(Number(arr.data[i]!) - v)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v)));
      });
    });
  }

  it('accepts an ArrayBuffer as well as a byte view at an offset, and leaves the input unchanged', () => {
    const bytes = load('f4_bigendian');
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const before = padded.slice();
    const a = parseNpy(padded.subarray(3));
    const b = parseNpy(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    expect(Array.from(a.data as ArrayLike<unknown>)).toEqual(Array.from(b.data as ArrayLike<unknown>));
    expect(padded).toEqual(before);
  });

  it('keeps float32 as Float32Array', () => {
    expect(parseNpy(load('f4_c_2d')).data).toBeInstanceOf(Float32Array);
  });

  for (const entry of manifest.arrays) {
    it(`${entry.file}: the same array as the file reader's readNpy`, async () => {
      const path = join(FIXTURES, entry.file);
      const arr = parseNpy(readFileSync(path), entry.file);
      const fromFile = await readNpy(path);
      expect(arr.dtype).toBe(entry.dtype);
      expect(arr.shape).toEqual(entry.shape);
      expect(arr.data.constructor).toBe(fromFile.data.constructor);
      expect(Array.from(arr.data as ArrayLike<unknown>)).toEqual(Array.from(fromFile.data as ArrayLike<unknown>));
    });
  }
});

describe('parseNpy rejects bad input with a clear error', () => {
  it('an HTML error page', () => {
    expect(() => parseNpy(new TextEncoder().encode('<html>502 Bad Gateway</html>'))).toThrow(/not a \.npy file/);
    expect(() => parseNpy(new TextEncoder().encode('<html>'))).toThrow(/not a \.npy file/);
  });
  it('truncated data', () => {
    const bytes = load('f4_c_2d');
    expect(() => parseNpy(bytes.subarray(0, bytes.length - 4), 'm.npy')).toThrow(/m\.npy: file is truncated .*needs 140 data bytes, found 136/);
  });
  it('a truncated header', () => {
    expect(() => parseNpy(load('f4_c_2d').subarray(0, 40))).toThrow(/truncated inside the \.npy header/);
  });
  it('an unsupported dtype', () => {
    const bytes = new Uint8Array(load('f4_c_2d'));
    const text = new TextDecoder('latin1').decode(bytes);
    const i = text.indexOf("'<f4'");
    bytes.set(new TextEncoder().encode("'<c8'"), i);
    expect(() => parseNpy(bytes)).toThrow(NpyFormatError);
    expect(() => parseNpy(bytes)).toThrow(/unsupported dtype complex \('<c8'\)/);
  });
  it('the bad fixtures of the file reader, with the same messages', () => {
    const cases: Array<[string, RegExp]> = [
      ['bad_complex.npy', /unsupported dtype complex.*float32/],
      ['bad_structured.npy', /structured dtype/],
      ['bad_magic.npy', /not a \.npy file \(bad magic/],
      ['bad_truncated_data.npy', /truncated.*needs 96 data bytes, found 91/],
      ['bad_truncated_header.npy', /truncated inside the \.npy header/],
      ['bad_header.npy', /malformed \.npy header/],
    ];
    for (const [file, pattern] of cases) {
      expect(() => parseNpy(readFileSync(join(FIXTURES, file)), file)).toThrow(pattern);
    }
  });
});

describe('headers', () => {
  it('a shape with more elements than a file can hold is refused', () => {
    const head = new TextEncoder().encode(`{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }`);
    const bytes = new Uint8Array(12 + head.length);
    bytes.set([0x93, ...new TextEncoder().encode('NUMPY'), 2, 0]);
    new DataView(bytes.buffer).setUint32(8, head.length, true);
    bytes.set(head, 12);
    expect(() => parseNpyHeader(bytes, 'huge.npy')).toThrow(/huge\.npy: .*more elements than any file can hold/);
  });
});

describe('encodeNpy → parseNpy round trip in memory', () => {
  const arrays: NpyTypedArray[] = [
    Float64Array.from({ length: 24 }, (_, i) => Math.sin(i) * 1e10),
    Int32Array.from({ length: 24 }, (_, i) => (i - 12) * 70_000_000),
    BigInt64Array.from({ length: 24 }, (_, i) => BigInt(i - 12) * 2n ** 40n + 7n),
  ];
  for (const data of arrays) {
    for (const fortranOrder of [false, true]) {
      it(`${data.constructor.name} [2, 3, 4] ${fortranOrder ? 'F' : 'C'}`, () => {
        const chunks = encodeNpy(data, [2, 3, 4], { fortranOrder });
        const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.length;
        }
        const back = parseNpy(bytes);
        expect(back.fortranOrder).toBe(fortranOrder);
        expect(back.shape).toEqual([2, 3, 4]);
        expect(Array.from(back.data as ArrayLike<unknown>)).toEqual(Array.from(data as ArrayLike<unknown>));
      });
    }
  }
});
