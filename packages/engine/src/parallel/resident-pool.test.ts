import { describe, expect, it } from 'vitest';
import { RESIDENT_DEAD, RESIDENT_READY, ResidentPool } from './resident-pool.ts';

const fixture = new URL('./worker-pool.fixture.ts', import.meta.url);

describe('ResidentPool', () => {
  it('serves messages synchronously: the caller waits on shared memory, not on its event loop', async () => {
    const pool = new ResidentPool<{ cells: Int32Array; index: number; add: number }>(fixture, 'residentAdder', { offset: 100 });
    try {
      expect(await pool.start(2)).toBe(2);
      const handles = pool.handles(2);
      expect(handles.map((h) => h.status)).toEqual([RESIDENT_READY, RESIDENT_READY]);
      const cells = new Int32Array(new SharedArrayBuffer(8));
      handles[0]!.post({ cells, index: 0, add: 1 });
      handles[1]!.post({ cells, index: 1, add: 2 });
      // No await between posting and reading: the workers run while this thread blocks.
      for (const i of [0, 1]) while (Atomics.load(cells, i) === 0) Atomics.wait(cells, i, 0, 1000);
      expect([...cells]).toEqual([101, 102]);
      // The same workers are handed out again.
      expect(pool.handles(1)[0]).toBe(handles[0]);
    } finally {
      await pool.close();
    }
  });

  it('marks a worker that cannot load as dead, so no work goes to it', async () => {
    const pool = new ResidentPool(fixture, 'notAFunction');
    try {
      expect(await pool.start(1)).toBe(0);
      expect(pool.handles(1)[0]!.status).not.toBe(RESIDENT_DEAD); // the dead one is replaced by a fresh start
    } finally {
      await pool.close();
    }
  });
});
