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

describe('convergent team / token', () => {
  it('are listed in the overview and load their usage from the API package', async () => {
    const c = capture();
    expect(await main(['--help'], c.io as never)).toBe(0);
    expect(c.out()).toMatch(/team\s+create teams/);
    expect(c.out()).toMatch(/token\s+create, list and revoke/);
    const h = capture();
    expect(await main(['token', 'create', '--help'], h.io as never)).toBe(0);
    expect(h.out()).toContain('convergent token revoke ID|PREFIX');
    const t = capture();
    expect(await main(['team', 'sign-in', '--bogus'], t.io as never)).toBe(2);
    expect(t.err().split('\n')[0]).toBe('convergent team sign-in: unknown option --bogus');
  });
});
