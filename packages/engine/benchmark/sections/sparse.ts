/**
 * Sparse prediction (lasso path, 10 penalties, every unit of B from all units of A) vs scikit-learn `Lasso` on the
 * same standardised activations. Ours starts from the correlation statistics (the `statistics` row times that pass);
 * the peer's time includes its own standardisation and Gram matrix, as a user would run it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sparsePredictionPath } from '../../src/align/sparse-prediction.ts';
import { pairMoments } from '../../src/stats/moments.ts';
import type { BenchContext, BenchRow } from '../bench-context.ts';

/** 10 penalties from 10^-0.5 down to 10^-3 (log-spaced). */
export const BENCH_PENALTIES = Array.from({ length: 10 }, (_, i) => 10 ** (-0.5 - (2.5 * i) / 9));

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.quick ? 4000 : 40_000;
  const rows: BenchRow[] = [];
  for (const units of ctx.quick ? [64] : [512, 1024]) {
    const a = ctx.data(n, units, 1);
    const b = ctx.data(n, units, 2);
    const stats = pairMoments(a, b, n, units, units);
    let result: ReturnType<typeof sparsePredictionPath> | undefined;
    // One timed run (no warm-up): at full size a run takes minutes, so JIT warm-up is noise, and the peer also fits once.
    const t0 = performance.now();
    result = sparsePredictionPath({ rAA: stats.rAA, rAB: stats.rAB, p: units, q: units, penalties: BENCH_PENALTIES });
    const ours = performance.now() - t0;
    const aPath = ctx.writeMatrix(`lasso-a-${units}`, a, n, units);
    const bPath = ctx.writeMatrix(`lasso-b-${units}`, b, n, units);
    const gPath = path.join(ctx.tmpDir, `lasso-raa-${units}.f64`);
    const cPath = path.join(ctx.tmpDir, `lasso-rab-${units}.f64`);
    writeFileSync(gPath, new Uint8Array(stats.rAA.buffer, stats.rAA.byteOffset, stats.rAA.byteLength));
    writeFileSync(cPath, new Uint8Array(stats.rAB.buffer, stats.rAB.byteOffset, stats.rAB.byteLength));
    const args = [aPath, bPath, `${n}`, `${units}`, `${units}`, BENCH_PENALTIES.join(','), 'gram', gPath, cPath];
    const peer = (await ctx.python('lasso.py', args)) as {
      ms: number;
      path: Array<{ penalty: number; meanLoss: number; meanNonzero: number; objective: number[] }>;
    };
    // Agreement: objective per target and penalty on OUR statistics, ours relative to sklearn's weights' (negative =
    // ours lower). sklearn fitted on its own float64 standardisation, which differs from ours by ~1e-5.
    let worse = 0;
    let maxLossDiff = 0;
    for (const pt of result!.path) {
      const ref = peer.path.find((x) => Math.abs(x.penalty - pt.penalty) < 1e-12 * pt.penalty);
      if (!ref) throw new Error(`lasso peer has no penalty ${pt.penalty}`);
      maxLossDiff = Math.max(maxLossDiff, Math.abs(ref.meanLoss - pt.meanLoss));
      for (let k = 0; k < units; k++) worse = Math.max(worse, (pt.objectives[k]! - ref.objective[k]!) / ref.objective[k]!);
    }
    const dense = result!.path[0]!;
    rows.push({
      task: `sparse path 10 penalties N=${n} p=q=${units}`,
      ours,
      peer: peer.ms,
      peerName: 'sklearn Lasso precompute=True warm_start tol=1e-4',
      note:
        `ours tol 1e-7 rel. gap; max objective excess over sklearn's (same stats) ${worse.toExponential(1)}; ` +
        `max |Δ mean FVU| ${maxLossDiff.toExponential(1)}; at α=${dense.penalty.toExponential(0)} FVU ${dense.meanLoss.toFixed(3)}, ` +
        `${dense.meanNonzero.toFixed(0)} weights/target`,
    });
  }
  return rows;
}
