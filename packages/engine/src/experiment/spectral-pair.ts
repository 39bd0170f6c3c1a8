/**
 * Spectral clustering of a pair's units (methods.md, affinity |R|), reported per cluster as counts of A
 * and B units, for the experiment's manifest, with the clusters' mixing of the two nets' live units
 * (align/cluster-mixing.ts: 1 − AMI of cluster labels and network identity).
 */
import { clusterMixing } from '../align/cluster-mixing.ts';
import { spectralClusteringFromStats } from '../align/spectral-clustering.ts';
import type { PairStatistics } from '../stats/moments.ts';
import type { SpectralResult } from './manifest.ts';

export function spectralForPair(pair: PairStatistics, k: number, seed: number): SpectralResult {
  if (k > pair.p + pair.q) throw new Error(`spectral clustering: ${k} clusters for ${pair.p + pair.q} units; lower "clusters"`);
  const r = spectralClusteringFromStats(pair, { k, seed, affinity: 'abs' });
  const clusters = r.clusters.map((c) => ({ aCount: c.fromA, bCount: c.fromB }));
  const mixing = clusterMixing(r.labels, pair.p, pair.q, { a: pair.deadA, b: pair.deadB });
  return { k, labels: Array.from(r.labels), clusters, shared: clusters.filter((c) => c.aCount > 0 && c.bCount > 0).length, mixing };
}
