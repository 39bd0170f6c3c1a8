/**
 * The paper's findings (Li et al., "Convergent learning", 2016) computed from a result's data (issue 11). Pure: the
 * CLI (`convergent report`, from a result directory) and the API (`Experiment.findings`, from database rows) build
 * the same `FindingsInput` and call `computeFindings`; every verdict is computed here from the numbers next to it,
 * never written by hand. Intervals resample NETWORKS (stats/uncertainty.ts, the bootstrap behind the per-layer
 * statistics), tests are the one-sided permutation test of the same module, per-layer trained-vs-chance rows are
 * the stored `layerStatistics` (experiment/layer-statistics.ts).
 *
 * Decision rules (also in `Finding.rule` and the engine README):
 * - No interval (fewer than 3 networks of an architecture, or no data) ⇒ `inconclusive`, with the reason. Always.
 * - A layer row of a claim "X is above chance": `supported` when the interval's low end is above the matched chance
 *   mean AND the one-sided p ≤ α; `not supported` when the mean is at or below the chance mean; else inconclusive.
 * - Findings over layers combine rows: `any` claims (some layer shows it) are supported when one layer is (with a
 *   Bonferroni α / layers), not supported when every layer is not; `all` claims (every layer shows it) are supported
 *   when every layer is, not supported when one is not; inconclusive otherwise, naming the undecided layers.
 */
import { type BootstrapInterval, networkBootstrap, networkValuesBootstrap, permutationTest } from '../stats/uncertainty.ts';
import { type LayerStatistic, SIGNIFICANCE, figureStatistics } from '../experiment/layer-statistics.ts';

export const FINDINGS_SCHEMA = 'convergent-findings';
export const FINDINGS_VERSION = 1;

/** A unit is "matched well" in another network when its best (semi-matched) correlation there is at least this. */
export const RELIABLE_R = 0.5;
/** The sparse fit compared with the best single unit: the path point whose mean non-zero weights is nearest this. */
export const TARGET_NONZERO = 5;
/** "Much better": the sparse fit leaves at most 1 − this share of the single unit's unexplained variance (relative FVU reduction). */
export const MIN_RELATIVE_GAIN = 0.2;
/**
 * semi ≥ max up to rounding. The semi side is read back from the float32 correlation matrix (relative rounding
 * 6e-8 per entry), the max side is the float64 mean, so equal matchings can differ by ~1e-8: 1e-9 flagged a
 * tie (every live unit of a matched to the same partner both ways) as a violation.
 */
const TIE = 1e-6;

export type FindingId = 'reliable-features' | 'subspaces' | 'local-distributed' | 'semi-vs-max' | 'depth-trend' | 'trained-vs-chance';
export type FindingVerdict = 'supported' | 'not supported' | 'inconclusive';

export interface FindingsNetwork {
  id: string;
  architecture: string;
  role: 'trained' | 'untrained';
}

/** One aligned pair at one layer, reduced to what the findings need. */
export interface FindingsPair {
  layer: string;
  a: string;
  b: string;
  kind: 'between' | 'chance';
  mirrors?: { a: string; b: string };
  /**
   * Per unit of a: its semi-matched (best) correlation in b; null for a dead unit of a. A live unit whose best
   * partner is dead has no reported match and counts 0 (its correlation with a dead unit).
   */
  bestA?: Array<number | null>;
  /** Per unit of b: its best correlation in a; null for a dead unit of b. */
  bestB?: Array<number | null>;
  /** Fraction of a's live units whose semi match is mutual. */
  oneToOne?: number | null;
  /** Max-weight (Hungarian) matched correlation, mean over a's live units. */
  max?: number | null;
  /** Sparse path: per penalty, mean non-zero weights per target and held-out FVU over b's live targets. */
  sparse?: { nonzero: number[]; fvuHeldOut: Array<number | null> } | null;
}

export interface FindingsInput {
  source: { kind: 'result-directory' | 'stored-experiment'; name: string; createdAt: string | null };
  networks: FindingsNetwork[];
  /** Recorded layers from the input to the output (depth order). */
  layers: string[];
  pairs: FindingsPair[];
  /** Stored per-layer statistics (manifest format 2 `layers[].statistics`, or the LayerStatistic rows). */
  statistics: Record<string, LayerStatistic[]>;
}

export interface FindingInterval {
  low: number;
  high: number;
  level: number;
}

/** One layer (or layer × figure) behind a finding. */
export interface FindingRow {
  layer: string;
  figure: string | null;
  value: number | null;
  interval: FindingInterval | null;
  intervalReason: string | null;
  chance: number | null;
  pValue: number | null;
  /** Trained networks (per-network figures) or trained pairs (pair figures) behind `value`. */
  n: number;
  verdict: FindingVerdict;
  reason: string;
}

export interface Finding {
  id: FindingId;
  title: string;
  /** The paper's claim being checked. */
  claim: string;
  /** The statistic, in words. */
  statistic: { name: string; value: number | null; layer: string | null };
  interval: FindingInterval | null;
  intervalReason: string | null;
  pValue: number | null;
  /** The test behind `pValue`, in words; null when no test applies. */
  test: string | null;
  /** What the statistic is held against, and its value. */
  chance: { name: string; value: number | null } | null;
  verdict: FindingVerdict;
  /** Why this verdict, with the numbers. */
  reason: string;
  /** The exact decision rule. */
  rule: string;
  rows: FindingRow[];
}

export interface Findings {
  schema: typeof FINDINGS_SCHEMA;
  version: typeof FINDINGS_VERSION;
  source: FindingsInput['source'];
  /** Trained and untrained networks per architecture. */
  networks: { trained: Record<string, number>; untrained: Record<string, number> };
  layers: string[];
  constants: { reliableR: number; targetNonzero: number; minRelativeGain: number; significance: number; intervalLevel: number };
  findings: Finding[];
}

export interface ComputeFindingsOptions {
  seed?: number;
  resamples?: number;
  permutations?: number;
}

const fmt = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(3) : v.toExponential(2));
const fmtP = (p: number) => (p < 1e-3 ? p.toExponential(1) : p.toFixed(3));
const mean = (v: readonly number[]) => (v.length === 0 ? Number.NaN : v.reduce((s, x) => s + x, 0) / v.length);
const iv = (b: BootstrapInterval): FindingInterval | null => (b.ci ? { low: b.ci.low, high: b.ci.high, level: b.ci.level } : null);

/** FNV-1a, for per-finding seeds. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function row(layer: string, figure: string | null, fields: Omit<FindingRow, 'layer' | 'figure'>): FindingRow {
  return { layer, figure, ...fields };
}

/** Verdict of an "above chance" row from its interval, chance mean and p (see the module comment). */
function aboveChanceRow(layer: string, figure: string | null, value: number, boot: BootstrapInterval, chance: number | null, p: number | null, alpha: number, n: number, extra?: (r: FindingRow) => FindingRow): FindingRow {
  const base = { value, interval: iv(boot), intervalReason: boot.reason, chance, pValue: p, n };
  let r: FindingRow;
  if (!boot.ci) r = row(layer, figure, { ...base, verdict: 'inconclusive', reason: `no interval: ${boot.reason}` });
  else if (chance === null || p === null) r = row(layer, figure, { ...base, verdict: 'inconclusive', reason: 'no matched chance to hold it against' });
  else if (!(value > chance)) r = row(layer, figure, { ...base, verdict: 'not supported', reason: `at or below chance (${fmt(value)} vs chance ${fmt(chance)})` });
  else if (boot.ci.low > chance && p <= alpha) r = row(layer, figure, { ...base, verdict: 'supported', reason: `above chance: interval [${fmt(boot.ci.low)}, ${fmt(boot.ci.high)}] above chance ${fmt(chance)}, p = ${fmtP(p)} ≤ ${fmtP(alpha)}` });
  else r = row(layer, figure, { ...base, verdict: 'inconclusive', reason: `not distinguishable from chance (${fmt(value)} vs ${fmt(chance)}, interval [${fmt(boot.ci.low)}, ${fmt(boot.ci.high)}], p = ${fmtP(p)}, α = ${fmtP(alpha)})` });
  return extra ? extra(r) : r;
}

/** Combine per-layer rows into the finding's verdict (see the module comment). */
function combine(rows: FindingRow[], mode: 'any' | 'all'): { verdict: FindingVerdict; reason: string; headline: FindingRow | null } {
  if (rows.length === 0) return { verdict: 'inconclusive', reason: 'no layer has the data this finding needs', headline: null };
  const by = (v: FindingVerdict) => rows.filter((r) => r.verdict === v);
  const list = (rs: FindingRow[]) => rs.map((r) => `${r.layer}${r.figure ? ` ${r.figure}` : ''}: ${r.reason}`).join('; ');
  const [sup, not, inc] = [by('supported'), by('not supported'), by('inconclusive')];
  if (mode === 'any') {
    if (sup.length > 0) return { verdict: 'supported', reason: `supported at ${sup.map((r) => r.layer).join(', ')} (${list(sup.slice(0, 1))})`, headline: sup[0]! };
    if (not.length === rows.length) return { verdict: 'not supported', reason: `not supported at any layer (${list(not)})`, headline: not[0]! };
    return { verdict: 'inconclusive', reason: list(inc), headline: inc[0]! };
  }
  if (not.length > 0) return { verdict: 'not supported', reason: `not supported at ${not.map((r) => r.layer + (r.figure ? ` ${r.figure}` : '')).join(', ')} (${list(not.slice(0, 3))})`, headline: not[0]! };
  if (sup.length === rows.length) return { verdict: 'supported', reason: `supported at every layer (${rows.map((r) => r.layer + (r.figure ? ` ${r.figure}` : '')).join(', ')})`, headline: rows[0]! };
  return { verdict: 'inconclusive', reason: list(inc), headline: inc[0]! };
}

function fromRows(
  base: Pick<Finding, 'id' | 'title' | 'claim' | 'rule' | 'test' | 'rows'> & { statisticName: string; chanceName: string | null },
  mode: 'any' | 'all',
): Finding {
  const c = combine(base.rows, mode);
  const h = c.headline;
  return {
    id: base.id,
    title: base.title,
    claim: base.claim,
    statistic: { name: base.statisticName, value: h?.value ?? null, layer: h?.layer ?? null },
    interval: h?.interval ?? null,
    intervalReason: h ? h.intervalReason : 'no layer has the data this finding needs',
    pValue: h?.pValue ?? null,
    test: h?.pValue !== null && h?.pValue !== undefined ? base.test : null,
    chance: base.chanceName ? { name: base.chanceName, value: h?.chance ?? null } : null,
    verdict: c.verdict,
    reason: c.reason,
    rule: base.rule,
    rows: base.rows,
  };
}

/** Compute every finding. Deterministic for a given input and seed. */
export function computeFindings(input: FindingsInput, options: ComputeFindingsOptions = {}): Findings {
  const seed = options.seed ?? 0;
  const netById = new Map(input.networks.map((n) => [n.id, n]));
  const archOf = (id: string) => {
    const n = netById.get(id);
    if (!n) throw new Error(`findings: pair names network "${id}" that is not in the input's networks`);
    return n.architecture;
  };
  const bootOpts = (tag: string) => ({ groupOf: archOf, seed: seed ^ hash(tag), ...(options.resamples ? { resamples: options.resamples } : {}) });
  const permOpts = (tag: string) => ({ seed: seed ^ hash(tag), ...(options.permutations ? { permutations: options.permutations } : {}) });
  const layers = input.layers;
  // Chance is matched chance only: pairs of untrained twins that mirror a trained pair (format 2). Older designs (a
  // trained net against its architecture's twin) are not the same pair design and are not used here.
  const pairsAt = (layer: string, kind: 'between' | 'chance') => input.pairs.filter((p) => p.layer === layer && p.kind === kind && (kind === 'between' || p.mirrors !== undefined));
  const count = (role: 'trained' | 'untrained') => {
    const out: Record<string, number> = {};
    for (const n of input.networks) if (n.role === role) out[n.architecture] = (out[n.architecture] ?? 0) + 1;
    return out;
  };
  const alphaAny = SIGNIFICANCE / Math.max(1, layers.length);

  // ---- reliable-features
  const reliableFractions = (pairs: FindingsPair[]): Map<string, number> => {
    // best[n][m] = per unit of n, its best r in m
    const best = new Map<string, Map<string, Array<number | null>>>();
    const put = (n: string, m: string, v: Array<number | null> | undefined) => {
      if (!v) return;
      if (!best.has(n)) best.set(n, new Map());
      best.get(n)!.set(m, v);
    };
    for (const p of pairs) {
      put(p.a, p.b, p.bestA);
      put(p.b, p.a, p.bestB);
    }
    const nets = [...best.keys()];
    const out = new Map<string, number>();
    for (const n of nets) {
      const others = nets.filter((m) => m !== n);
      const rows = others.map((m) => best.get(n)!.get(m));
      if (others.length === 0 || rows.some((r) => r === undefined)) continue; // not aligned with every other net
      const units = rows[0]!.length;
      let live = 0;
      let reliable = 0;
      for (let u = 0; u < units; u++) {
        if (rows[0]![u] === null) continue;
        live++;
        if (rows.every((r) => (r![u] ?? 0) >= RELIABLE_R)) reliable++;
      }
      if (live > 0) out.set(n, reliable / live);
    }
    return out;
  };
  const reliableRows: FindingRow[] = [];
  for (const layer of layers) {
    const trained = reliableFractions(pairsAt(layer, 'between'));
    if (trained.size === 0) continue;
    const chance = reliableFractions(pairsAt(layer, 'chance'));
    const tv = [...trained].map(([network, value]) => ({ network, value }));
    const boot = networkValuesBootstrap(tv, bootOpts(`reliable/${layer}`));
    const cv = [...chance.values()];
    const p = cv.length > 0 ? permutationTest(tv.map((v) => v.value), cv, permOpts(`reliable/${layer}`)).pValue : null;
    reliableRows.push(
      aboveChanceRow(layer, null, boot.mean, boot, cv.length > 0 ? mean(cv) : null, p, alphaAny, tv.length, (r) =>
        r.verdict === 'supported' && r.interval && r.interval.low >= 1 ? { ...r, verdict: 'not supported', reason: 'every live unit is matched well in every other network: no unit is left that is not' } : r,
      ),
    );
  }

  // ---- subspaces: held-out FVU of the sparse fit at ~5 non-zeros vs the best single unit's FVU
  const subspaceValue = (p: FindingsPair): { gain: number; single: number; sparse: number; nonzero: number } | null => {
    if (!p.bestB || !p.sparse || p.sparse.nonzero.length === 0) return null;
    const live = p.bestB.filter((r): r is number => r !== null);
    if (live.length === 0) return null;
    const single = mean(live.map((r) => 1 - Math.min(1, r * r)));
    let k = -1;
    for (let i = 0; i < p.sparse.nonzero.length; i++) {
      const held = p.sparse.fvuHeldOut[i];
      if (held === null || held === undefined || !Number.isFinite(held)) continue;
      if (k < 0 || Math.abs(p.sparse.nonzero[i]! - TARGET_NONZERO) < Math.abs(p.sparse.nonzero[k]! - TARGET_NONZERO)) k = i;
    }
    if (k < 0 || !(single > 0)) return null;
    const sparse = p.sparse.fvuHeldOut[k]!;
    return { gain: 1 - sparse / single, single, sparse, nonzero: p.sparse.nonzero[k]! };
  };
  const subspaceRows: FindingRow[] = [];
  for (const layer of layers) {
    const tv = pairsAt(layer, 'between').flatMap((p) => {
      const v = subspaceValue(p);
      return v ? [{ a: p.a, b: p.b, value: v.gain, v }] : [];
    });
    if (tv.length === 0) continue;
    const cv = pairsAt(layer, 'chance').flatMap((p) => {
      const v = subspaceValue(p);
      return v ? [v.gain] : [];
    });
    const boot = networkBootstrap(tv, bootOpts(`subspaces/${layer}`));
    const p = cv.length > 0 ? permutationTest(tv.map((x) => x.value), cv, permOpts(`subspaces/${layer}`)).pValue : null;
    const detail = `single-unit FVU ${fmt(mean(tv.map((x) => x.v.single)))}, sparse held-out FVU ${fmt(mean(tv.map((x) => x.v.sparse)))} at ${fmt(mean(tv.map((x) => x.v.nonzero)))} non-zeros`;
    const base = { value: boot.mean, interval: iv(boot), intervalReason: boot.reason, chance: cv.length > 0 ? mean(cv) : null, pValue: p, n: tv.length };
    let r: FindingRow;
    if (!boot.ci) r = row(layer, null, { ...base, verdict: 'inconclusive', reason: `no interval: ${boot.reason}` });
    else if (boot.ci.low >= MIN_RELATIVE_GAIN) r = row(layer, null, { ...base, verdict: 'supported', reason: `the sparse fit removes ${fmt(boot.mean)} of the single unit's unexplained variance, interval [${fmt(boot.ci.low)}, ${fmt(boot.ci.high)}] ≥ ${MIN_RELATIVE_GAIN} (${detail})` });
    else if (boot.ci.high < MIN_RELATIVE_GAIN) r = row(layer, null, { ...base, verdict: 'not supported', reason: `relative FVU reduction ${fmt(boot.mean)}, interval [${fmt(boot.ci.low)}, ${fmt(boot.ci.high)}] below ${MIN_RELATIVE_GAIN} (${detail})` });
    else r = row(layer, null, { ...base, verdict: 'inconclusive', reason: `interval [${fmt(boot.ci.low)}, ${fmt(boot.ci.high)}] straddles ${MIN_RELATIVE_GAIN} (${detail})` });
    subspaceRows.push(r);
  }

  // ---- local-distributed: one-to-one fraction of semi-matching, above chance and below 1
  const pairFigure = (layer: string, pick: (p: FindingsPair) => number | null | undefined) =>
    input.pairs
      .filter((p) => p.layer === layer && (p.kind === 'between' || p.mirrors !== undefined))
      .flatMap((p) => {
        const v = pick(p);
        return v === null || v === undefined || !Number.isFinite(v) ? [] : [{ a: p.a, b: p.b, kind: p.kind, value: v, ...(p.mirrors ? { mirrors: p.mirrors } : {}) }];
      });
  const statRow = (layer: string, figure: string, alpha: number, pick: (p: FindingsPair) => number | null | undefined): { row: FindingRow; stat: LayerStatistic } | null => {
    const stats = figureStatistics(figure, pairFigure(layer, pick), { architectureOf: archOf, seed: seed ^ hash(`${figure}/${layer}`), scopes: ['all'], ...(options.resamples ? { resamples: options.resamples } : {}), ...(options.permutations ? { permutations: options.permutations } : {}) });
    const s = stats[0];
    if (!s) return null;
    const boot: BootstrapInterval = { mean: s.mean, ci: s.ci, reason: s.ciReason, resamples: s.resamples, networks: s.networks, pairs: s.pairs };
    return { row: aboveChanceRow(layer, figure, s.mean, boot, s.chance?.mean ?? null, s.pValue, alpha, s.pairs), stat: s };
  };
  const localRows: FindingRow[] = [];
  for (const layer of layers) {
    const r = statRow(layer, 'oneToOne', alphaAny, (p) => p.oneToOne);
    if (!r) continue;
    localRows.push(
      r.row.verdict === 'supported' && r.row.interval && r.row.interval.low >= 1 - TIE
        ? { ...r.row, verdict: 'not supported', reason: 'every live unit is matched one-to-one: no distributed part' }
        : r.row.verdict === 'supported'
          ? { ...r.row, reason: `${r.row.reason}; below 1: the rest of the units are not matched one-to-one` }
          : r.row,
    );
  }

  // ---- semi-vs-max: semi-matched ≥ max-matched correlation in every pair (a's live units, trained pairs)
  const semiMaxRows: FindingRow[] = [];
  for (const layer of layers) {
    const d = pairsAt(layer, 'between').flatMap((p) => {
      if (!p.bestA || p.max === null || p.max === undefined || !Number.isFinite(p.max)) return [];
      const live = p.bestA.filter((r): r is number => r !== null);
      if (live.length === 0) return [];
      return [{ a: p.a, b: p.b, value: mean(live) - p.max }];
    });
    if (d.length === 0) continue;
    const boot = networkBootstrap(d, bootOpts(`semimax/${layer}`));
    const violations = d.filter((x) => x.value < -TIE);
    const base = { value: boot.mean, interval: iv(boot), intervalReason: boot.reason, chance: null, pValue: null, n: d.length };
    const counted = `semi ≥ max in ${d.length - violations.length} of ${d.length} pairs, mean difference ${fmt(boot.mean)}`;
    if (!boot.ci) semiMaxRows.push(row(layer, null, { ...base, verdict: 'inconclusive', reason: `${counted}; no interval: ${boot.reason}` }));
    else if (violations.length > 0) semiMaxRows.push(row(layer, null, { ...base, verdict: 'not supported', reason: `${counted} (violated by ${violations.slice(0, 3).map((x) => `${x.a}×${x.b}`).join(', ')})` }));
    else semiMaxRows.push(row(layer, null, { ...base, verdict: 'supported', reason: counted }));
  }

  // ---- depth-trend: matched correlation (max, live units) per layer; first minus deepest layer over the same pairs
  const matchedPick = (p: FindingsPair) => p.max;
  const depthRows: FindingRow[] = [];
  for (const layer of layers) {
    const r = statRow(layer, 'max', SIGNIFICANCE, matchedPick);
    if (r) depthRows.push(r.row);
  }
  const depth = ((): Finding => {
    const withData = depthRows.map((r) => r.layer);
    const rule = `Statistic: mean over trained pairs of (max-matched correlation at the first recorded layer − at the deepest), live units, pairs present at both. Supported (declines with depth) when its ${95}% network-bootstrap interval lies above 0, not supported when it lies below 0, inconclusive when it covers 0, when there is no interval, or with fewer than 2 layers. Rows: each layer's matched correlation with its interval and matched chance.`;
    const base = { id: 'depth-trend' as const, title: 'Matched correlation declines with depth', claim: 'Early layers converge most: matched correlation between networks falls from the first layer to the deepest (live units only).', rule, rows: depthRows };
    if (withData.length < 2) {
      return { ...base, statistic: { name: 'first − deepest layer matched correlation', value: null, layer: null }, interval: null, intervalReason: 'needs matched correlations at 2 or more layers', pValue: null, test: null, chance: { name: 'the same difference among matched chance pairs', value: null }, verdict: 'inconclusive', reason: `needs matched correlations at 2 or more layers; have ${withData.length}` };
    }
    const [first, last] = [withData[0]!, withData[withData.length - 1]!];
    const diffs = (kind: 'between' | 'chance') => {
      const lastBy = new Map(pairsAt(last, kind).filter((p) => Number.isFinite(p.max ?? Number.NaN)).map((p) => [`${p.a}\u0000${p.b}`, p.max!]));
      return pairsAt(first, kind).flatMap((p) => {
        const l = lastBy.get(`${p.a}\u0000${p.b}`);
        return l === undefined || !Number.isFinite(p.max ?? Number.NaN) ? [] : [{ a: p.a, b: p.b, value: p.max! - l }];
      });
    };
    const td = diffs('between');
    const cd = diffs('chance');
    const boot = networkBootstrap(td, bootOpts('depth'));
    const chance = cd.length > 0 ? mean(cd.map((x) => x.value)) : null;
    const stat = { name: `matched correlation at ${first} − at ${last}`, value: Number.isFinite(boot.mean) ? boot.mean : null, layer: `${first} → ${last}` };
    const common = { ...base, statistic: stat, interval: iv(boot), intervalReason: boot.reason, pValue: null, test: null, chance: { name: 'the same difference among matched chance pairs', value: chance } };
    if (!boot.ci) return { ...common, verdict: 'inconclusive', reason: `no interval: ${boot.reason}` };
    if (boot.ci.low > 0) return { ...common, verdict: 'supported', reason: `${first} is more alike than ${last} by ${fmt(boot.mean)}, interval [${fmt(boot.ci.low)}, ${fmt(boot.ci.high)}] above 0` };
    if (boot.ci.high < 0) return { ...common, verdict: 'not supported', reason: `${last} is more alike than ${first} by ${fmt(-boot.mean)}, interval [${fmt(boot.ci.low)}, ${fmt(boot.ci.high)}] below 0` };
    return { ...common, verdict: 'inconclusive', reason: `the interval [${fmt(boot.ci.low)}, ${fmt(boot.ci.high)}] covers 0` };
  })();

  // ---- trained-vs-chance: the stored per-layer statistics, scope all, live figures
  const tvcRows: FindingRow[] = [];
  for (const layer of layers) {
    // sorted by figure: the same rows in the same order whatever order they were stored in
    for (const s of [...(input.statistics[layer] ?? [])].sort((x, y) => (x.figure < y.figure ? -1 : x.figure > y.figure ? 1 : 0))) {
      if (s.scope !== 'all' || s.figure.endsWith('.all') || s.figure.startsWith('spectralShared')) continue;
      const base = { value: s.mean, interval: s.ci ? { low: s.ci.low, high: s.ci.high, level: s.ci.level } : null, intervalReason: s.ciReason, chance: s.chance?.mean ?? null, pValue: s.pValue, n: s.pairs };
      let verdict: FindingVerdict;
      let reason: string;
      if (!s.ci) [verdict, reason] = ['inconclusive', `no interval: ${s.ciReason ?? 'none stored'}`];
      else if (s.verdict === 'above-chance') [verdict, reason] = ['supported', s.verdictReason];
      else if (s.verdict === 'at-or-below-chance') [verdict, reason] = ['not supported', s.verdictReason];
      else [verdict, reason] = ['inconclusive', s.verdictReason];
      tvcRows.push(row(layer, s.figure, { ...base, verdict, reason }));
    }
  }
  const tvc = ((): Finding => {
    const rule =
      'Rows: every stored layer × figure statistic (scope all pairs, live-unit figures; the saturating spectralShared and the all-units variants left out), each with its network-bootstrap interval, matched chance and one-sided permutation p. A row is supported when its stored verdict is above chance (mean better than chance and p ≤ 0.05) and it has an interval, not supported when at or below chance, else inconclusive. The finding is not supported when any row is not, supported when every row is, else inconclusive. Statistic: share of rows supported; p: the largest row p.';
    const n = tvcRows.length;
    const sup = tvcRows.filter((r) => r.verdict === 'supported').length;
    const c = combine(tvcRows, 'all');
    const ps = tvcRows.map((r) => r.pValue).filter((p): p is number => p !== null);
    const anyNoCi = tvcRows.find((r) => r.interval === null);
    return {
      id: 'trained-vs-chance',
      title: 'Trained networks are more alike than matched chance',
      claim: 'Every layer and method shows trained networks more alike than untrained twins of the same two architectures.',
      statistic: { name: 'share of layer × method rows above matched chance', value: n > 0 ? sup / n : null, layer: null },
      interval: null,
      intervalReason: n === 0 ? 'no stored statistics' : 'a count over layer × method rows; each row carries its own interval',
      pValue: ps.length > 0 ? Math.max(...ps) : null,
      test: ps.length > 0 ? 'largest one-sided permutation p over the rows (trained pairs vs matched chance pairs)' : null,
      chance: { name: 'matched chance per row (untrained twins of the same two architectures)', value: null },
      verdict: n === 0 ? 'inconclusive' : c.verdict,
      reason: n === 0 ? 'no stored per-layer statistics (run the experiment again to store them)' : c.verdict === 'inconclusive' && anyNoCi ? `${c.reason}` : c.reason,
      rule,
      rows: tvcRows,
    };
  })();

  const findings: Finding[] = [
    fromRows(
      {
        id: 'reliable-features',
        title: 'Some features are learned reliably, others are not',
        claim: 'Some units are matched well in every other network; others are not.',
        statisticName: `share of live units whose semi-matched r ≥ ${RELIABLE_R} in every other trained network (mean over networks)`,
        chanceName: 'the same share among untrained twins',
        test: 'one-sided permutation test, per-network shares of trained vs untrained twins',
        rule: `Per layer: for every trained network, the share of its live units whose best (semi-matched) correlation is ≥ ${RELIABLE_R} in EVERY other trained network; the mean over networks with a network-bootstrap 95% interval; chance: the same share among the untrained twins. A layer is supported when the interval's low end is above the chance mean, p ≤ 0.05 / layers (Bonferroni) and the interval's low end is below 1 (some units are not reliable); not supported when the mean is at or below chance or every unit is reliable; otherwise inconclusive (always without an interval). The finding is supported when one layer is, not supported when every layer is not, else inconclusive.`,
        rows: reliableRows,
      },
      'any',
    ),
    fromRows(
      {
        id: 'subspaces',
        title: 'One-to-many predicts much better than one-to-one',
        claim: 'A sparse combination of a few units of one network predicts a unit of another much better than its best single unit does.',
        statisticName: `relative reduction of FVU: 1 − (held-out FVU of the sparse fit at ~${TARGET_NONZERO} non-zeros) / (FVU of the best single unit)`,
        chanceName: 'the same reduction among matched chance pairs',
        test: 'one-sided permutation test, trained vs matched chance pairs',
        rule: `Per layer and trained pair (predicting b's live units from a): single = mean over b's live units of 1 − r², r its semi-matched (best) correlation in a — the in-sample FVU of the best single unit; sparse = the held-out FVU (fitted on other probe images) at the path point whose mean non-zero weights is nearest ${TARGET_NONZERO}. Statistic 1 − sparse / single, mean over pairs with a network-bootstrap 95% interval. Held-out sparse against in-sample single favours the single unit, so the test is conservative. A layer is supported when the interval's low end is ≥ ${MIN_RELATIVE_GAIN}, not supported when its high end is below ${MIN_RELATIVE_GAIN}, else inconclusive (always without an interval). The finding is supported when every layer with data is, not supported when one is not. Chance and p are reported, not used.`,
        rows: subspaceRows,
      },
      'all',
    ),
    fromRows(
      {
        id: 'local-distributed',
        title: 'Some features are local (one-to-one), others distributed',
        claim: 'A part of the units have a mutual best match in the other network (a local code); the rest do not.',
        statisticName: 'one-to-one fraction of semi-matching (mutual best matches, live units)',
        chanceName: 'the same fraction among matched chance pairs',
        test: 'one-sided permutation test, trained vs matched chance pairs',
        rule: 'Per layer: the one-to-one fraction of semi-matching over live units, mean over trained pairs with a network-bootstrap 95% interval, matched chance and p (experiment/layer-statistics.ts). A layer is supported when the interval low end is above chance, p ≤ 0.05 / layers and the interval lies below 1; not supported when at or below chance or every unit is one-to-one; else inconclusive (always without an interval). Supported when one layer is, not supported when every layer is not.',
        rows: localRows,
      },
      'any',
    ),
    fromRows(
      {
        id: 'semi-vs-max',
        title: 'Semi-matching scores at least max-matching',
        claim: 'In every pair the semi-matched correlation (each unit its best partner) is at least the max-weight (one-to-one) matched correlation.',
        statisticName: 'mean over trained pairs of (semi − max) matched correlation, a\'s live units',
        chanceName: null,
        test: null,
        rule: `Per layer: for every trained pair, semi (mean over a's live units of the best correlation in b) − max (max-weight matched correlation over a's live units); the mean with a network-bootstrap 95% interval. A layer is supported when semi ≥ max − ${TIE} in every pair, not supported when a pair violates it, inconclusive without an interval. Supported when every layer is.`,
        rows: semiMaxRows,
      },
      'all',
    ),
    depth,
    tvc,
  ];
  return {
    schema: FINDINGS_SCHEMA,
    version: FINDINGS_VERSION,
    source: input.source,
    networks: { trained: count('trained'), untrained: count('untrained') },
    layers,
    constants: { reliableR: RELIABLE_R, targetNonzero: TARGET_NONZERO, minRelativeGain: MIN_RELATIVE_GAIN, significance: SIGNIFICANCE, intervalLevel: 0.95 },
    findings,
  };
}
