/**
 * Reading activations: our streamed .npy reader (row batches, only the bytes needed) vs numpy `np.load` of the whole
 * file brought to the same row-major float32 layout, on the same files (~80 MB each, in the page cache for both).
 * Cases: float32 C order; big-endian float64 (decode + narrow); Fortran order (strided reads + blocked transpose);
 * NCHW conv maps to [images·H·W, C] rows (activation source).
 */
import path from 'node:path';
import { openActivationSource } from '../../src/io/activation-source.ts';
import { encodeNpyHeader, openNpy, writeFileAtomic, writeNpy } from '../../src/io/npy.ts';
import type { BenchContext, BenchRow } from '../bench-context.ts';

const BATCH_ROWS = 8192;
/** Floats per read of the streamed .npy cases (the align stream's read buffers hold as many). */
const READ_VALUES = 262_144;

function pattern(count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = ((i * 2654435761) % 1000) / 1000 - 0.25;
  return out;
}

type Visit = (rows: Float32Array) => void;

/** Stream every row batch; `visit` (untimed runs only) sums them to check we read the same numbers as numpy. */
async function streamNpy(file: string, visit?: Visit): Promise<void> {
  const reader = await openNpy(file);
  // One small reused buffer (1 MiB), as the align stream reads: fresh memory per batch costs first-touch page faults
  // that exceed the read itself (numpy's np.load gets transparent huge pages; Node cannot ask for them).
  // Fortran order reads a run per column: there, 8192-row batches (as the align stream reads such files).
  const batch = reader.fortranOrder ? BATCH_ROWS : Math.max(1, Math.floor(READ_VALUES / reader.rowLength));
  const into = new Float32Array(Math.min(batch, reader.rows) * reader.rowLength);
  for (let start = 0; start < reader.rows; start += batch) {
    const rows = await reader.readRows(start, Math.min(batch, reader.rows - start), into);
    visit?.(rows);
  }
  await reader.close();
}

async function streamConv(file: string, visit?: Visit): Promise<void> {
  const source = await openActivationSource(file, { layout: 'nchw' });
  for await (const batch of source.batches(BATCH_ROWS)) visit?.(batch.data);
  await source.close();
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.quick ? 4000 : 40_000;
  const p = 512;
  const data = pattern(n * p);
  const cFile = path.join(ctx.tmpDir, 'io-c.npy');
  const fFile = path.join(ctx.tmpDir, 'io-f.npy');
  const beFile = path.join(ctx.tmpDir, 'io-be.npy');
  const convFile = path.join(ctx.tmpDir, 'io-nchw.npy');
  await writeNpy(cFile, data, [n, p]);
  await writeNpy(fFile, data, [n, p], { fortranOrder: true });
  // Big-endian float64 (as a Fortran/PowerPC tool might write): header + byte-swapped doubles.
  const be = new Uint8Array(n * p * 8);
  const view = new DataView(be.buffer);
  for (let i = 0; i < n * p; i++) view.setFloat64(i * 8, data[i]!, false);
  await writeFileAtomic(beFile, [encodeNpyHeader('>f8', [n, p], false), be]);
  const [images, C, H, W] = ctx.quick ? [250, 64, 4, 4] : [1250, 64, 16, 16];
  await writeNpy(convFile, data.subarray(0, images * C * H * W), [images, C, H, W]);

  const cases: Array<[string, string, string, (f: string, visit?: Visit) => Promise<void>]> = [
    [`read .npy float32 C order ${n}x${p}`, cFile, 'c', streamNpy],
    [`read .npy >f8 (big-endian) to float32 ${n}x${p}`, beFile, 'f64', streamNpy],
    [`read .npy float32 Fortran order ${n}x${p}`, fFile, 'fortran', streamNpy],
    [`read NCHW conv maps (${images},${C},${H},${W}) as rows`, convFile, 'nchw', streamConv],
  ];
  const rows: BenchRow[] = [];
  for (const [task, file, mode, stream] of cases) {
    let sum = 0;
    await stream(file, (rows) => {
      for (let i = 0; i < rows.length; i++) sum += rows[i]!;
    });
    const ours = await ctx.time(() => stream(file), 3);
    const peer = await ctx.python('npy_peer.py', [file, mode]);
    rows.push({
      task,
      ours,
      peer: peer.ms,
      peerName: 'numpy np.load (whole file)',
      note: `streamed in ${mode === "c" || mode === "f64" ? `reads of ${READ_VALUES} values` : `${BATCH_ROWS}-row batches`}${mode === "nchw" ? "" : " into one reused buffer"}; checksum rel. diff ${(Math.abs(sum - peer.checksum) / Math.abs(peer.checksum)).toExponential(1)}`,
    });
  }
  return rows;
}
