/**
 * Sparse prediction (lasso path, 10 penalties, every unit of B from all units of A) vs scikit-learn `Lasso` on the
 * same standardised activations. Ours starts from the correlation statistics (the `statistics` row times that pass);
 * the peer's time includes its own standardisation and Gram matrix, as a user would run it.
 *
 * Ours runs twice: on one thread (`sparsePredictionPath`) and on worker threads over targets
 * (`sparsePredictionPathParallel`, one worker per core). `SPARSE_TARGETS=Q` fits only the first Q targets of B (both
 * solvers are linear in the number of targets; a full p = q = 1,024 pair takes many minutes per solver);
 * `SPARSE_UNITS=512` (comma list) picks the layer widths.
 */
import { availableParallelism } from 'node:os';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sparsePredictionPath, type SparsePredictionResult } from '../../src/align/sparse-prediction.ts';
import { sparsePredictionPathParallel } from '../../src/align/sparse-prediction-parallel.ts';
import { pairMoments } from '../../src/stats/moments.ts';
import type { BenchContext, BenchRow } from '../bench-context.ts';

/** 10 penalties from 10^-0.5 down to 10^-3 (log-spaced). */
export const BENCH_PENALTIES = Array.from({ length: 10 }, (_, i) => 10 ** (-0.5 - (2.5 * i) / 9));

async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.quick ? 4000 : 40_000;
  const rows: BenchRow[] = [];
  const envTargets = Number(process.env.SPARSE_TARGETS ?? 0);
  const envUnits = (process.env.SPARSE_UNITS ?? '').split(',').filter(Boolean).map(Number);
  for (const units of ctx.quick ? [64] : envUnits.length > 0 ? envUnits : [512, 1024]) {
    const q = envTargets > 0 ? Math.min(units, envTargets) : units;
    const a = ctx.data(n, units, 1);
    const bFull = ctx.data(n, units, 2);
    const b = new Float32Array(n * q);
    for (let s = 0; s < n; s++) b.set(bFull.subarray(s * units, s * units + q), s * q);
    const stats = pairMoments(a, b, n, units, q);
    const input = { rAA: stats.rAA, rAB: stats.rAB, p: units, q, penalties: BENCH_PENALTIES };
    // One timed run each (no warm-up): at full size a run takes minutes, so JIT warm-up is noise, and the peer also
    // fits once.
    const serial = await timed(() => sparsePredictionPath(input));
    const threads = availableParallelism();
    const parallel = await timed(() => sparsePredictionPathParallel(input, { workers: threads }));
    const aPath = ctx.writeMatrix(`lasso-a-${units}`, a, n, units);
    const bPath = ctx.writeMatrix(`lasso-b-${units}`, b, n, q);
    const gPath = path.join(ctx.tmpDir, `lasso-raa-${units}.f64`);
    const cPath = path.join(ctx.tmpDir, `lasso-rab-${units}.f64`);
    writeFileSync(gPath, new Uint8Array(stats.rAA.buffer, stats.rAA.byteOffset, stats.rAA.byteLength));
    writeFileSync(cPath, new Uint8Array(stats.rAB.buffer, stats.rAB.byteOffset, stats.rAB.byteLength));
    const args = [aPath, bPath, `${n}`, `${units}`, `${q}`, BENCH_PENALTIES.join(','), 'gram', gPath, cPath];
    const peer = (await ctx.python('lasso.py', args)) as {
      ms: number;
      cpuMs: number;
      path: Array<{ penalty: number; meanLoss: number; meanNonzero: number; objective: number[] }>;
    };
    const agreement = compare(serial.value, peer.path, q);
    const dense = serial.value.path[0]!;
    const task = `sparse path 10 penalties N=${n} p=${units} q=${q}`;
    const peerName = 'sklearn Lasso precompute=True warm_start tol=1e-4';
    const note =
      `objectives on the same statistics, relative to sklearn's: ours at most ${agreement.oursOver.toExponential(1)} above, ` +
      `sklearn's at most ${agreement.peerOver.toExponential(1)} above ours (ours certified ≤ 1e-6 above the optimum); ` +
      `max |Δ mean FVU| ${agreement.maxLossDiff.toExponential(1)}; at α=${dense.penalty.toExponential(0)} FVU ${dense.meanLoss.toFixed(3)}, ` +
      `${dense.meanNonzero.toFixed(0)} weights/target`;
    rows.push({ task: `${task} (1 thread)`, ours: serial.wall, oursCpu: serial.cpu, peer: peer.ms, peerCpu: peer.cpuMs, peerName, note });
    rows.push({
      task: `${task} (${threads} threads)`,
      ours: parallel.wall,
      oursCpu: parallel.cpu,
      peer: peer.ms,
      peerCpu: peer.cpuMs,
      peerName,
      note: `same solutions as 1 thread: ${sameSolutions(serial.value, parallel.value) ? 'yes' : 'NO'}`,
    });
  }
  return rows;
}

/** Largest relative objective excess each way (ours over sklearn's, sklearn's over ours), per target and penalty. */
function compare(ours: SparsePredictionResult, peer: Array<{ penalty: number; meanLoss: number; objective: number[] }>, q: number) {
  let oursOver = 0;
  let peerOver = 0;
  let maxLossDiff = 0;
  for (const pt of ours.path) {
    const ref = peer.find((x) => Math.abs(x.penalty - pt.penalty) < 1e-12 * pt.penalty);
    if (!ref) throw new Error(`lasso peer has no penalty ${pt.penalty}`);
    maxLossDiff = Math.max(maxLossDiff, Math.abs(ref.meanLoss - pt.meanLoss));
    for (let k = 0; k < q; k++) {
      const d = (pt.objectives[k]! - ref.objective[k]!) / ref.objective[k]!;
      oursOver = Math.max(oursOver, d);
      peerOver = Math.max(peerOver, -d);
    }
  }
  return { oursOver, peerOver, maxLossDiff };
}

function sameSolutions(x: SparsePredictionResult, y: SparsePredictionResult): boolean {
  return x.path.every((pt, t) => {
    const o = y.path[t]!;
    return pt.objectives.every((v, k) => v === o.objectives[k]) && pt.weights.values.every((v, i) => v === o.weights.values[i]);
  });
}
