import { describe, expect, it } from 'vitest';
import { samplesTick, stepCurveRows, stepCurvesCsv, stepCurvesEmptyReason, type StepNet, type StepPoint } from './step-curves.ts';

const pt = (step: number, loss: number, accuracy: number, perStep = 16): StepPoint => ({ step, epoch: Math.ceil(step / 4), samples: step * perStep, loss, accuracy });
const net = (id: string, seed: number, points: StepPoint[], status = 'COMPLETED'): StepNet => ({ id, name: `lenet-s${seed}`, seed, status, stepMetrics: points });

describe('step curves', () => {
  it('merges the networks’ points into rows by samples seen, one column per network, in order', () => {
    const a = net('a', 1, [pt(2, 2.1, 0.3), pt(4, 1.5, 0.5), pt(6, 1.2, 0.6)]);
    // b trained less far (still running): its column simply ends
    const b = net('b', 2, [pt(4, 1.7, 0.45), pt(2, 2.2, 0.25)], 'TRAINING');
    expect(stepCurveRows([a, b], 'loss')).toEqual([
      { samples: 32, a: 2.1, b: 2.2 },
      { samples: 64, a: 1.5, b: 1.7 },
      { samples: 96, a: 1.2 },
    ]);
    expect(stepCurveRows([a, b], 'accuracy').map((r) => r.b)).toEqual([0.25, 0.45, undefined]);
    // A non-finite value (a hand-edited row) is left out, not drawn at 0
    expect(stepCurveRows([net('c', 3, [pt(2, Number.NaN, 0.5)])], 'loss')).toEqual([]);
  });

  it('exports every point of every network as CSV rows', () => {
    const csv = stepCurvesCsv('lenet', [net('a', 1, [pt(2, 2.1, 0.3), pt(4, 1.5, 0.5)]), net('b', 2, [pt(2, 2.2, 0.25)])]);
    expect(csv.header).toEqual(['architecture', 'network', 'seed', 'step', 'epoch', 'samples', 'loss', 'batch_accuracy']);
    expect(csv.rows).toEqual([
      ['lenet', 'lenet-s1', 1, 2, 1, 32, 2.1, 0.3],
      ['lenet', 'lenet-s1', 1, 4, 1, 64, 1.5, 0.5],
      ['lenet', 'lenet-s2', 2, 2, 1, 32, 2.2, 0.25],
    ]);
  });

  it('says honestly why there are no curves', () => {
    expect(stepCurvesEmptyReason([net('a', 1, [pt(2, 1, 1)]), net('b', 2, [])])).toBeNull();
    expect(stepCurvesEmptyReason([net('a', 1, [], 'TRAINING'), net('b', 2, [])])).toMatch(/No training steps recorded yet/);
    expect(stepCurvesEmptyReason([net('a', 1, [], 'QUEUED')])).toMatch(/grow while the networks train/);
    expect(stepCurvesEmptyReason([net('a', 1, []), net('b', 2, [], 'FAILED')])).toMatch(/trained before per-step curves were recorded/);
    expect(stepCurvesEmptyReason([net('a', 1, [], 'IMPORTED')])).toMatch(/imported as activations/);
    expect(stepCurvesEmptyReason([])).toBe('No networks yet.');
  });

  it('labels sample counts compactly', () => {
    expect([0, 950, 1000, 1234, 60_000, 1_500_000].map(samplesTick)).toEqual(['0', '950', '1k', '1.2k', '60k', '1.5M']);
  });
});
