/**
 * Per-step training curves of the overview (`Network.stepMetrics`): chart rows with one column per network, the
 * CSV of every point, the x-axis tick labels, and the honest reason when a group of networks has no points.
 * Pure functions, so they are unit-tested without a browser.
 */

export interface StepPoint {
  step: number;
  epoch: number;
  samples: number;
  loss: number;
  accuracy: number;
}

export interface StepNet {
  id: string;
  name: string;
  seed: number;
  status: string;
  stepMetrics: readonly StepPoint[];
}

export type StepMetricKey = 'loss' | 'accuracy';

/** x = training samples seen (comparable across networks and batch sizes); one column per network id. */
export function stepCurveRows(nets: readonly StepNet[], metric: StepMetricKey): Array<Record<string, number>> {
  const bySamples = new Map<number, Record<string, number>>();
  for (const n of nets) {
    for (const p of n.stepMetrics) {
      const v = p[metric];
      if (!Number.isFinite(v) || !Number.isFinite(p.samples)) continue;
      const row = bySamples.get(p.samples) ?? { samples: p.samples };
      row[n.id] = v;
      bySamples.set(p.samples, row);
    }
  }
  return [...bySamples.values()].sort((a, b) => a.samples! - b.samples!);
}

/** Every point of every network, one row each (the CSV export of the curves). */
export function stepCurvesCsv(architecture: string, nets: readonly StepNet[]): { header: string[]; rows: Array<Array<string | number>> } {
  const header = ['architecture', 'network', 'seed', 'step', 'epoch', 'samples', 'loss', 'batch_accuracy'];
  const rows: Array<Array<string | number>> = [];
  for (const n of nets) for (const p of n.stepMetrics) rows.push([architecture, n.name, n.seed, p.step, p.epoch, p.samples, p.loss, p.accuracy]);
  return { header, rows };
}

const LIVE = new Set(['QUEUED', 'TRAINING']);

/**
 * Why a group shows no per-step curves, or null when some network has points. Networks still queued or training
 * have not closed their first bucket of steps yet; finished ones without points were stored before per-step
 * metrics were recorded (or were imported as activations only).
 */
export function stepCurvesEmptyReason(nets: readonly StepNet[]): string | null {
  if (nets.some((n) => n.stepMetrics.length > 0)) return null;
  if (nets.length === 0) return 'No networks yet.';
  if (nets.some((n) => LIVE.has(n.status))) return 'No training steps recorded yet: the curves appear here and grow while the networks train.';
  if (nets.every((n) => n.status === 'IMPORTED')) return 'No per-step metrics: these networks were imported as activations, without training.';
  return 'No per-step metrics stored: these networks were trained before per-step curves were recorded (their per-epoch figures are above). Re-run the experiment to record them.';
}

/** Compact axis ticks for sample counts: 950, 1.2k, 60k, 1.5M. */
export function samplesTick(v: number): string {
  const a = Math.abs(v);
  const trim = (x: number) => (Math.round(x * 10) / 10).toString();
  if (a >= 1e6) return `${trim(v / 1e6)}M`;
  if (a >= 1e3) return `${trim(v / 1e3)}k`;
  return String(Math.round(v));
}
