/**
 * The experiment page's runs table: filter, sort and group networks. Pure, so the rules are unit-tested; the view
 * keeps every choice in the URL.
 */

export interface Run {
  id: string;
  name: string;
  architecture: string;
  seed: number;
  status: string;
  untrained: boolean;
  backend?: string | null | undefined;
  finalValAccuracy?: number | null | undefined;
}

/**
 * Tags of a run, derived from what the data model records (networks carry no user-given tags): `untrained` (the
 * chance twin) or `trained`, the architecture family (`lenet`, `rescnn`, `mlp`, ... before any `-x2` / `-deep`
 * suffix), `width-x2` / `deep` variants, and the backend it trained on.
 */
export function runTags(r: Run): string[] {
  const tags = [r.untrained ? 'untrained' : 'trained'];
  const m = /^([a-z]+)(?:-(x[\d.]+|deep))?$/i.exec(r.architecture);
  if (m) {
    tags.push(m[1]!.toLowerCase());
    if (m[2]?.startsWith('x')) tags.push(`width-${m[2]}`);
    if (m[2] === 'deep') tags.push('deep');
  }
  if (r.backend) tags.push(`backend-${r.backend}`);
  return tags;
}

export interface RunFilter {
  architecture?: string | null;
  seed?: string | null;
  status?: string | null;
  /** Minimum final validation accuracy in [0, 1]; runs without one are left out when set. */
  minAccuracy?: number | null;
  /** Substring of one of the run's tags (case-insensitive). */
  tag?: string | null;
}

export function filterRuns<T extends Run>(runs: readonly T[], f: RunFilter): T[] {
  const tag = f.tag?.trim().toLowerCase();
  return runs.filter(
    (r) =>
      (!f.architecture || r.architecture === f.architecture) &&
      (!f.seed || String(r.seed) === f.seed) &&
      (!f.status || r.status.toLowerCase() === f.status.toLowerCase()) &&
      (f.minAccuracy === null || f.minAccuracy === undefined || (r.finalValAccuracy !== null && r.finalValAccuracy !== undefined && r.finalValAccuracy >= f.minAccuracy)) &&
      (!tag || runTags(r).some((t) => t.includes(tag))),
  );
}

export const SORT_KEYS = ['name', 'architecture', 'seed', 'status', 'accuracy'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Stable sort; a missing accuracy sorts last in either direction. */
export function sortRuns<T extends Run>(runs: readonly T[], key: SortKey, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  const val = (r: Run): string | number | null => (key === 'accuracy' ? (r.finalValAccuracy ?? null) : key === 'seed' ? r.seed : r[key]);
  return runs
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      const a = val(x.r);
      const b = val(y.r);
      if (a === null || b === null) return a === b ? x.i - y.i : a === null ? 1 : -1;
      const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en', { numeric: true });
      return c !== 0 ? sign * c : x.i - y.i;
    })
    .map(({ r }) => r);
}

export type GroupBy = 'none' | 'architecture' | 'seed';

export interface RunGroup<T> {
  key: string;
  label: string;
  runs: T[];
  /** Mean final validation accuracy of the group's runs that have one (null when none has). */
  meanAccuracy: number | null;
}

/** Groups in first-seen order of the (already sorted) runs. */
export function groupRuns<T extends Run>(runs: readonly T[], by: GroupBy): RunGroup<T>[] {
  if (by === 'none') return [{ key: 'all', label: 'all runs', runs: [...runs], meanAccuracy: meanAccuracy(runs) }];
  const groups = new Map<string, T[]>();
  for (const r of runs) {
    const k = by === 'architecture' ? r.architecture : String(r.seed);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups].map(([k, list]) => ({ key: k, label: by === 'architecture' ? k : `seed ${k}`, runs: list, meanAccuracy: meanAccuracy(list) }));
}

function meanAccuracy(runs: readonly Run[]): number | null {
  const xs = runs.map((r) => r.finalValAccuracy).filter((x): x is number => typeof x === 'number');
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
}

/** Rows as CSV (RFC 4180 quoting), header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
