/**
 * One statistics pass per benchmark size, shared by the stats and matching sections (the pass over 40,000 rows is
 * the expensive part; timing it once is enough).
 */
import { CrossMomentAccumulator, type CrossStatistics } from '../src/stats/cross-moments.ts';
import { pairMoments, type PairStatistics } from '../src/stats/moments.ts';
import { startProductPool } from '../src/stats/product-pool.ts';
import type { BenchContext } from './bench-context.ts';

const cache = new Map<string, { stats: PairStatistics; wall: number; cpu: number; workers: number }>();

/**
 * Joint moments of data(n, units, 1) and data(n, units, 2) with the default threads, timed on first use after a
 * small warm-up with the product workers started and ready (warm, like the peer's BLAS threads after import; the
 * stats section also times a cold first call in a fresh process).
 */
export async function timedPairStats(ctx: BenchContext, n: number, units: number) {
  const key = `${n}:${units}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const a = ctx.data(n, units, 1);
  const b = ctx.data(n, units, 2);
  const workers = await startProductPool();
  pairMoments(a.subarray(0, 2048 * units), b.subarray(0, 2048 * units), 2048, units, units);
  let stats: PairStatistics | undefined;
  const m = await ctx.measure(() => {
    stats = pairMoments(a, b, n, units, units);
  }, 1, false);
  const entry = { stats: stats!, wall: m.wall, cpu: m.cpu, workers };
  cache.set(key, entry);
  return entry;
}

const crossCache = new Map<string, { stats: CrossStatistics; wall: number; cpu: number }>();

/**
 * The cross-only pass (per-unit moments + Σ_AB, stats/cross-moments.ts) over the same pair, in this thread, fed in
 * joint row batches of 2,048 rows as `convergent align` streams them; timed after a small warm-up. What
 * `convergent align --method procrustes` (or matching alone) computes.
 */
export async function timedCrossStats(ctx: BenchContext, n: number, units: number) {
  const key = `${n}:${units}`;
  const hit = crossCache.get(key);
  if (hit) return hit;
  const a = ctx.data(n, units, 1);
  const b = ctx.data(n, units, 2);
  const w = 2 * units;
  const batch = 2048;
  const joint = new Float32Array(batch * w);
  const run = (rows: number) => {
    const acc = new CrossMomentAccumulator(units, units);
    for (let s = 0; s < rows; s += batch) {
      const r = Math.min(batch, rows - s);
      for (let i = 0; i < r; i++) {
        joint.set(a.subarray((s + i) * units, (s + i + 1) * units), i * w);
        joint.set(b.subarray((s + i) * units, (s + i + 1) * units), i * w + units);
      }
      acc.update(joint, r);
    }
    return acc.finalize();
  };
  run(batch);
  let stats: CrossStatistics | undefined;
  const m = await ctx.measure(() => {
    stats = run(n);
  }, 1, false);
  const entry = { stats: stats!, wall: m.wall, cpu: m.cpu };
  crossCache.set(key, entry);
  return entry;
}
