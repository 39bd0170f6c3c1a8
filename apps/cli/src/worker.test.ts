import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { captureIo } from '@convergent/engine/testing';


describe('convergent worker', () => {
  it('is listed in the overview and loads the API job runner for its help', async () => {
    const c = captureIo();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(/worker\s+run queued jobs/);
    const h = captureIo();
    expect(await main(['worker', '--help'], h.io)).toBe(0);
    expect(h.out()).toContain('--database-url');
  });

  it('rejects a bad option with exit code 2, naming the problem on the first line', async () => {
    const c = captureIo();
    expect(await main(['worker', '--concurrency', 'many'], c.io)).toBe(2);
    expect(c.err().split('\n')[0]).toMatch(/--concurrency must be a whole number.*many/);
  });
});
