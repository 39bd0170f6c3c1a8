import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NpyFormatError } from './npy.ts';
import { crc32, openNpz, writeNpz } from './npz.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/npy/', import.meta.url));
const manifest = JSON.parse(await readFile(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  archives: Record<string, { shape: number[]; values: string[] }>;
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'npz-test-'));
});
const originalTmp = process.env.TMPDIR;
afterAll(async () => {
  if (originalTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmp;
  await rm(dir, { recursive: true, force: true });
});

/** Inflated entries go to os.tmpdir(); point it at a private folder so parallel test files do not interfere. */
async function privateTmp(): Promise<string> {
  const own = join(dir, 'tmp');
  await mkdir(own, { recursive: true });
  process.env.TMPDIR = own;
  return own;
}

describe('numpy-written archives', () => {
  for (const file of ['stored.npz', 'deflated.npz']) {
    it(`reads every entry of ${file}`, async () => {
      const archive = await openNpz(join(FIXTURES, file));
      expect([...archive.keys].sort()).toEqual(['acts', 'fort', 'ids']);
      expect(archive.entries.every((e) => e.compression === (file === 'stored.npz' ? 'stored' : 'deflate'))).toBe(true);
      const own = await privateTmp();
      let sawTemp = false;
      for (const [key, want] of Object.entries(manifest.archives)) {
        const reader = await archive.open(key);
        expect(reader.shape).toEqual(want.shape);
        expect(reader.label).toBe(`${join(FIXTURES, file)}:${key}`);
        sawTemp ||= (await readdir(own)).some((f) => f.startsWith('convergent-npz-'));
        const rows = await reader.readRows(1, reader.rows - 1);
        const expected = Float32Array.from(want.values, Number).subarray(reader.rowLength);
        expect(Array.from(rows)).toEqual(Array.from(expected));
        await reader.close();
      }
      expect(archive.entries.find((e) => e.key === 'fort')).toBeDefined();
      await archive.close();
      // Deflated entries are inflated to a temporary file, removed when their readers close.
      expect(sawTemp).toBe(file === 'deflated.npz');
      expect(await readdir(own)).toEqual([]);
    });
  }

  it('names the available keys when one is missing', async () => {
    const archive = await openNpz(join(FIXTURES, 'stored.npz'));
    await expect(archive.open('nope')).rejects.toThrow(/no array 'nope'.*'acts', 'ids', 'fort'/);
    await archive.close();
  });

  it('rejects a truncated archive and a non-zip file', async () => {
    await expect(openNpz(join(FIXTURES, 'bad_truncated.npz'))).rejects.toThrow(/not a \.npz archive or truncated/);
    await expect(openNpz(join(FIXTURES, 'f4_le_C.npy'))).rejects.toThrow(NpyFormatError);
    await expect(openNpz(join(FIXTURES, 'missing.npz'))).rejects.toThrow(/no such file/);
  });

  it('detects a corrupted deflated entry by inflate error or CRC', async () => {
    const bytes = new Uint8Array(await readFile(join(FIXTURES, 'deflated.npz')));
    const archive = await openNpz(join(FIXTURES, 'deflated.npz'));
    const entry = archive.entries[0]!;
    await archive.close();
    const broken = bytes.slice();
    // Flip bytes in the middle of the first entry's compressed data.
    const mid = entry.localHeaderOffset + 30 + entry.fileName.length + 40 + Math.floor(entry.compressedSize / 2);
    for (let i = 0; i < 8; i++) broken[mid + i] = broken[mid + i]! ^ 0x5a;
    const path = join(dir, 'corrupt.npz');
    await writeFile(path, broken);
    const bad = await openNpz(path);
    await expect(bad.open(entry.key)).rejects.toThrow(/cannot be inflated|size\/CRC check/);
    await bad.close();
  });
});

describe('writeNpz', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  for (const compress of [false, true]) {
    it(`round-trips ${compress ? 'deflated' : 'stored'} entries of several dtypes and orders`, async () => {
      const a = Float32Array.from({ length: 24 }, (_, i) => i - 10.5);
      const b = Float64Array.from({ length: 30 }, (_, i) => Math.exp(i / 7));
      const c = Int32Array.from({ length: 12 }, (_, i) => i * 1000003);
      const path = join(dir, `rt_${compress}.npz`);
      await writeNpz(
        path,
        {
          a: { data: a, shape: [4, 6] },
          b: { data: b, shape: [5, 3, 2], fortranOrder: true },
          c: { data: c, shape: [12] },
        },
        { compress },
      );
      const archive = await openNpz(path);
      expect(archive.keys).toEqual(['a', 'b', 'c']);
      for (const [key, data, rowLength] of [
        ['a', a, 6],
        ['b', b, 6],
        ['c', c, 1],
      ] as const) {
        const reader = await archive.open(key);
        expect(reader.rowLength).toBe(rowLength);
        expect(Array.from(await reader.readRows(0, reader.rows))).toEqual(Array.from(Float32Array.from(data)));
        await reader.close();
      }
      expect(archive.entries.map((e) => e.compression)).toEqual(Array(3).fill(compress ? 'deflate' : 'stored'));
      await archive.close();
    });
  }

  it('rejects duplicate names without leaving a file', async () => {
    const path = join(dir, 'dup.npz');
    await expect(
      writeNpz(path, [
        ['x', { data: new Float32Array(1), shape: [1] }],
        ['x', { data: new Float32Array(1), shape: [1] }],
      ]),
    ).rejects.toThrow(/unique/);
    expect((await readdir(dir)).some((f) => f.includes('dup'))).toBe(false);
  });
});
