import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cv-atomic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes strings, byte arrays and chunk lists, leaving no temporary behind', async () => {
    await writeFileAtomic(join(dir, 'a.txt'), 'héllo');
    await writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([1, 2, 3]));
    await writeFileAtomic(join(dir, 'c.bin'), [new Uint8Array([1]), new Uint8Array(0), new Uint8Array([2, 3])]);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('héllo');
    expect([...(await readFile(join(dir, 'b.bin')))]).toEqual([1, 2, 3]);
    expect([...(await readFile(join(dir, 'c.bin')))]).toEqual([1, 2, 3]);
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.bin', 'c.bin']);
  });

  it('many concurrent writers of one file never collide: the file holds one whole write', async () => {
    const file = join(dir, 'same.txt');
    const payloads = Array.from({ length: 40 }, (_, i) => `${i}:`.padEnd(50_000, String.fromCharCode(97 + (i % 26))));
    await Promise.all(payloads.map((p) => writeFileAtomic(file, p)));
    expect(payloads).toContain(await readFile(file, 'utf8'));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a failed write leaves the target as it was and no temporary', async () => {
    const file = join(dir, 'missing-folder', 'x.txt');
    await expect(writeFileAtomic(file, 'x')).rejects.toThrow(/ENOENT/);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
