/** Shaping for the Compare page: the picker's id list in the URL, and per-layer rows for the chart. */

/** `others` search param: comma-separated ids, deduplicated, without the reference. */
export function parseIdList(raw: string | null, reference: string | null): string[] {
  if (!raw) return [];
  const seen = new Set<string>();
  for (const s of raw.split(',')) {
    const id = s.trim();
    if (id && id !== reference) seen.add(id);
  }
  return [...seen];
}

export function toggleId(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

export interface LayerValueLike {
  layer: string;
  value?: number | null;
  referenceValue?: number | null;
  delta?: number | null;
}

/**
 * One row per layer (first-seen order across entries) with a column per entry (`e0`, `e1`, ...) and
 * `reference` (the reference experiment's own value, when the API gives one).
 */
export function layerRows(entries: readonly { layers: readonly LayerValueLike[] }[]): Record<string, string | number | null>[] {
  const order: string[] = [];
  const rows = new Map<string, Record<string, string | number | null>>();
  entries.forEach((e, i) => {
    for (const l of e.layers) {
      let row = rows.get(l.layer);
      if (!row) {
        row = { layer: l.layer, reference: null };
        rows.set(l.layer, row);
        order.push(l.layer);
      }
      row[`e${i}`] = l.value ?? null;
      if (l.referenceValue !== null && l.referenceValue !== undefined) row.reference = l.referenceValue;
    }
  });
  return order.map((l) => rows.get(l)!);
}

/** Symmetric colour range for a difference matrix: ±max|value| (at least 1e-6 so the range is valid). */
export function symmetricRange(data: Float32Array): { lo: number; hi: number } {
  let m = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]!);
    if (a > m) m = a;
  }
  const r = Math.max(m, 1e-6);
  return { lo: -r, hi: r };
}
