import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { captureIo } from '@convergent/engine/testing';


describe('convergent worker', () => {
  it('is listed in the overview and prints the API job runner\'s full usage for --help', async () => {
    const c = captureIo();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(/worker\s+run queued jobs/);
    const h = captureIo();
    expect(await main(['worker', '--help'], h.io)).toBe(0);
    expect(h.out()).toContain('--database-url');
    // The full usage from the API package: what each option does and its default, not only the one-line synopsis.
    expect(h.out()).toMatch(/--concurrency N\s+jobs at once \(default: one per CPU core/);
    expect(h.out()).toContain('resumes from its last checkpoint');
  });

  it('rejects a bad option with exit code 2, naming the problem on the first line', async () => {
    const c = captureIo();
    expect(await main(['worker', '--concurrency', 'many'], c.io)).toBe(2);
    expect(c.err().split('\n')[0]).toMatch(/--concurrency must be a whole number.*many/);
  });
});
