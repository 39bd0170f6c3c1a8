import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from './select-backend.ts';

describe('selectBackend', () => {
  it('falls back past the missing native bindings to a working backend', async () => {
    const info = await selectBackend();
    expect(['tensorflow', 'wasm', 'cpu']).toContain(info.name);
    expect(tf.getBackend()).toBe(info.name);
    const sum = await tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])).data();
    expect(Array.from(sum)).toEqual([4, 6]);
  });

  it('rejects an unknown forced backend with a message naming the fix', async () => {
    await expect(selectBackend({ force: 'gpu' as never })).rejects.toThrow(/CONVERGENT_BACKEND=gpu is not a backend/);
  });

  it('honours a forced cpu backend', async () => {
    const info = await selectBackend({ force: 'cpu' });
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
});
