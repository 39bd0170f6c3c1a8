import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

function capture() {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: (t: string) => ((err += t), true) } },
    out: () => out,
    err: () => err,
  };
}

describe('convergent worker', () => {
  it('is listed in the overview and loads the API job runner for its help', async () => {
    const c = capture();
    expect(await main(['--help'], c.io as never)).toBe(0);
    expect(c.out()).toMatch(/worker\s+run queued jobs/);
    const h = capture();
    expect(await main(['worker', '--help'], h.io as never)).toBe(0);
    expect(h.out()).toContain('--database-url');
  });

  it('rejects a bad option with exit code 2, naming the problem on the first line', async () => {
    const c = capture();
    expect(await main(['worker', '--concurrency', 'many'], c.io as never)).toBe(2);
    expect(c.err().split('\n')[0]).toMatch(/--concurrency must be a whole number.*many/);
  });
});
