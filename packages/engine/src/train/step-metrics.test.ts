import { describe, expect, it } from 'vitest';
import { MAX_STEP_POINTS, StepSeries, stepBucketSize } from './step-metrics.ts';

/** Feed `steps` synthetic steps (batch size 4, the last of each epoch 2) into `s`, starting after `from`. */
function feed(s: StepSeries, from: number, to: number, perEpoch: number): void {
  for (let step = from + 1; step <= to; step++) {
    const epoch = Math.ceil(step / perEpoch);
    const samples = step % perEpoch === 0 ? 2 : 4;
    s.add(step, epoch, samples, step / 10, step % 3 === 0 ? samples : samples / 2);
  }
}

describe('stepBucketSize', () => {
  it('keeps at most MAX_STEP_POINTS points: K = max(1, ceil(totalSteps / 200))', () => {
    expect(MAX_STEP_POINTS).toBe(200);
    expect(stepBucketSize(1)).toBe(1);
    expect(stepBucketSize(200)).toBe(1);
    expect(stepBucketSize(201)).toBe(2);
    expect(stepBucketSize(1000)).toBe(5);
    expect(stepBucketSize(1001)).toBe(6);
    expect(stepBucketSize(0)).toBe(1);
    for (const total of [1, 7, 199, 200, 201, 399, 401, 1234, 60_000]) {
      const k = stepBucketSize(total);
      expect(Math.ceil(total / k), `total ${total}`).toBeLessThanOrEqual(200);
      const s = new StepSeries(k);
      feed(s, 0, total, 50);
      s.flush();
      expect(s.length).toBe(Math.ceil(total / k));
      expect(s.series().at(-1)!.step).toBe(total);
    }
  });
});

describe('StepSeries', () => {
  it('averages every step of a bucket, weighted by its samples (none dropped)', () => {
    const s = new StepSeries(3);
    expect(s.add(1, 1, 4, 1.0, 4)).toBe(false);
    expect(s.add(2, 1, 4, 2.0, 0)).toBe(false);
    expect(s.add(3, 1, 2, 4.0, 1)).toBe(true);
    expect(s.add(4, 2, 4, 0.5, 3)).toBe(false);
    expect(s.series()).toEqual([{ step: 3, epoch: 1, samples: 10, loss: (4 * 1 + 4 * 2 + 2 * 4) / 10, accuracy: 5 / 10 }]);
    // The last, shorter bucket is flushed at the end of training.
    expect(s.flush()).toBe(true);
    expect(s.flush()).toBe(false);
    expect(s.series()[1]).toEqual({ step: 4, epoch: 2, samples: 14, loss: 0.5, accuracy: 0.75 });
  });

  it('resumed from its state (mid-bucket, as at an epoch end) ends with the same series as an uninterrupted run', () => {
    const perEpoch = 7; // K = 3 does not divide an epoch: the checkpoint falls inside a bucket
    const whole = new StepSeries(3);
    feed(whole, 0, 21, perEpoch);
    whole.flush();

    const first = new StepSeries(3);
    feed(first, 0, 14, perEpoch); // two epochs, then the "crash"
    const state = JSON.parse(JSON.stringify(first.state())); // as written to and read from state.json
    expect(state.open.steps).toBe(2);
    const samplesBefore = 2 * (6 * 4 + 2);
    const resumed = StepSeries.resume(3, state, samplesBefore);
    feed(resumed, 14, 21, perEpoch);
    resumed.flush();
    expect(resumed.series()).toEqual(whole.series());
  });

  it('starts the series over when the saved state is missing or used another K', () => {
    const s = new StepSeries(2);
    feed(s, 0, 4, 4);
    expect(StepSeries.resume(3, s.state(), 16).length).toBe(0);
    expect(StepSeries.resume(2, undefined, 16).length).toBe(0);
    const again = StepSeries.resume(2, s.state(), 14);
    expect(again.length).toBe(2);
    again.add(5, 2, 4, 1, 4);
    again.flush();
    expect(again.series()[2]).toMatchObject({ step: 5, epoch: 2, samples: 18 });
  });
});
