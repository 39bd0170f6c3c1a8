/**
 * Proportions counted over units (e.g. the share of a reference network's live units found in every other network):
 * the Wilson score interval of one proportion and a one-sided Fisher exact test of two.
 *
 * Both treat the counted units as independent draws. Units of one layer are not independent (they share inputs and
 * training), so read the interval as the sampling uncertainty over units only and the p-value as optimistic; the
 * network-level uncertainty of a family check needs more families than one experiment has.
 */

/** Standard normal quantile Φ⁻¹(p) (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normal quantile: p must lie in (0, 1), got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

export interface ProportionInterval {
  low: number;
  high: number;
  level: number;
}

/** Wilson score interval of k successes in n trials (n ≥ 1, 0 ≤ k ≤ n); the level defaults to 0.95. */
export function wilsonInterval(k: number, n: number, level = 0.95): ProportionInterval {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Wilson interval: need n ≥ 1 trials, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`Wilson interval: successes must be an integer in [0, ${n}], got ${k}`);
  if (!(level > 0 && level < 1)) throw new Error(`interval level must lie in (0, 1), got ${level}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = k / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // The closed ends are exact: k = 0 gives low 0, k = n gives high 1 (rounding would leave 1e-17 off).
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half), level };
}

/** log(i!) for i = 0 … n. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) out[i] = out[i - 1]! + Math.log(i);
  return out;
}

/**
 * One-sided Fisher exact test that proportion 1 (k1 of n1) exceeds proportion 2 (k2 of n2): P(X ≥ k1) for X
 * hypergeometric with the table's margins fixed — scipy.stats.fisher_exact([[k1, n1-k1], [k2, n2-k2]],
 * alternative='greater').
 */
export function fisherExactGreater(k1: number, n1: number, k2: number, n2: number): number {
  for (const [name, k, n] of [['first', k1, n1], ['second', k2, n2]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Fisher test: the ${name} proportion needs n ≥ 1, got ${n}`);
    if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`Fisher test: the ${name} count must be an integer in [0, ${n}], got ${k}`);
  }
  const total = n1 + n2;
  const successes = k1 + k2;
  const lf = logFactorials(total);
  const logChoose = (n: number, k: number) => lf[n]! - lf[k]! - lf[n - k]!;
  const logDenominator = logChoose(total, n1);
  const hi = Math.min(n1, successes);
  // Sum the upper tail from the mode outwards in log space relative to its largest term.
  const terms: number[] = [];
  for (let x = k1; x <= hi; x++) terms.push(logChoose(successes, x) + logChoose(total - successes, n1 - x) - logDenominator);
  if (terms.length === 0) return 0;
  const m = Math.max(...terms);
  let s = 0;
  for (const t of terms) s += Math.exp(t - m);
  return Math.min(1, Math.exp(m) * s);
}
