/** Text of the Findings page (pure, tested): numbers, intervals, p-values and verdict labels as the report writes them. */
import type { FindingVerdict } from '@convergent/schema/generated/graphql.ts';

export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(3) : v.toExponential(2);
}

export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return 'no test applies';
  return p < 1e-3 ? p.toExponential(1) : p.toFixed(3);
}

/** "[low, high] (95%)", or "no interval: <reason>" — never an interval that was not computed. */
export function intervalText(interval: { low: number; high: number; level: number } | null | undefined, reason: string | null | undefined): string {
  if (!interval) return `no interval: ${reason ?? 'none computed'}`;
  return `[${num(interval.low)}, ${num(interval.high)}] (${Math.round(interval.level * 100)}%)`;
}

export const VERDICT_LABEL: Record<FindingVerdict, string> = { SUPPORTED: 'supported', NOT_SUPPORTED: 'not supported', INCONCLUSIVE: 'inconclusive' };

/** Badge class of a verdict (globals.css badge colours). */
export function verdictClass(v: FindingVerdict): string {
  return v === 'SUPPORTED' ? 'badge badge-completed' : v === 'NOT_SUPPORTED' ? 'badge badge-failed' : 'badge badge-queued';
}
