/**
 * How much spectral clusters mix the two networks' units: the discriminating headline of spectral clustering
 * (issue 11). The older "shared fraction" (share of clusters with at least one unit of each net) saturates at 1 for
 * trained and untrained pairs alike, because one stray unit makes a cluster "shared".
 *
 * `mixing = 1 − AMI(cluster labels, network identity)` over the live units, with the adjusted mutual information of
 * Vinh, Epps & Bailey (2010) normalised by the smaller entropy (scikit-learn's `average_method="min"`):
 *   AMI = (MI − E[MI]) / (min(H(clusters), H(identity)) − E[MI]),
 * E[MI] under the hypergeometric model of random labellings with the same cluster sizes. Clusters that each hold
 * A's and B's units in the proportion of the whole pair give AMI ≈ 0 and mixing ≈ 1; clusters that separate the
 * two nets give AMI = 1 and mixing = 0 however many clusters each net's units fill (the "min" normalisation makes
 * a refinement of the identity partition score 1, which the arithmetic mean would not). Chance-corrected, so it
 * does not drift with the number of clusters. AMI can be negative — clusters that split the two nets MORE evenly
 * than a random labelling of the same sizes would — so mixing can exceed 1 (trained demo pairs: 1.01–1.08); it is
 * not clipped, since clipping would make the well-mixed pairs saturate again.
 */

/** log(k!) for k = 0..n. */
function logFactorials(n: number): Float64Array {
  const t = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) t[k] = t[k - 1]! + Math.log(k);
  return t;
}

function entropy(counts: readonly number[], n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/**
 * Adjusted mutual information between two labellings of the same items. Equals
 * sklearn.metrics.adjusted_mutual_info_score(u, v, average_method=normalisation). Both labellings with one class
 * each (or each item its own class) give 1, as sklearn does.
 */
export function adjustedMutualInformation(u: ArrayLike<number>, v: ArrayLike<number>, normalisation: 'arithmetic' | 'min' = 'arithmetic'): number {
  const n = u.length;
  if (v.length !== n) throw new Error(`AMI: labellings of ${n} and ${v.length} items`);
  if (n === 0) throw new Error('AMI of empty labellings');
  const ui = new Map<number, number>();
  const vi = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!ui.has(u[i]!)) ui.set(u[i]!, ui.size);
    if (!vi.has(v[i]!)) vi.set(v[i]!, vi.size);
  }
  const R = ui.size;
  const C = vi.size;
  if ((R === 1 && C === 1) || R === n && C === n) return 1;
  const table = new Float64Array(R * C);
  for (let i = 0; i < n; i++) table[ui.get(u[i]!)! * C + vi.get(v[i]!)!]! += 1;
  const a = Array.from({ length: R }, (_, r) => { let s = 0; for (let c = 0; c < C; c++) s += table[r * C + c]!; return s; });
  const b = Array.from({ length: C }, (_, c) => { let s = 0; for (let r = 0; r < R; r++) s += table[r * C + c]!; return s; });
  let mi = 0;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const nij = table[r * C + c]!;
      if (nij > 0) mi += (nij / n) * Math.log((n * nij) / (a[r]! * b[c]!));
    }
  }
  // Expected MI under the hypergeometric model.
  const lf = logFactorials(n);
  let emi = 0;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const ai = a[r]!;
      const bj = b[c]!;
      const lo = Math.max(1, ai + bj - n);
      const hi = Math.min(ai, bj);
      for (let nij = lo; nij <= hi; nij++) {
        const term = (nij / n) * Math.log((n * nij) / (ai * bj));
        const logP = lf[ai]! + lf[bj]! + lf[n - ai]! + lf[n - bj]! - lf[n]! - lf[nij]! - lf[ai - nij]! - lf[bj - nij]! - lf[n - ai - bj + nij]!;
        emi += term * Math.exp(logP);
      }
    }
  }
  const ha = entropy(a, n);
  const hb = entropy(b, n);
  const norm = normalisation === 'min' ? Math.min(ha, hb) : (ha + hb) / 2;
  let denom = norm - emi;
  // sklearn guards a vanishing denominator the same way (tiny epsilon keeping the sign).
  const eps = 2.220446049250313e-16;
  if (denom < 0) denom = Math.min(denom, -eps);
  else denom = Math.max(denom, eps);
  return (mi - emi) / denom;
}

/**
 * Mixing of a pair's spectral clusters: 1 − AMI(labels, network identity) over the live units. `labels` holds A's
 * p units then B's q units (SpectralResult order); `dead` flags (same order) exclude units. Null when fewer than
 * one live unit on a side (no identity to mix).
 */
export function clusterMixing(labels: ArrayLike<number>, p: number, q: number, dead?: { a: ArrayLike<number>; b: ArrayLike<number> }): number | null {
  if (labels.length !== p + q) throw new Error(`cluster mixing: ${labels.length} labels for ${p} + ${q} units`);
  const lab: number[] = [];
  const side: number[] = [];
  for (let i = 0; i < p + q; i++) {
    const isDead = dead ? (i < p ? dead.a[i] : dead.b[i - p]) === 1 : false;
    if (isDead) continue;
    lab.push(labels[i]!);
    side.push(i < p ? 0 : 1);
  }
  if (!side.includes(0) || !side.includes(1)) return null;
  return 1 - adjustedMutualInformation(lab, side, 'min');
}
