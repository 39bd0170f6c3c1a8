import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNpyHeader, NpyFormatError, openNpy, parseNpyHeader, readNpy, writeNpy, type NpyTypedArray } from './npy.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/npy/', import.meta.url));

interface ManifestArray {
  file: string;
  dtype: string;
  descr: string;
  shape: number[];
  fortran: boolean;
  version: number;
  values: string[];
}
const manifest = JSON.parse(await readFile(join(FIXTURES, 'manifest.json'), 'utf8')) as { arrays: ManifestArray[] };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'npy-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectedFloat32(values: string[]): Float32Array {
  return Float32Array.from(values, (v) => Number(v));
}

describe('numpy-written fixtures', () => {
  it('covers every dtype, both byte orders, both memory orders and header versions 1-3', () => {
    const dtypes = new Set(manifest.arrays.map((a) => a.dtype));
    expect([...dtypes].sort()).toEqual(
      ['bool', 'float16', 'float32', 'float64', 'int16', 'int32', 'int64', 'int8', 'uint16', 'uint32', 'uint64', 'uint8'].sort(),
    );
    expect(manifest.arrays.some((a) => a.descr.startsWith('>'))).toBe(true);
    expect(manifest.arrays.some((a) => a.fortran)).toBe(true);
    expect(new Set(manifest.arrays.map((a) => a.version))).toEqual(new Set([1, 2, 3]));
  });

  for (const entry of manifest.arrays) {
    it(`reads ${entry.file} (${entry.descr}, ${entry.fortran ? 'F' : 'C'}, v${entry.version})`, async () => {
      const reader = await openNpy(join(FIXTURES, entry.file));
      try {
        expect(reader.dtype).toBe(entry.dtype);
        expect(reader.shape).toEqual(entry.shape);
        expect(reader.fortranOrder).toBe(entry.fortran);
        expect(reader.version).toBe(entry.version);
        const expected = expectedFloat32(entry.values);
        const all = await reader.readRows(0, reader.rows);
        expect(Array.from(all)).toEqual(Array.from(expected));
        const into = new Float32Array(reader.rows * reader.rowLength + 3);
        // Every contiguous window of rows matches the corresponding slice.
        for (let start = 0; start < reader.rows; start++) {
          for (let count = 0; start + count <= reader.rows; count++) {
            const part = await reader.readRows(start, count);
            const want = expected.subarray(start * reader.rowLength, (start + count) * reader.rowLength);
            expect(Array.from(part)).toEqual(Array.from(want));
            // The same rows into a reused buffer (poisoned first): a view of it, every value written.
            into.fill(Number.NaN);
            const view = await reader.readRows(start, count, into);
            expect(view.buffer).toBe(into.buffer);
            expect(Array.from(view)).toEqual(Array.from(want));
          }
        }
        if (reader.rows * reader.rowLength > 0) {
          await expect(reader.readRows(0, reader.rows, new Float32Array(reader.rows * reader.rowLength - 1))).rejects.toThrow(/readRows into a buffer of/);
        }
      } finally {
        await reader.close();
      }
      // Whole-array read in the native type keeps 64-bit integers exact.
      const full = await readNpy(join(FIXTURES, entry.file));
      expect(full.shape).toEqual(entry.shape);
      const native = Array.from(full.data as ArrayLike<number | bigint>, (v) => String(v));
      if (entry.dtype.startsWith('float')) {
        expect(native.map(Number)).toEqual(entry.values.map((v) => (entry.dtype === 'float64' ? Number(v) : Math.fround(Number(v)))));
      } else {
        expect(native).toEqual(entry.values);
      }
    });
  }
});

describe('bad files', () => {
  const cases: Array<[string, RegExp]> = [
    ['bad_complex.npy', /unsupported dtype complex.*float32/],
    ['bad_unicode.npy', /unsupported dtype unicode string/],
    ['bad_object.npy', /unsupported dtype object/],
    ['bad_structured.npy', /structured dtype/],
    ['bad_magic.npy', /not a \.npy file \(bad magic/],
    ['bad_truncated_data.npy', /truncated.*needs 96 data bytes, found 91/],
    ['bad_truncated_header.npy', /truncated inside the \.npy header/],
    ['bad_header.npy', /malformed \.npy header/],
    ['does_not_exist.npy', /no such file/],
  ];
  for (const [file, pattern] of cases) {
    it(`${file} → one-line error`, async () => {
      const err = await openNpy(join(FIXTURES, file)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(NpyFormatError);
      expect((err as Error).message).toMatch(pattern);
      expect((err as Error).message).not.toContain('\n');
    });
  }

  it('rejects an unsupported format version and rows out of range', async () => {
    const head = encodeNpyHeader('<f4', [2, 2], false);
    const bumped = head.slice();
    bumped[6] = 4;
    expect(() => parseNpyHeader(bumped, 'x.npy')).toThrow(/format version 4\.0/);
    const path = join(dir, 'small.npy');
    await writeNpy(path, new Float32Array(4), [2, 2]);
    const reader = await openNpy(path);
    await expect(reader.readRows(1, 2)).rejects.toThrow(/outside the array's 2 rows/);
    await reader.close();
  });
});

describe('hostile headers', () => {
  /** A format 2.0 file whose header is `text` (uint32 length), followed by `data` bytes. */
  function npyWithHeader(text: string, data = 0): Uint8Array {
    const head = new TextEncoder().encode(text);
    const out = new Uint8Array(12 + head.length + data);
    out.set([0x93, ...new TextEncoder().encode('NUMPY'), 2, 0]);
    new DataView(out.buffer).setUint32(8, head.length, true);
    out.set(head, 12);
    return out;
  }

  it('a header nested 100,000 brackets deep is one error naming the file, not a stack overflow', async () => {
    const path = join(dir, 'nested_header.npy');
    await writeFile(path, npyWithHeader(`{'descr': '<f4', 'fortran_order': False, 'shape': ${'('.repeat(100_000)}${')'.repeat(100_000)}, }`));
    for (const read of [() => readNpy(path), () => openNpy(path)]) {
      const err = await read().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(NpyFormatError);
      expect((err as Error).message).toMatch(/nested_header\.npy: malformed \.npy header \(nested deeper than 16 levels at character \d+\)/);
    }
  });
});

describe('writeNpy round trip', () => {
  const arrays: Array<[string, NpyTypedArray, boolean?]> = [
    ['float32', Float32Array.from({ length: 60 }, (_, i) => i * 0.5 - 3)],
    ['float64', Float64Array.from({ length: 60 }, (_, i) => Math.sin(i) * 1e10)],
    ['int8', Int8Array.from({ length: 60 }, (_, i) => i * 5 - 128)],
    ['uint8', Uint8Array.from({ length: 60 }, (_, i) => i * 4)],
    ['int16', Int16Array.from({ length: 60 }, (_, i) => i * 1000 - 30000)],
    ['uint16', Uint16Array.from({ length: 60 }, (_, i) => i * 1000)],
    ['int32', Int32Array.from({ length: 60 }, (_, i) => (i - 30) * 70_000_000)],
    ['uint32', Uint32Array.from({ length: 60 }, (_, i) => i * 70_000_000)],
    ['int64', BigInt64Array.from({ length: 60 }, (_, i) => BigInt(i - 30) * 2n ** 40n + 7n)],
    ['uint64', BigUint64Array.from({ length: 60 }, (_, i) => BigInt(i) * 2n ** 45n + 3n)],
    ['bool', Uint8Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 1 : 0)), true],
  ];
  const shapes = [[60], [5, 12], [3, 4, 5], [2, 3, 2, 5]];
  for (const [dtype, data, bool] of arrays) {
    for (const shape of shapes) {
      for (const fortranOrder of [false, true]) {
        it(`${dtype} ${JSON.stringify(shape)} ${fortranOrder ? 'F' : 'C'}`, async () => {
          const path = join(dir, `rt_${dtype}_${shape.join('x')}_${fortranOrder}.npy`);
          await writeNpy(path, data, shape, { fortranOrder, bool: bool ?? false });
          const back = await readNpy(path);
          expect(back.dtype).toBe(dtype);
          expect(back.shape).toEqual(shape);
          expect(back.fortranOrder).toBe(fortranOrder && shape.length > 1);
          expect(Array.from(back.data as ArrayLike<unknown>)).toEqual(Array.from(data as ArrayLike<unknown>));
          const reader = await openNpy(path);
          const rows = await reader.readRows(1, reader.rows - 2);
          await reader.close();
          const want = Float32Array.from(data as ArrayLike<number | bigint>, (v) => Number(v)).subarray(
            reader.rowLength,
            (reader.rows - 1) * reader.rowLength,
          );
          expect(Array.from(rows)).toEqual(Array.from(want));
        });
      }
    }
  }

  it('writes header versions 1, 2 and 3, each 64-byte aligned', async () => {
    for (const version of [1, 2, 3] as const) {
      const path = join(dir, `v${version}.npy`);
      await writeNpy(path, new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3], { version });
      const bytes = new Uint8Array(await readFile(path));
      expect(bytes[6]).toBe(version);
      const header = parseNpyHeader(bytes, path);
      expect('version' in header && header.dataOffset % 64).toBe(0);
      const reader = await openNpy(path);
      expect(Array.from(await reader.readRows(0, 2))).toEqual([1, 2, 3, 4, 5, 6]);
      await reader.close();
    }
  });

  it('refuses a shape that does not match the data and leaves no file behind', async () => {
    const path = join(dir, 'mismatch.npy');
    await expect(writeNpy(path, new Float32Array(5), [2, 3])).rejects.toThrow(/holds 6 elements but the data has 5/);
    expect((await readdir(dir)).some((f) => f.includes('mismatch'))).toBe(false);
  });

  it('reads a large Fortran-order array in row chunks (coalesced and strided reads)', async () => {
    // 3000 rows × 40 columns: chunks of 7 rows hit the strided path (gap > run), full reads the coalesced one.
    const n = 3000;
    const d = 40;
    const data = Float64Array.from({ length: n * d }, (_, i) => Math.cos(i) * 100);
    const path = join(dir, 'bigF.npy');
    await writeNpy(path, data, [n, d], { fortranOrder: true });
    const reader = await openNpy(path);
    for (const [start, count] of [
      [0, n],
      [17, 7],
      [2990, 10],
      [1000, 1500],
    ] as const) {
      const rows = await reader.readRows(start, count);
      expect(Array.from(rows)).toEqual(Array.from(Float32Array.from(data.subarray(start * d, (start + count) * d))));
    }
    await reader.close();
  });

  it('reads a tall Fortran-order array: several column groups, and one read per column when gaps are large', async () => {
    // 30000 x 40 float32: a full read spans more than one group of ~1M values; 50-row reads have 117 KiB gaps.
    const n = 30000;
    const d = 40;
    const data = Float32Array.from({ length: n * d }, (_, i) => (i % 9973) - 4000.5);
    const path = join(dir, 'tallF.npy');
    await writeNpy(path, data, [n, d], { fortranOrder: true });
    const reader = await openNpy(path);
    for (const [start, count] of [
      [0, n],
      [100, 50],
      [n - 1, 1],
    ] as const) {
      const rows = await reader.readRows(start, count);
      const want = data.subarray(start * d, (start + count) * d);
      // A plain loop: deep equality on a million-element array is slow in the test runner.
      let firstMismatch = -1;
      for (let i = 0; i < want.length && firstMismatch < 0; i++) if (rows[i] !== want[i]) firstMismatch = i;
      expect(rows.length).toBe(want.length);
      expect(firstMismatch).toBe(-1);
    }
    await reader.close();
  });

  it('fails cleanly when the file is cut short after opening checks (positional read past end)', async () => {
    const path = join(dir, 'cut.npy');
    await writeNpy(path, new Float32Array(20), [4, 5]);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 4));
    await expect(openNpy(path)).rejects.toThrow(/truncated.*needs 80 data bytes, found 76/);
  });
});
