/**
 * Statistics pass (joint moments of A and B, N x (p + q)) vs numpy corrcoef: with the default threads (this thread
 * plus the product workers, warm: started before timing), the same as a cold first call in a fresh process (worker
 * start-up included), and in one thread. CKA (moments with the per-network extras + linear/debiased CKA) vs
 * google-research's numpy feature-space CKA, on the same data.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pairMoments, type PairStatistics } from '../../src/stats/moments.ts';
import { timedPairStats } from '../pair-cache.ts';
import { ckaAlignment } from '../../src/align/cka.ts';
import type { BenchContext, BenchRow } from '../bench-context.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function maxDiff(x: Float64Array, y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]! - y[i]!));
  return m;
}

/** `benchmark/stats-cold.ts` in a fresh process: the first pass of a process, product-worker start-up included. */
function coldPass(aPath: string, bPath: string, n: number, p: number, q: number, threads?: number): Promise<{ ms: number; cpuMs: number }> {
  const args = [aPath, bPath, `${n}`, `${p}`, `${q}`, ...(threads === undefined ? [] : [`${threads}`])];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(here, '..', 'stats-cold.ts'), ...args], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`stats-cold.ts failed: ${stderr.trim().split('\n').pop() ?? err.message}`));
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`stats-cold.ts printed no JSON: ${stdout.slice(0, 200)}`));
      }
    });
  });
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
    const warm = await timedPairStats(ctx, n, units);
    const stats = warm.stats;
    const rabPath = path.join(ctx.tmpDir, `stats-rab-${units}.f64`);
    writeFileSync(rabPath, new Uint8Array(stats.rAB.buffer));
    const peer = await ctx.python('stats_peer.py', [aPath, bPath, `${n}`, `${units}`, `${units}`, rabPath]);
    const threads = `${1 + warm.workers} threads`;
    rows.push({
      task: `statistics N=${n} p=q=${units}, ${threads} (warm)`,
      ours: warm.wall,
      oursCpu: warm.cpu,
      peer: peer.ms,
      peerCpu: peer.cpuMs,
      peerName: 'numpy corrcoef',
      note: `product workers started before timing; peer: best of 2 runs; max |r - numpy| = ${peer.maxAbsDiff.toExponential(1)}`,
    });
    const cold = await coldPass(aPath, bPath, n, units, units);
    rows.push({
      task: `statistics N=${n} p=q=${units}, ${threads} (cold)`,
      ours: cold.ms,
      oursCpu: cold.cpuMs,
      peer: peer.ms,
      peerCpu: peer.cpuMs,
      peerName: 'numpy corrcoef',
      note: 'first pass of a fresh process, worker start-up included',
    });
    const coldOne = await coldPass(aPath, bPath, n, units, units, 1);
    rows.push({
      task: `statistics N=${n} p=q=${units}, 1 thread (cold)`,
      ours: coldOne.ms,
      oursCpu: coldOne.cpuMs,
      peer: peer.ms,
      peerCpu: peer.cpuMs,
      peerName: 'numpy corrcoef',
      note: 'first pass of a fresh process',
    });
    let one: PairStatistics | undefined;
    const single = await ctx.measure(() => {
      one = pairMoments(a, b, n, units, units, { threads: 1 });
    }, 1, false);
    rows.push({
      task: `statistics N=${n} p=q=${units}, 1 thread (warm)`,
      ours: single.wall,
      oursCpu: single.cpu,
      peer: peer.ms,
      peerCpu: peer.cpuMs,
      peerName: 'numpy corrcoef',
      note: `max |r - ${threads}| = ${maxDiff(one!.rAB, stats.rAB).toExponential(1)}`,
    });
    // CKA = the same statistics pass (it always carries the per-network extras) + the CKA formulas.
    let cka = { linear: 0, debiased: 0 };
    const formulas = await ctx.measure(() => {
      cka = ckaAlignment(stats);
    }, 3);
    const oursCka = { wall: warm.wall + formulas.wall, cpu: warm.cpu + formulas.cpu };
    const peerCka = await ctx.python('cka_peer.py', [aPath, bPath, `${n}`, `${units}`, `${units}`]);
    rows.push({
      task: `CKA linear+debiased N=${n} p=q=${units} (incl. moments, ${threads}, warm)`,
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
