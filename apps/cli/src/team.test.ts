import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { captureIo } from '@convergent/engine/testing';


describe('convergent team / token', () => {
  it('are listed in the overview and load their usage from the API package', async () => {
    const c = captureIo();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(/team\s+create teams/);
    expect(c.out()).toMatch(/token\s+create, list and revoke/);
    const h = captureIo();
    expect(await main(['token', 'create', '--help'], h.io)).toBe(0);
    expect(h.out()).toContain('convergent token revoke ID|PREFIX');
    const t = captureIo();
    expect(await main(['team', 'sign-in', '--bogus'], t.io)).toBe(2);
    expect(t.err().split('\n')[0]).toBe('convergent team sign-in: unknown option --bogus');
  });
});
