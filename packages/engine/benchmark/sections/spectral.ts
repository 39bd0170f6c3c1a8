/**
 * Spectral clustering (k = 32) of A's and B's units together on |R| vs scikit-learn `SpectralClustering`
 * (affinity='precomputed', ARPACK, k-means n_init=10) on the same matrix. Both start from the joint correlation.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { jointCorrelation, spectralClustering, type SpectralClusteringResult } from '../../src/align/spectral-clustering.ts';
import { pairMoments } from '../../src/stats/moments.ts';
import type { BenchContext, BenchRow } from '../bench-context.ts';

/** Adjusted Rand index of two labelings (Hubert & Arabie). */
export function adjustedRand(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const table = new Map<string, number>();
  const ra = new Map<number, number>();
  const rb = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    ra.set(a[i]!, (ra.get(a[i]!) ?? 0) + 1);
    rb.set(b[i]!, (rb.get(b[i]!) ?? 0) + 1);
  }
  const c2 = (x: number): number => (x * (x - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += c2(v);
  let sa = 0;
  let sb = 0;
  for (const v of ra.values()) sa += c2(v);
  for (const v of rb.values()) sb += c2(v);
  const expected = (sa * sb) / c2(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.quick ? 4000 : 40_000;
  const k = 32;
  const rows: BenchRow[] = [];
  for (const units of ctx.quick ? [128] : [512, 1024]) {
    const stats = pairMoments(ctx.data(n, units, 1), ctx.data(n, units, 2), n, units, units);
    const corr = jointCorrelation(stats);
    let res: SpectralClusteringResult | undefined;
    const ours = await ctx.time(() => {
      res = spectralClustering({ corr, p: units, q: units, k, seed: 0 });
    }, 1);
    const file = path.join(ctx.tmpDir, `spectral-corr-${units}.f64`);
    writeFileSync(file, new Uint8Array(corr.buffer, corr.byteOffset, corr.byteLength));
    const peer = (await ctx.python('spectral.py', [file, `${2 * units}`, `${k}`])) as { ms: number; labels: number[] };
    rows.push({
      task: `spectral k=${k} on ${2 * units} units (p=q=${units})`,
      ours,
      peer: peer.ms,
      peerName: 'sklearn SpectralClustering precomputed (ARPACK)',
      note:
        `Lanczos ${res!.lanczosSteps} products; ARI vs sklearn ${adjustedRand(res!.labels, peer.labels).toFixed(2)}; ` +
        `shared clusters ${(100 * res!.sharedFraction).toFixed(0)}%`,
    });
  }
  return rows;
}
