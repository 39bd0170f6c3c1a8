/**
 * The newer measures (SVCCA, PWCCA, orthogonal Procrustes, mutual kNN) against numpy references of the same
 * definitions (peers/measures_peer.py) on the benchmark's pair (N = 40,000, p = q = 512), whole process: ours = the
 * statistics pass (warm, shared with the stats section) + the measure; kNN = both sides' neighbour lists + the
 * overlap, from the per-image rows (here every row is an image). The CCA peers come twice: the reference-code route
 * (SVD of the centred data) and the fastest numpy route (covariance + eigh). Our measures get one untimed call first
 * (V8 compiles the eigen-solver during it), like the matching section; kNN (minutes at this size) runs once.
 */
import { mutualKnnFromLists, nearestNeighbours } from '../../src/align/mutual-knn.ts';
import { procrustes } from '../../src/align/procrustes.ts';
import { pwcca } from '../../src/align/pwcca.ts';
import { svcca } from '../../src/align/svcca.ts';
import type { BenchContext, BenchRow } from '../bench-context.ts';
import { timedCrossStats, timedPairStats } from '../pair-cache.ts';

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.quick ? 4000 : 40_000;
  const units = ctx.quick ? 128 : 512;
  const k = 10;
  // kNN is O(images² · units): MEASURES_KNN_IMAGES=4000 times it on the first rows only (default: all N).
  const knnImages = Math.min(n, Number(process.env.MEASURES_KNN_IMAGES ?? n));
  const a = ctx.data(n, units, 1);
  const b = ctx.data(n, units, 2);
  const aPath = ctx.writeMatrix(`measures-a-${units}`, a, n, units);
  const bPath = ctx.writeMatrix(`measures-b-${units}`, b, n, units);
  const stats = await timedPairStats(ctx, n, units);
  const peer = await ctx.python('measures_peer.py', [aPath, bPath, `${n}`, `${units}`, `${units}`, `${k}`, `${knnImages}`]);
  const rows: BenchRow[] = [];
  const size = `N=${n} p=q=${units}`;
  const withStats = (m: { wall: number; cpu: number }) => ({ ours: stats.wall + m.wall, oursCpu: stats.cpu + m.cpu });
  let sv = 0;
  const svT = await ctx.measure(() => {
    sv = svcca(stats.stats).mean;
  }, 1, true);
  rows.push({ task: `SVCCA ${size} (incl. moments)`, ...withStats(svT), peer: peer.svccaCov.ms, peerCpu: peer.svccaCov.cpuMs, peerName: 'numpy cov + eigh', note: `|Δ| ${Math.abs(sv - peer.svccaCov.value).toExponential(1)}; measure alone ${svT.wall.toFixed(0)} ms` });
  rows.push({ task: `SVCCA ${size} (incl. moments)`, ...withStats(svT), peer: peer.svccaSvd.ms, peerCpu: peer.svccaSvd.cpuMs, peerName: 'numpy SVD of data (google/svcca, anatome)', note: `|Δ| ${Math.abs(sv - peer.svccaSvd.value).toExponential(1)}` });
  let pw = 0;
  const pwT = await ctx.measure(() => {
    pw = pwcca(stats.stats).weighted;
  }, 1, true);
  rows.push({ task: `PWCCA ${size} (incl. moments)`, ...withStats(pwT), peer: peer.pwccaCov.ms, peerCpu: peer.pwccaCov.cpuMs, peerName: 'numpy cov + eigh', note: `|Δ| ${Math.abs(pw - peer.pwccaCov.value).toExponential(1)}; measure alone ${pwT.wall.toFixed(0)} ms` });
  rows.push({ task: `PWCCA ${size} (incl. moments)`, ...withStats(pwT), peer: peer.pwccaSvd.ms, peerCpu: peer.pwccaSvd.cpuMs, peerName: 'numpy SVD of data (google/svcca)', note: `|Δ| ${Math.abs(pw - peer.pwccaSvd.value).toExponential(1)}` });
  let pr = 0;
  const prT = await ctx.measure(() => {
    pr = procrustes(stats.stats).distance;
  }, 1, true);
  rows.push({ task: `Procrustes ${size} (incl. joint moments)`, ...withStats(prT), peer: peer.procrustes.ms, peerCpu: peer.procrustes.cpuMs, peerName: 'numpy centre + SVD of XᵀY', note: `|Δ| ${Math.abs(pr - peer.procrustes.value).toExponential(1)}; measure alone ${prT.wall.toFixed(0)} ms` });
  // What `convergent align --method procrustes` runs: the cross-only pass (Σ_AB and per-unit variances), no within Grams.
  const cross = await timedCrossStats(ctx, n, units);
  let prc = 0;
  const prcT = await ctx.measure(() => {
    prc = procrustes(cross.stats).distance;
  }, 1, true);
  rows.push({ task: `Procrustes ${size} (incl. cross-only moments)`, ours: cross.wall + prcT.wall, oursCpu: cross.cpu + prcT.cpu, peer: peer.procrustes.ms, peerCpu: peer.procrustes.cpuMs, peerName: 'numpy centre + SVD of XᵀY', note: `|Δ| ${Math.abs(prc - peer.procrustes.value).toExponential(1)}; cross pass ${cross.wall.toFixed(0)} ms` });
  if (peer.knn) {
    let score = 0;
    // Minutes at 40,000 images: one timed run, no warm-up (compilation is noise here).
    const kT = await ctx.measure(() => {
      const m = knnImages * units;
      score = mutualKnnFromLists(nearestNeighbours(a.subarray(0, m), knnImages, units, k), nearestNeighbours(b.subarray(0, m), knnImages, units, k)).score;
    }, 1, false);
    rows.push({ task: `mutual kNN k=${k}, ${knnImages} images × ${units}`, ours: kT.wall, oursCpu: kT.cpu, peer: peer.knn.ms, peerCpu: peer.knn.cpuMs, peerName: 'numpy f32 GEMM + argpartition', note: `|Δ| ${Math.abs(score - peer.knn.value).toExponential(1)}` });
  }
  return rows;
}
