import { describe, expect, it } from 'vitest';
import { pipelineProgress } from './pipeline-progress.ts';

type J = { kind: 'EXPERIMENT' | 'TRAIN' | 'RECORD' | 'ALIGN'; fraction: number; status: string };
const j = (kind: J['kind'], fraction: number, status = fraction === 1 ? 'COMPLETED' : 'RUNNING'): J => ({ kind, fraction, status });

describe('pipeline progress', () => {
  it('moves forward through every step as later steps appear, and ends at 1', () => {
    const states: J[][] = [
      [j('EXPERIMENT', 0)],
      [j('EXPERIMENT', 0.5)],
      [j('EXPERIMENT', 1)],
      [j('EXPERIMENT', 1), j('TRAIN', 0), j('TRAIN', 0)],
      [j('EXPERIMENT', 1), j('TRAIN', 1), j('TRAIN', 0.5)],
      [j('EXPERIMENT', 1), j('TRAIN', 1), j('TRAIN', 1)],
      [j('EXPERIMENT', 1), j('TRAIN', 1), j('TRAIN', 1), j('RECORD', 0.4)],
      [j('EXPERIMENT', 1), j('TRAIN', 1), j('TRAIN', 1), j('RECORD', 1), j('ALIGN', 0, 'QUEUED'), j('ALIGN', 0, 'QUEUED')],
      [j('EXPERIMENT', 1), j('TRAIN', 1), j('TRAIN', 1), j('RECORD', 1), j('ALIGN', 1), j('ALIGN', 0.5)],
      [j('EXPERIMENT', 1), j('TRAIN', 1), j('TRAIN', 1), j('RECORD', 1), j('ALIGN', 1), j('ALIGN', 1)],
    ];
    const values = states.map((s) => pipelineProgress(s)!);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values[0]).toBe(0);
    expect(values[values.length - 1]).toBeCloseTo(1, 12);
    // Training is most of the work: three quarters of it done is 62 % of the whole.
    expect(values[4]!).toBeCloseTo(0.02 + 0.8 * 0.75, 12);
  });

  it('is null for experiments without a plan job (imports, external activations)', () => {
    expect(pipelineProgress([j('ALIGN', 0.3)])).toBeNull();
    expect(pipelineProgress([j('TRAIN', 0.25)])).toBeNull();
  });
});
