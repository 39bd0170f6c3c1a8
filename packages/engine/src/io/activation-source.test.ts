import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivationError, openActivationSource, type ActivationSource } from './activation-source.ts';
import { writeNpy } from './npy.ts';
import { writeNpz } from './npz.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acts-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Conv maps: 5 images, 3 x 4 positions, 6 channels; value depends on every index so any mix-up shows.
const [IMG, H, W, C] = [5, 3, 4, 6];
const value = (n: number, h: number, w: number, c: number) => n * 1000 + h * 100 + w * 10 + c + 0.25;

function nhwc(): Float32Array {
  const out = new Float32Array(IMG * H * W * C);
  let i = 0;
  for (let n = 0; n < IMG; n++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) for (let c = 0; c < C; c++) out[i++] = value(n, h, w, c);
  return out;
}
function nchw(): Float32Array {
  const out = new Float32Array(IMG * H * W * C);
  let i = 0;
  for (let n = 0; n < IMG; n++) for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) out[i++] = value(n, h, w, c);
  return out;
}

async function collect(source: ActivationSource, batchRows: number): Promise<number[]> {
  const all: number[] = [];
  let expectedStart = 0;
  for await (const batch of source.batches(batchRows)) {
    expect(batch.start).toBe(expectedStart);
    expect(batch.data.length).toBe(batch.rows * source.units);
    expectedStart += batch.rows;
    all.push(...batch.data);
  }
  expect(expectedStart).toBe(source.samples);
  return all;
}

describe('openActivationSource', () => {
  it('4-D NHWC and NCHW (C and Fortran order) stream the same rows as the flattened 2-D array', async () => {
    const flat = nhwc(); // [IMG·H·W, C] row-major is exactly NHWC memory
    await writeNpy(join(dir, 'flat.npy'), flat, [IMG * H * W, C]);
    await writeNpy(join(dir, 'nhwc.npy'), flat, [IMG, H, W, C]);
    await writeNpy(join(dir, 'nhwcF.npy'), flat, [IMG, H, W, C], { fortranOrder: true });
    await writeNpy(join(dir, 'nchw.npy'), nchw(), [IMG, C, H, W]);
    await writeNpy(join(dir, 'nchwF.npy'), nchw(), [IMG, C, H, W], { fortranOrder: true });
    const dense = await openActivationSource(join(dir, 'flat.npy'));
    expect(dense.kind).toBe('dense');
    expect([dense.samples, dense.units]).toEqual([IMG * H * W, C]);
    const reference = await collect(dense, 1000);
    await dense.close();
    for (const [file, layout] of [
      ['nhwc.npy', 'nhwc'],
      ['nhwcF.npy', 'nhwc'],
      ['nchw.npy', 'nchw'],
      ['nchwF.npy', 'nchw'],
    ] as const) {
      const source = await openActivationSource(join(dir, file), { layout });
      expect(source.kind).toBe('conv');
      expect([source.images, source.height, source.width, source.units, source.samples]).toEqual([IMG, H, W, C, IMG * H * W]);
      // Batch sizes that cut through images (7, 13) and that span several (25) or all of them.
      for (const batchRows of [1, 7, 13, 25, 1000]) expect(await collect(source, batchRows)).toEqual(reference);
      // Random access (the last-image cache must only serve the image it holds).
      for (const [start, count] of [[30, 20], [5, 9], [31, 1], [0, 60], [47, 13], [12, 12], [11, 2]] as const) {
        expect(Array.from(await source.readSamples(start, count))).toEqual(reference.slice(start * C, (start + count) * C));
      }
      await source.close();
    }
  });

  it('reads arrays from .npz archives by key, or the only array without one', async () => {
    const flat = nhwc();
    await writeNpz(join(dir, 'two.npz'), { conv: { data: nchw(), shape: [IMG, C, H, W] }, other: { data: new Float32Array(4), shape: [2, 2] } }, { compress: true });
    await writeNpz(join(dir, 'one.npz'), { only: { data: flat, shape: [IMG * H * W, C] } });
    const conv = await openActivationSource(join(dir, 'two.npz'), { key: 'conv', layout: 'nchw' });
    expect(conv.label).toBe(`${join(dir, 'two.npz')}:conv`);
    expect(await collect(conv, 11)).toEqual(Array.from(flat));
    await conv.close();
    const only = await openActivationSource(join(dir, 'one.npz'));
    expect(await collect(only, 50)).toEqual(Array.from(flat));
    await only.close();
    await expect(openActivationSource(join(dir, 'two.npz'))).rejects.toThrow(/holds 2 arrays \('conv', 'other'\); choose one with --key NAME/);
  });

  it('names the unit, sample and position of the first non-finite value', async () => {
    const dense = Float32Array.from({ length: 40 }, (_, i) => i);
    dense[7 * 4 + 2] = NaN;
    dense[9 * 4 + 1] = Infinity;
    await writeNpy(join(dir, 'nan.npy'), dense, [10, 4]);
    const source = await openActivationSource(join(dir, 'nan.npy'));
    const err = await collect(source, 3).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActivationError);
    expect((err as Error).message).toMatch(/nan\.npy: unit 2 has a non-finite value \(NaN\) at sample 7;/);
    // Samples before the bad one stream fine.
    expect((await source.readSamples(0, 7)).length).toBe(28);
    await expect(source.readSamples(8, 2)).rejects.toThrow(/unit 1 .*\(\+Inf\) at sample 9/);
    await source.close();

    const conv = nchw();
    // image 2, channel 4, row 1, column 3 → sample 2·12 + 1·4 + 3 = 31
    conv[((2 * C + 4) * H + 1) * W + 3] = -Infinity;
    await writeNpy(join(dir, 'naninf.npy'), conv, [IMG, C, H, W]);
    const convSource = await openActivationSource(join(dir, 'naninf.npy'), { layout: 'nchw' });
    await expect(collect(convSource, 10)).rejects.toThrow(/unit 4 has a non-finite value \(-Inf\) at sample 31 \(image 2, row 1, column 3\)/);
    await convSource.close();
  });

  it('rejects 1-D, 3-D and 5-D arrays naming the accepted shapes, and empty unit sets', async () => {
    for (const shape of [[24], [2, 3, 4], [1, 2, 3, 2, 2]]) {
      const path = join(dir, `bad${shape.length}.npy`);
      await writeNpy(path, new Float32Array(24), shape);
      await expect(openActivationSource(path)).rejects.toThrow(
        new RegExp(`is ${shape.length}-D; expected 2-D \\[samples, units\\] or 4-D conv maps \\[images, H, W, C\\]`),
      );
    }
    await writeNpy(join(dir, 'nounits.npy'), new Float32Array(0), [5, 0]);
    await expect(openActivationSource(join(dir, 'nounits.npy'))).rejects.toThrow(/has no units/);
    await expect(openActivationSource(join(dir, 'missing.npy'))).rejects.toThrow(/no such file/);
    await expect(openActivationSource(join(dir, 'flat.npy'), { layout: 'chw' as never })).rejects.toThrow(/unknown layout/);
  });
});
