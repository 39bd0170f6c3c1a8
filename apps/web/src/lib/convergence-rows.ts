/**
 * Chart rows for the experiment overview's headline figure: per recorded layer, the mean matched
 * correlation (semi and max matching) over all network pairs with its spread and the chance line,
 * and the same split into same-architecture vs cross-architecture pairs.
 */

export interface Stats {
  pairCount: number;
  mean?: number | null;
  std?: number | null;
  min?: number | null;
  max?: number | null;
}

export interface LayerConvergenceLike {
  layer: string;
  all: Stats;
  sameArchitecture: Stats;
  crossArchitecture: Stats;
  chance?: { value: number } | null;
}

export interface HeadlineRow {
  layer: string;
  max: number | null;
  /** [mean - min, max - mean] so error bars show the full spread over pairs. */
  maxSpread: [number, number] | null;
  maxStd: number | null;
  semi: number | null;
  semiSpread: [number, number] | null;
  semiStd: number | null;
  chanceMax: number | null;
  chanceSemi: number | null;
  pairs: number;
}

export interface SplitRow {
  layer: string;
  same: number | null;
  sameStd: number | null;
  samePairs: number;
  cross: number | null;
  crossStd: number | null;
  crossPairs: number;
  chance: number | null;
}

const num = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

function spreadOf(s: Stats): [number, number] | null {
  const mean = num(s.mean);
  const lo = num(s.min);
  const hi = num(s.max);
  if (mean === null || lo === null || hi === null) return null;
  return [Math.max(0, mean - lo), Math.max(0, hi - mean)];
}

/** Join the SEMI and HUNGARIAN per-layer results on layer name, in `layerOrder` (then any extra layers). */
export function headlineRows(
  layerOrder: readonly string[],
  max: readonly LayerConvergenceLike[],
  semi: readonly LayerConvergenceLike[],
): HeadlineRow[] {
  const byMax = new Map(max.map((l) => [l.layer, l]));
  const bySemi = new Map(semi.map((l) => [l.layer, l]));
  const layers = [...layerOrder];
  for (const l of [...max, ...semi]) if (!layers.includes(l.layer)) layers.push(l.layer);
  return layers
    .filter((layer) => byMax.has(layer) || bySemi.has(layer))
    .map((layer) => {
      const m = byMax.get(layer);
      const s = bySemi.get(layer);
      return {
        layer,
        max: num(m?.all.mean),
        maxSpread: m ? spreadOf(m.all) : null,
        maxStd: num(m?.all.std),
        semi: num(s?.all.mean),
        semiSpread: s ? spreadOf(s.all) : null,
        semiStd: num(s?.all.std),
        chanceMax: num(m?.chance?.value),
        chanceSemi: num(s?.chance?.value),
        pairs: Math.max(m?.all.pairCount ?? 0, s?.all.pairCount ?? 0),
      };
    });
}

/** Same- vs cross-architecture rows for one method, in layer order. */
export function splitRows(layerOrder: readonly string[], conv: readonly LayerConvergenceLike[]): SplitRow[] {
  const by = new Map(conv.map((l) => [l.layer, l]));
  const layers = [...layerOrder];
  for (const l of conv) if (!layers.includes(l.layer)) layers.push(l.layer);
  return layers
    .filter((layer) => by.has(layer))
    .map((layer) => {
      const c = by.get(layer)!;
      return {
        layer,
        same: num(c.sameArchitecture.mean),
        sameStd: num(c.sameArchitecture.std),
        samePairs: c.sameArchitecture.pairCount,
        cross: num(c.crossArchitecture.mean),
        crossStd: num(c.crossArchitecture.std),
        crossPairs: c.crossArchitecture.pairCount,
        chance: num(c.chance?.value),
      };
    });
}

/** True when there is anything to plot (at least one layer with a pair). */
export function hasConvergence(rows: readonly HeadlineRow[]): boolean {
  return rows.some((r) => r.pairs > 0 && (r.max !== null || r.semi !== null));
}
