/**
 * Uncertainty of per-layer figures (issue 11): a bootstrap interval that resamples NETWORKS, and a one-sided
 * permutation test of trained pair figures against their matched chance.
 *
 * Why networks and not pairs: the figures of a layer are one per network pair, and pairs that share a network are
 * dependent (a network that happens to be odd drags down every pair it is in). Resampling pairs as if they were
 * independent understates the spread. So a bootstrap replicate draws networks with replacement — separately within
 * each architecture (stratified: a ×2-wide family never borrows networks of the base one) — and recomputes the mean
 * over the pairs among the drawn networks: a pair (i, j) of distinct networks enters with weight c_i·c_j, where c_i
 * is how often network i was drawn; a "pair" of a network with a copy of itself (a self-pair) is skipped, because no
 * such pair was ever measured. A replicate whose draws hold no measured pair at all (e.g. the same network drawn every
 * time) is redrawn; the interval is the percentile interval (numpy's default linear quantile) of the replicate means.
 *
 * An interval needs at least `minNetworks` (default 3) distinct networks in every architecture the pairs involve:
 * with 2 networks a bootstrap replicate can only be the one pair or nothing, and the "interval" would be an artefact.
 * Then `ci` is null and `reason` says why — never a made-up interval.
 *
 * The permutation test asks whether trained figures exceed chance figures: the statistic is mean(trained) −
 * mean(chance); labels are permuted over the pooled values. When every relabelling can be enumerated within the
 * budget the test is exact (p = share of relabellings at least as extreme, the observed one included); otherwise it
 * is Monte Carlo with a seeded generator and p = (1 + #{≥ observed}) / (1 + permutations) (Phipson & Smyth 2010: a
 * Monte Carlo p-value is never 0). Exchangeability under the null is approximate when pairs share networks; the
 * report states the p-value next to the network-resampled interval for that reason.
 */
import { mulberry32 } from '../random/seeded-random.js';

/** One figure of one network pair: `a` and `b` are network ids (any strings), `value` the pair's figure. */
export interface PairFigure {
  a: string;
  b: string;
  value: number;
}

export interface NetworkBootstrapOptions {
  /** Architecture (stratum) of every network named by a pair; a network missing here is an error. */
  groupOf: (network: string) => string;
  /** Bootstrap replicates (default 2000). */
  resamples?: number;
  /** Seed of the generator (default 0). */
  seed?: number;
  /** Two-sided coverage of the interval (default 0.95). */
  level?: number;
  /** Networks each architecture needs for an interval (default 3, at least 2). */
  minNetworks?: number;
}

export interface BootstrapInterval {
  /** Mean over the pairs as measured (every pair weight 1). */
  mean: number;
  /** Percentile interval of the network-resampled means, or null when it cannot be computed (see `reason`). */
  ci: { low: number; high: number; level: number } | null;
  /** Why `ci` is null; null when there is an interval. */
  reason: string | null;
  /** Replicates drawn (0 without an interval). */
  resamples: number;
  /** Distinct networks per architecture among the pairs. */
  networks: Record<string, number>;
  pairs: number;
}

export const DEFAULT_BOOTSTRAP_RESAMPLES = 2000;
export const DEFAULT_PERMUTATIONS = 9999;
export const MIN_NETWORKS_FOR_INTERVAL = 3;

/** Quantile `q` in [0, 1] of ascending `sorted` values, linear interpolation between order statistics (numpy's default, Hyndman–Fan type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('quantile of an empty sample');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile must lie in [0, 1], got ${q}`);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function checkPairs(pairs: readonly PairFigure[]): void {
  for (const [i, p] of pairs.entries()) {
    if (!Number.isFinite(p.value)) throw new Error(`pair ${i} (${p.a}, ${p.b}) has a non-finite value ${p.value}: drop it before computing an interval`);
    if (p.a === p.b) throw new Error(`pair ${i} pairs network ${p.a} with itself: a self-pair is not a measurement`);
  }
}

/**
 * Mean over pairs with a 95% (or `level`) bootstrap interval that resamples networks within each architecture.
 * See the module comment for the procedure and the minimum-network rule.
 */
export function networkBootstrap(pairs: readonly PairFigure[], options: NetworkBootstrapOptions): BootstrapInterval {
  checkPairs(pairs);
  return resampleNetworks(pairs, options);
}

/** One figure of one network (not of a pair), e.g. the share of a network's units matched well in every other network. */
export interface NetworkFigure {
  network: string;
  value: number;
}

/**
 * The same network-resampling bootstrap for a figure measured once per NETWORK: a replicate draws networks with
 * replacement within each architecture and averages the drawn networks' values (network i weighted by how often it
 * was drawn, c_i). Same minimum-network rule, percentile interval and seeding as `networkBootstrap`.
 */
export function networkValuesBootstrap(values: readonly NetworkFigure[], options: NetworkBootstrapOptions): BootstrapInterval {
  const seen = new Set<string>();
  for (const [i, v] of values.entries()) {
    if (!Number.isFinite(v.value)) throw new Error(`network ${i} (${v.network}) has a non-finite value ${v.value}: drop it before computing an interval`);
    if (seen.has(v.network)) throw new Error(`network ${v.network} is listed twice: one value per network`);
    seen.add(v.network);
  }
  return resampleNetworks(values.map((v) => ({ a: v.network, b: null, value: v.value })), options);
}

/** The bootstrap behind both: an item with `b` null is one network's value (weight c_a), else a pair's (weight c_a·c_b). */
function resampleNetworks(pairs: ReadonlyArray<{ a: string; b: string | null; value: number }>, options: NetworkBootstrapOptions): BootstrapInterval {
  const level = options.level ?? 0.95;
  const resamples = options.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
  const minNetworks = options.minNetworks ?? MIN_NETWORKS_FOR_INTERVAL;
  if (!(level > 0 && level < 1)) throw new Error(`interval level must lie in (0, 1), got ${level}`);
  if (!Number.isInteger(resamples) || resamples < 1) throw new Error(`bootstrap resamples must be a positive integer, got ${resamples}`);
  if (!Number.isInteger(minNetworks) || minNetworks < 2) throw new Error(`minNetworks must be an integer ≥ 2, got ${minNetworks}`);
  if (pairs.length === 0) return { mean: Number.NaN, ci: null, reason: 'no pairs', resamples: 0, networks: {}, pairs: 0 };

  // Networks, indexed, grouped by architecture.
  const index = new Map<string, number>();
  const groups = new Map<string, number[]>();
  const idx = (id: string): number => {
    let k = index.get(id);
    if (k === undefined) {
      k = index.size;
      index.set(id, k);
      const g = options.groupOf(id);
      if (typeof g !== 'string') throw new Error(`network ${id} has no architecture`);
      const list = groups.get(g) ?? [];
      list.push(k);
      groups.set(g, list);
    }
    return k;
  };
  const pa = new Int32Array(pairs.length);
  const pb = new Int32Array(pairs.length);
  const pv = new Float64Array(pairs.length);
  let sum = 0;
  for (const [i, p] of pairs.entries()) {
    pa[i] = idx(p.a);
    pb[i] = p.b === null ? -1 : idx(p.b);
    pv[i] = p.value;
    sum += p.value;
  }
  const mean = sum / pairs.length;
  const networks = Object.fromEntries([...groups].map(([g, l]) => [g, l.length]));
  const short = [...groups].filter(([, l]) => l.length < minNetworks);
  if (short.length > 0) {
    const have = short.map(([g, l]) => `${l.length} of ${g}`).join(', ');
    return { mean, ci: null, reason: `needs at least ${minNetworks} networks per architecture; have ${have}`, resamples: 0, networks, pairs: pairs.length };
  }

  const rand = mulberry32(options.seed ?? 0);
  const counts = new Float64Array(index.size);
  const groupList = [...groups.values()];
  const means = new Float64Array(resamples);
  const maxRedraws = 100 * resamples;
  let redraws = 0;
  for (let r = 0; r < resamples; ) {
    counts.fill(0);
    for (const members of groupList) for (let d = 0; d < members.length; d++) counts[members[Math.floor(rand() * members.length)]!]! += 1;
    let num = 0;
    let den = 0;
    for (let i = 0; i < pv.length; i++) {
      const w = pb[i]! < 0 ? counts[pa[i]!]! : counts[pa[i]!]! * counts[pb[i]!]!;
      num += w * pv[i]!;
      den += w;
    }
    if (den === 0) {
      if (++redraws > maxRedraws) {
        return { mean, ci: null, reason: 'almost every bootstrap draw of networks holds no measured pair: the pairs are too sparse among the networks for an interval', resamples: 0, networks, pairs: pairs.length };
      }
      continue;
    }
    means[r++] = num / den;
  }
  means.sort();
  const alpha = (1 - level) / 2;
  return { mean, ci: { low: quantileSorted(means, alpha), high: quantileSorted(means, 1 - alpha), level }, reason: null, resamples, networks, pairs: pairs.length };
}

export interface PermutationOptions {
  /** Monte Carlo relabellings when exact enumeration would need more (default 9999). */
  permutations?: number;
  seed?: number;
}

export interface PermutationResult {
  /** mean(trained) − mean(chance). */
  observed: number;
  /** One-sided p-value for trained > chance. */
  pValue: number;
  /** Relabellings evaluated: every one when `exact`, else the Monte Carlo count. */
  permutations: number;
  exact: boolean;
}

/** Binomial coefficient C(n, k), or Infinity once it exceeds 2^53. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  k = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= k; i++) {
    c = (c * (n - k + i)) / i;
    if (c > Number.MAX_SAFE_INTEGER) return Infinity;
  }
  return Math.round(c);
}

/**
 * One-sided permutation test of `trained` against `chance` (H1: trained values are larger). Exact by enumerating
 * every choice of which pooled values are "trained" when that takes at most `permutations` relabellings, else
 * seeded Monte Carlo. Values must be finite; each side needs at least one.
 */
export function permutationTest(trained: readonly number[], chance: readonly number[], options: PermutationOptions = {}): PermutationResult {
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  if (!Number.isInteger(permutations) || permutations < 1) throw new Error(`permutations must be a positive integer, got ${permutations}`);
  if (trained.length === 0 || chance.length === 0) throw new Error(`a permutation test needs values on both sides; have ${trained.length} trained and ${chance.length} chance`);
  for (const v of [...trained, ...chance]) if (!Number.isFinite(v)) throw new Error(`permutation test: non-finite value ${v}`);
  const pooled = Float64Array.from([...trained, ...chance]);
  const n = pooled.length;
  const k = trained.length;
  let total = 0;
  for (const v of pooled) total += v;
  // mean(T) − mean(C) is increasing in sum(T) for fixed sizes, so comparing sums of the "trained" side suffices.
  const stat = (sumT: number): number => sumT / k - (total - sumT) / (n - k);
  let observedSum = 0;
  for (const v of trained) observedSum += v;
  const observed = stat(observedSum);
  // Relative tolerance: ties in exact arithmetic can differ by rounding between summation orders.
  const tol = 1e-12 * Math.max(1, Math.abs(observedSum), Math.abs(total));
  const count = binomial(n, k);
  if (count <= permutations) {
    let atLeast = 0;
    const choose = new Int32Array(k);
    for (let i = 0; i < k; i++) choose[i] = i;
    for (;;) {
      let s = 0;
      for (let i = 0; i < k; i++) s += pooled[choose[i]!]!;
      if (s >= observedSum - tol) atLeast++;
      // next k-combination in lexicographic order
      let i = k - 1;
      while (i >= 0 && choose[i] === n - k + i) i--;
      if (i < 0) break;
      choose[i]!++;
      for (let j = i + 1; j < k; j++) choose[j] = choose[j - 1]! + 1;
    }
    return { observed, pValue: atLeast / count, permutations: count, exact: true };
  }
  const rand = mulberry32(options.seed ?? 0);
  const work = Float64Array.from(pooled);
  let atLeast = 0;
  for (let r = 0; r < permutations; r++) {
    // partial Fisher–Yates: the first k slots become a uniform random k-subset
    let s = 0;
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rand() * (n - i));
      const t = work[i]!;
      work[i] = work[j]!;
      work[j] = t;
      s += work[i]!;
    }
    if (s >= observedSum - tol) atLeast++;
  }
  return { observed, pValue: (1 + atLeast) / (1 + permutations), permutations, exact: false };
}
