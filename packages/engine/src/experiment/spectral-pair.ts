/**
 * Spectral clustering of a pair's units (methods.md), reported per cluster as counts of A and B units.
 * Wraps the engine's spectral clustering (src/align) for the experiment's manifest.
 */
import type { PairStatistics } from '../stats/moments.ts';
import type { SpectralResult } from './manifest.ts';

export function spectralForPair(_pair: PairStatistics, _k: number, _seed: number): SpectralResult {
  throw new Error('spectral clustering is not available in this build yet; drop "spectral" from the experiment\'s methods');
}
