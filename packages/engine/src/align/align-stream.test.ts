import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openActivationSource } from '../io/activation-source.ts';
import { writeNpy } from '../io/npy.ts';
import { forEachJointBatch } from './align-stream.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'align-stream-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('forEachJointBatch', () => {
  it('hands every joint row once, in order, whatever the batch and read-buffer sizes', async () => {
    const N = 23;
    const p = 3;
    const q = 2;
    const a = Float32Array.from({ length: N * p }, (_, i) => 1000 + i);
    const b = Float32Array.from({ length: N * q }, (_, i) => -1 - i);
    await writeNpy(join(dir, 'a.npy'), a, [N, p]);
    await writeNpy(join(dir, 'b.npy'), b, [N, q]);
    // readValues 10 → 2-row reads inside 7-row batches (pieces never cross a batch); huge → one read per batch.
    for (const [start, end, batchRows, readValues] of [[0, 23, 7, 10], [3, 20, 7, 10], [0, 23, 5, 1], [2, 23, 100, 1e6], [0, 23, 4, 20]] as const) {
      const A = await openActivationSource(join(dir, 'a.npy'));
      const B = await openActivationSource(join(dir, 'b.npy'));
      const seen: number[] = [];
      const sizes: number[] = [];
      const dones: number[] = [];
      await forEachJointBatch(A, B, start, end, batchRows, (joint, rows, done) => {
        sizes.push(rows);
        dones.push(done);
        seen.push(...joint.subarray(0, rows * (p + q)));
      }, readValues);
      await A.close();
      await B.close();
      const want: number[] = [];
      for (let r = start; r < end; r++) want.push(...a.subarray(r * p, (r + 1) * p), ...b.subarray(r * q, (r + 1) * q));
      expect(seen).toEqual(want);
      const size = Math.min(batchRows, end - start);
      expect(sizes.every((s, i) => s === (i === sizes.length - 1 ? end - start - size * i : size))).toBe(true);
      expect(dones.at(-1)).toBe(end - start);
    }
  });
});
