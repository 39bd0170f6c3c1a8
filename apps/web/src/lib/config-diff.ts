/**
 * Pivot the API's per-entry config differences (Comparison.entries[].configDiff) into one table:
 * a row per differing JSON path, a column per compared subject. Paths where a subject agrees with
 * the reference are marked as such so the table shows differences only.
 */

export interface ConfigDifference {
  path: string;
  reference?: unknown;
  value?: unknown;
}

export interface DiffCell {
  /** False when this subject does not differ from the reference at the path. */
  differs: boolean;
  value: unknown;
}

export interface DiffRow {
  path: string;
  reference: unknown;
  cells: DiffCell[];
}

/** Natural path order: 'layers[2]' before 'layers[10]'. */
function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function pivotConfigDiffs(entries: readonly (readonly ConfigDifference[])[]): DiffRow[] {
  const rows = new Map<string, DiffRow>();
  entries.forEach((diffs, e) => {
    for (const d of diffs) {
      let row = rows.get(d.path);
      if (!row) {
        row = { path: d.path, reference: d.reference, cells: entries.map(() => ({ differs: false, value: d.reference })) };
        rows.set(d.path, row);
      }
      row.cells[e] = { differs: true, value: d.value };
    }
  });
  return [...rows.values()].sort((x, y) => comparePaths(x.path, y.path));
}

/** Short display text of a JSON value; absent values (a path missing on one side) show as an em dash. */
export function formatJsonValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
