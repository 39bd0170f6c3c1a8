/**
 * Statistics pass (joint moments of A and B, N x (p + q)) vs numpy corrcoef, single-threaded and over 2 worker
 * threads; CKA (moments with the per-network extras + linear/debiased CKA) vs google-research's numpy
 * feature-space CKA, on the same data.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parallelPairMoments, type PairStatistics } from '../../src/stats/moments.ts';
import { timedPairStats } from '../pair-cache.ts';
import { ckaAlignment } from '../../src/align/cka.ts';
import type { BenchContext, BenchRow } from '../bench-context.ts';

function maxDiff(x: Float64Array, y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]! - y[i]!));
  return m;
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.quick ? 4000 : 40_000;
  const rows: BenchRow[] = [];
  for (const units of ctx.quick ? [128] : [512, 1024]) {
    const a = ctx.data(n, units, 1);
    const b = ctx.data(n, units, 2);
    const aPath = ctx.writeMatrix(`stats-a-${units}`, a, n, units);
    const bPath = ctx.writeMatrix(`stats-b-${units}`, b, n, units);
    // Multi-second task: one timed run after a small warm-up (shared with the matching section).
    const single = await timedPairStats(ctx, n, units);
    const stats = single.stats;
    const rabPath = path.join(ctx.tmpDir, `stats-rab-${units}.f64`);
    writeFileSync(rabPath, new Uint8Array(stats.rAB.buffer));
    const peer = await ctx.python('stats_peer.py', [aPath, bPath, `${n}`, `${units}`, `${units}`, rabPath]);
    rows.push({
      task: `statistics N=${n} p=q=${units}, 1 thread`,
      ours: single.wall,
      oursCpu: single.cpu,
      peer: peer.ms,
      peerCpu: peer.cpuMs,
      peerName: 'numpy corrcoef',
      note: `max |r - numpy| = ${peer.maxAbsDiff.toExponential(1)}`,
    });
    let par: PairStatistics | undefined;
    const parallel = await ctx.measure(async () => {
      par = await parallelPairMoments(a, b, n, units, units, { workers: 2 });
    }, 1, false);
    rows.push({
      task: `statistics N=${n} p=q=${units}, 2 worker threads`,
      ours: parallel.wall,
      oursCpu: parallel.cpu,
      peer: peer.ms,
      peerCpu: peer.cpuMs,
      peerName: 'numpy corrcoef',
      note: `incl. worker start-up; max |r - 1 thread| = ${maxDiff(par!.rAB, stats.rAB).toExponential(1)}`,
    });
    // CKA = the same statistics pass (it always carries the per-network extras) + the CKA formulas.
    let cka = { linear: 0, debiased: 0 };
    const formulas = await ctx.measure(() => {
      cka = ckaAlignment(stats);
    }, 3);
    const oursCka = { wall: single.wall + formulas.wall, cpu: single.cpu + formulas.cpu };
    const peerCka = await ctx.python('cka_peer.py', [aPath, bPath, `${n}`, `${units}`, `${units}`]);
    rows.push({
      task: `CKA linear+debiased N=${n} p=q=${units} (incl. moments)`,
      ours: oursCka.wall,
      oursCpu: oursCka.cpu,
      peer: peerCka.ms,
      peerCpu: peerCka.cpuMs,
      peerName: 'numpy feature-space CKA (f64)',
      note: `|Δ| linear ${Math.abs(cka.linear - peerCka.linear).toExponential(1)}, debiased ${Math.abs(cka.debiased - peerCka.debiased).toExponential(1)}`,
    });
  }
  return rows;
}
