/**
 * Consensus and stitching (issue 16) as the dashboard shows them: pure shaping of what GraphQL serves
 * (`Experiment.consensus`, `Experiment.stitching`), so the overview panels, the consensus view and the pair page
 * agree and can be tested without a browser.
 *
 * Consensus: per layer, the share of the reference network's live units matched cycle-consistently in every other
 * trained network, against the same on untrained twins (matched chance), with the API's `statistic` (Wilson 95%
 * interval over units, one-sided Fisher exact test, verdict; units counted as independent, which is optimistic).
 * Stitching: per layer and map, held-out accuracy of B on A's mapped activations, against B's own accuracy and
 * two chances: the same map fitted from an untrained twin of A's architecture, and the majority-class rate; with the
 * API's `statistic` (network-bootstrap interval, permutation test against the untrained-twin pairs, verdict).
 */

/** GraphQL `CheckStatistic` (consensus, stitching), as far as the dashboard reads it. */
export interface CheckStatisticLike {
  n: number;
  mean: number;
  interval?: { low: number; high: number; level: number; method: string } | null;
  intervalReason?: string | null;
  chance?: number | null;
  pValue?: number | null;
  test?: string | null;
  verdict: string;
  verdictReason: string;
}

/** A statistic's interval, error-bar offsets around `mean`, test and verdict, for figures and tables. */
export interface CheckFigure {
  /** False for results served without a statistic (then the rest is empty). */
  served: boolean;
  low: number | null;
  high: number | null;
  /** [mean − low, high − mean]; null without an interval. */
  ciOffsets: [number, number] | null;
  /** How the interval was made, or why there is none. */
  intervalNote: string;
  pValue: number | null;
  test: string | null;
  verdict: string;
  verdictReason: string;
}

export function checkFigure(mean: number | null, s: CheckStatisticLike | null | undefined): CheckFigure {
  if (!s) return { served: false, low: null, high: null, ciOffsets: null, intervalNote: 'no statistic served', pValue: null, test: null, verdict: 'INCONCLUSIVE', verdictReason: 'no statistic served' };
  const low = finite(s.interval?.low);
  const high = finite(s.interval?.high);
  const has = low !== null && high !== null;
  return {
    served: true,
    low: has ? low : null,
    high: has ? high : null,
    ciOffsets: has && mean !== null ? [Math.max(0, mean - low), Math.max(0, high - mean)] : null,
    intervalNote: has ? (s.interval?.method ?? '') : (s.intervalReason ?? 'no interval'),
    pValue: finite(s.pValue),
    test: s.test ?? null,
    verdict: s.verdict,
    verdictReason: s.verdictReason,
  };
}

export const VERDICT_WORDS: Record<string, string> = { ABOVE_CHANCE: 'above chance', AT_OR_BELOW_CHANCE: 'at or below chance', INCONCLUSIVE: 'inconclusive' };

/** A p-value as the tables write it: small ones in exponent form, none as a dash. */
export const pText = (p: number | null | undefined): string => (p === null || p === undefined || !Number.isFinite(p) ? '—' : p < 1e-3 ? p.toExponential(1) : p.toFixed(3));

export interface ConsensusFamilyLike {
  reference: { id: string; name: string };
  networks: readonly { id: string }[];
  liveUnits: number;
  count: number;
  fraction: number;
  meanFound: number;
  found: readonly number[];
}

export interface LayerConsensusLike {
  layer: string;
  fraction: number;
  chanceFraction?: number | null;
  trained: ConsensusFamilyLike;
  chance?: ConsensusFamilyLike | null;
  statistic?: CheckStatisticLike | null;
}

/** Why a layer has no matched chance (the engine's rule, experiment/consensus-layer.ts). */
export const CONSENSUS_NO_CHANCE =
  'no matched chance: the experiment has fewer untrained twins than trained networks of each architecture (set "chance" in the spec so untrained twins are made)';

export interface ConsensusRow extends CheckFigure {
  layer: string;
  networks: number;
  reference: string;
  liveUnits: number;
  count: number;
  /** Trained consensus fraction (count / live units of the reference). */
  fraction: number;
  /** Untrained twins' fraction; null when there is none. */
  chance: number | null;
  chanceCount: number | null;
  chanceLive: number | null;
  meanFound: number;
  chanceMeanFound: number | null;
  /** trained − chance (null without chance). */
  excess: number | null;
  /** Why chance is missing; null when it is there. */
  chanceReason: string | null;
}

const finite = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/** Layers in the experiment's recording order (unknown layers last, in the order served). */
export function inLayerOrder<T extends { layer: string }>(rows: readonly T[], order: readonly string[]): T[] {
  const pos = (l: string) => (order.includes(l) ? order.indexOf(l) : order.length);
  return rows.map((r, i) => [r, i] as const).sort((a, b) => pos(a[0].layer) - pos(b[0].layer) || a[1] - b[1]).map(([r]) => r);
}

export function consensusRows(layers: readonly LayerConsensusLike[], order: readonly string[]): ConsensusRow[] {
  return inLayerOrder(layers, order).map((c) => {
    const chance = c.chance ? finite(c.chanceFraction ?? c.chance.fraction) : null;
    const fraction = c.trained.fraction;
    return {
      layer: c.layer,
      networks: c.trained.networks.length,
      reference: c.trained.reference.name,
      liveUnits: c.trained.liveUnits,
      count: c.trained.count,
      fraction,
      chance,
      chanceCount: c.chance ? c.chance.count : null,
      chanceLive: c.chance ? c.chance.liveUnits : null,
      meanFound: c.trained.meanFound,
      chanceMeanFound: c.chance ? c.chance.meanFound : null,
      excess: chance === null ? null : fraction - chance,
      chanceReason: chance === null ? CONSENSUS_NO_CHANCE : null,
      ...checkFigure(fraction, c.statistic),
    };
  });
}

/** Sentences a reader must not miss: layers without chance, and layers whose trained consensus does not beat it. */
export function consensusWarnings(rows: readonly ConsensusRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.liveUnits === 0) out.push(`${r.layer}: the reference network ${r.reference} has no live unit here, so there is no consensus fraction.`);
    else if (r.chance === null) out.push(`${r.layer}: ${r.chanceReason}.`);
    else if (r.fraction <= r.chance)
      out.push(`${r.layer}: the trained consensus fraction (${r.fraction.toFixed(3)}) is at or below its matched chance (${r.chance.toFixed(3)}) — trained networks agree no more than untrained ones here.`);
    else if (r.served && r.verdict === 'INCONCLUSIVE') out.push(`${r.layer}: ${r.verdictReason}.`);
  }
  return out;
}

/**
 * How many of the reference's live units are found in k networks (k = 1 … networks, the reference included):
 * dead units (found 0) are left out, since they are matched nowhere and are no one's consensus.
 */
export function foundDistribution(found: readonly number[], networks: number): number[] {
  const out = new Array<number>(networks).fill(0);
  for (const f of found) if (Number.isInteger(f) && f >= 1 && f <= networks) out[f - 1]! += 1;
  return out;
}

export interface FoundBin {
  networks: number;
  trained: number;
  /** null when the layer has no chance family. */
  chance: number | null;
}

/** Trained and chance distributions side by side (bins 1 … the trained family's size). */
export function foundBins(trained: ConsensusFamilyLike, chance: ConsensusFamilyLike | null | undefined): FoundBin[] {
  const n = trained.networks.length;
  const t = foundDistribution(trained.found, n);
  const c = chance ? foundDistribution(chance.found, n) : null;
  return t.map((v, i) => ({ networks: i + 1, trained: v, chance: c ? c[i]! : null }));
}

export interface ConsensusUnitRow {
  /** Index of the unit in the reference network. */
  reference: number;
  /** Unit index in each network of the family, in the family's order. */
  indices: number[];
  /** Networks it is found in (the reference included), from `found`. */
  found: number;
}

/**
 * The consensus units to show: one row per group the engine stored, keyed by its reference unit, in reference-unit
 * order. A group is shown only when its shape is right (one index per network) and the reference unit's `found`
 * says every network: dead reference units (found 0) and partial agreements are never presented as consensus,
 * whatever the stored groups say; `dropped` counts what was left out.
 */
export function consensusUnitRows(family: { networks: readonly unknown[]; found: readonly number[]; units: readonly (readonly number[])[] }, referenceIndex = 0): { rows: ConsensusUnitRow[]; dropped: number } {
  const n = family.networks.length;
  const rows: ConsensusUnitRow[] = [];
  let dropped = 0;
  for (const g of family.units) {
    const ref = g[referenceIndex];
    const ok = g.length === n && ref !== undefined && g.every((u) => Number.isInteger(u) && u >= 0) && family.found[ref] === n;
    if (!ok) {
      dropped += 1;
      continue;
    }
    rows.push({ reference: ref, indices: [...g], found: family.found[ref]! });
  }
  rows.sort((a, b) => a.reference - b.reference);
  return { rows, dropped };
}

/** One page of rows (1-based page, clamped to the pages there are). */
export function pageOf<T>(rows: readonly T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Number.isInteger(page) ? Math.min(Math.max(1, page), pages) : 1;
  return { rows: rows.slice((p - 1) * size, p * size), page: p, pages };
}

/** The spec's `methods` list, or null when the stored spec has none (then the engine's defaults applied). */
export function specMethods(spec: unknown): string[] | null {
  if (!spec || typeof spec !== 'object') return null;
  const m = (spec as { methods?: unknown }).methods;
  return Array.isArray(m) ? m.filter((x): x is string => typeof x === 'string') : null;
}

/** Why a panel is empty, in words: the spec did not ask for the method, or it is not computed (yet). */
export function emptyReason(spec: unknown, method: 'consensus' | 'stitch', status: string): string {
  const methods = specMethods(spec);
  const what = method === 'consensus' ? 'consensus' : 'stitching';
  if (methods && !methods.includes(method))
    return `This experiment's spec did not include the \`${method}\` method, so no ${what} was computed. Clone the experiment and add "${method}" to its methods to get it.`;
  if (status === 'QUEUED' || status === 'RUNNING') return `No ${what} stored yet: it is computed after the networks are trained and recorded.`;
  if (status === 'FAILED' || status === 'CANCELLED') return `No ${what} stored: the experiment did not complete.`;
  return method === 'consensus'
    ? 'No consensus stored: it needs at least 2 trained networks sharing a recorded layer, and results stored before consensus existed have none.'
    : 'No stitching stored: it needs at least 2 trained networks sharing a recorded layer with stored weights, and results stored before stitching existed have none.';
}

// ---- stitching

export type MapKey = 'permutation' | 'sparse' | 'linear';
export const MAP_KEYS: readonly MapKey[] = ['permutation', 'sparse', 'linear'];
export const MAP_LABEL: Record<MapKey, string> = { permutation: 'permutation (max matching)', sparse: 'sparse map', linear: 'least-squares map' };

export interface StatsLike {
  pairCount: number;
  mean?: number | null;
  std?: number | null;
  min?: number | null;
  max?: number | null;
}

export interface LayerStitchingLike {
  layer: string;
  images: number;
  majorityRate: number;
  summary: readonly { map: string; between?: StatsLike | null; chance?: StatsLike | null; statistic?: CheckStatisticLike | null }[];
}

export interface StitchRow extends CheckFigure {
  /** Chart category: "<layer> · <map>". */
  key: string;
  layer: string;
  map: MapKey;
  mapLabel: string;
  /** Mean held-out accuracy of B on trained A's mapped activations, over between pairs. */
  stitched: number | null;
  pairs: number;
  min: number | null;
  max: number | null;
  /** The same map fitted from an untrained twin of A's architecture (matched chance). */
  untrained: number | null;
  untrainedPairs: number;
  /** Mean of the receiving networks' own held-out accuracy. */
  own: number | null;
  majority: number;
  images: number;
}

/** One row per layer × map, for the overview's stitching figure and table. */
export function stitchRows(layers: readonly LayerStitchingLike[], order: readonly string[]): StitchRow[] {
  const out: StitchRow[] = [];
  for (const s of inLayerOrder(layers, order)) {
    const own = s.summary.find((x) => x.map === 'own')?.between ?? null;
    for (const map of MAP_KEYS) {
      const e = s.summary.find((x) => x.map === map);
      if (!e) continue;
      const mean = finite(e.between?.mean);
      const min = finite(e.between?.min);
      const max = finite(e.between?.max);
      out.push({
        key: `${s.layer} · ${map}`,
        layer: s.layer,
        map,
        mapLabel: MAP_LABEL[map],
        stitched: mean,
        pairs: e.between?.pairCount ?? 0,
        min,
        max,
        untrained: finite(e.chance?.mean),
        untrainedPairs: e.chance?.pairCount ?? 0,
        own: finite(own?.mean),
        majority: s.majorityRate,
        images: s.images,
        ...checkFigure(mean, e.statistic),
      });
    }
  }
  return out;
}

/** The majority-class rate when every layer scored the same images with the same rate, else null (then per row). */
export function commonMajority(rows: readonly StitchRow[]): number | null {
  if (rows.length === 0) return null;
  const m = rows[0]!.majority;
  return rows.every((r) => Math.abs(r.majority - m) < 1e-12) ? m : null;
}

export function stitchWarnings(rows: readonly StitchRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.stitched === null) continue;
    if (r.untrained === null) out.push(`${r.layer}, ${r.mapLabel}: no untrained-twin chance (the spec made no untrained twin of A's architecture).`);
    else if (r.stitched <= r.untrained) out.push(`${r.layer}, ${r.mapLabel}: stitching from trained networks (${r.stitched.toFixed(3)}) does no better than from untrained twins (${r.untrained.toFixed(3)}).`);
    if (r.served && r.low === null) out.push(`${r.layer}, ${r.mapLabel}: no interval — ${r.intervalNote}.`);
  }
  return out;
}

export interface StitchPairLike {
  layer: string;
  kind: string;
  ownAccuracy?: number | null;
  networkA: { id: string; name: string; untrained: boolean; architecture?: string };
  networkB: { id: string; name: string };
  maps: readonly { kind: string; accuracy?: number | null }[];
}

export interface PairStitchRow {
  layer: string;
  /** "A → B" or "B → A" (as the pair page names its networks). */
  direction: 'A → B' | 'B → A';
  from: string;
  to: string;
  own: number | null;
  permutation: number | null;
  sparse: number | null;
  linear: number | null;
  /** The same maps from untrained twins of the sending network's architecture into the receiving network. */
  chance: { from: string; permutation: number | null; sparse: number | null; linear: number | null }[];
  majority: number;
}

const mapAcc = (p: StitchPairLike, kind: string) => finite(p.maps.find((m) => m.kind.toLowerCase() === kind)?.accuracy);

/**
 * The pair page's stitching: per layer, both directions between networks a and b, each with its matched chance
 * (untrained twins of the sender's architecture into the same receiver; `architectureOf` names architectures).
 */
export function pairStitchRows(
  layers: readonly { layer: string; majorityRate: number; pairs: readonly StitchPairLike[] }[],
  a: { id: string; architecture: string },
  b: { id: string; architecture: string },
  order: readonly string[],
): PairStitchRow[] {
  const out: PairStitchRow[] = [];
  for (const s of inLayerOrder(layers, order)) {
    for (const [from, to, direction] of [
      [a, b, 'A → B'],
      [b, a, 'B → A'],
    ] as const) {
      const p = s.pairs.find((x) => x.kind === 'between' && x.networkA.id === from.id && x.networkB.id === to.id);
      if (!p) continue;
      const chance = s.pairs
        .filter((x) => x.kind === 'chance' && x.networkB.id === to.id && x.networkA.untrained && (x.networkA.architecture === undefined || x.networkA.architecture === from.architecture))
        .map((x) => ({ from: x.networkA.name, permutation: mapAcc(x, 'permutation'), sparse: mapAcc(x, 'sparse'), linear: mapAcc(x, 'linear') }));
      out.push({
        layer: s.layer,
        direction,
        from: p.networkA.name,
        to: p.networkB.name,
        own: finite(p.ownAccuracy),
        permutation: mapAcc(p, 'permutation'),
        sparse: mapAcc(p, 'sparse'),
        linear: mapAcc(p, 'linear'),
        chance,
        majority: s.majorityRate,
      });
    }
  }
  return out;
}
