/**
 * One-to-one matching on the correlations of realistic data: semi-matching vs numpy argmax, max-weight matching vs
 * scipy linear_sum_assignment, and the MI matrix + matching on a reservoir sample vs a numpy bincount version.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RowReservoir } from '../../src/stats/row-sample.ts';
import { semiMatching } from '../../src/align/semi-matching.ts';
import { maxWeightMatching } from '../../src/align/hungarian.ts';
import { DEFAULT_MI_BINS, DEFAULT_MI_SAMPLE_ROWS, miMatching } from '../../src/align/mutual-information.ts';
import type { BenchContext, BenchRow } from '../bench-context.ts';
import { timedPairStats } from '../pair-cache.ts';

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.quick ? 4000 : 40_000;
  const sampleRows = ctx.quick ? 2048 : DEFAULT_MI_SAMPLE_ROWS;
  const rows: BenchRow[] = [];
  for (const units of ctx.quick ? [128] : [512, 1024]) {
    const a = ctx.data(n, units, 1);
    const b = ctx.data(n, units, 2);
    const { rAB } = (await timedPairStats(ctx, n, units)).stats;
    const rabPath = path.join(ctx.tmpDir, `match-rab-${units}.f64`);
    writeFileSync(rabPath, new Uint8Array(rAB.buffer, rAB.byteOffset, rAB.byteLength));
    const peer = await ctx.python('matching_peer.py', [rabPath, `${units}`, `${units}`]);

    let semiMean = 0;
    const semi = await ctx.measure(() => {
      semiMean = semiMatching(rAB, units, units).meanCorr;
    }, 5);
    rows.push({
      task: `semi-matching ${units}x${units}`,
      ours: semi.wall,
      oursCpu: semi.cpu,
      peer: peer.semiMs,
      peerCpu: peer.semiCpuMs,
      peerName: 'numpy argmax',
      note: `mean ${semiMean.toFixed(4)} (peer ${peer.semiMean.toFixed(4)})`,
    });

    // Warm-up as on the peer's side (1 untimed call there, compiled C++): V8 compiles the solver during its first
    // few calls, which would otherwise land in the timed ones. Then the median of 5, as the peer.
    for (let k = 0; k < 3; k++) maxWeightMatching(rAB, units, units);
    let maxTotal = 0;
    let work = '';
    const max = await ctx.measure(() => {
      const m = maxWeightMatching(rAB, units, units);
      maxTotal = m.total;
      work = `${m.work.searches} searches, ${m.work.scannedRows} rows scanned, ${m.work.expandedRows} full-row scans`;
    }, 5);
    rows.push({
      task: `max-weight matching ${units}x${units}`,
      ours: max.wall,
      oursCpu: max.cpu,
      peer: peer.lsaMs,
      peerCpu: peer.lsaCpuMs,
      peerName: 'scipy linear_sum_assignment',
      note: `total ${maxTotal.toFixed(9)}, |Δ| vs scipy ${Math.abs(maxTotal - peer.lsaTotal).toExponential(1)}; ${work}`,
    });

    // MI on a seeded reservoir sample of rows (the same rows for A and B).
    const ra = new RowReservoir(units, sampleRows, 1);
    const rb = new RowReservoir(units, sampleRows, 1);
    ra.update(a, n);
    rb.update(b, n);
    const sa = ra.sample();
    const sb = rb.sample();
    const saPath = ctx.writeMatrix(`mi-a-${units}`, sa.data, sa.rows, units);
    const sbPath = ctx.writeMatrix(`mi-b-${units}`, sb.data, sb.rows, units);
    let matrix: Float64Array = new Float64Array(0);
    const mi = await ctx.measure(() => {
      matrix = miMatching(sa.data, sb.data, sa.rows, units, units).matrix;
    }, 1, false);
    const miPath = path.join(ctx.tmpDir, `mi-${units}.f64`);
    writeFileSync(miPath, new Uint8Array(matrix.buffer));
    const miPeer = await ctx.python('mi_peer.py', [saPath, sbPath, `${sa.rows}`, `${units}`, `${units}`, `${DEFAULT_MI_BINS}`, miPath]);
    rows.push({
      task: `MI matrix + matching ${units}x${units}, ${sa.rows} rows`,
      ours: mi.wall,
      oursCpu: mi.cpu,
      peer: miPeer.ms,
      peerCpu: miPeer.cpuMs,
      peerName: 'numpy bincount MI (matrix only)',
      note: `max |ΔMI| = ${miPeer.maxAbsDiff.toExponential(1)} bits`,
    });
  }
  return rows;
}
