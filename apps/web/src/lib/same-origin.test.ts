import { describe, expect, it } from 'vitest';
import { fileUrl, withoutIgnoredParams } from './same-origin.ts';

describe('same-origin requests', () => {
  it('maps the API’s file URLs onto the dashboard’s own origin, whatever origin they name', () => {
    expect(fileUrl('http://127.0.0.1:4000/files/alignments/7/between.npy?sig=9.c.abc')).toBe('/files/alignments/7/between.npy?sig=9.c.abc');
    expect(fileUrl('http://attacker.example/files/units/3/top.png')).toBe('/files/units/3/top.png');
    expect(fileUrl('/files/probe/e1/4.png?sig=1')).toBe('/files/probe/e1/4.png?sig=1');
    expect(fileUrl('//attacker.example/x')).toBe('/x');
  });

  it('takes ?token= and ?api= out of the address (ignored), keeping the view state', () => {
    expect(withoutIgnoredParams('http://127.0.0.1:3000/experiments/e1/pair?a=1&token=abc&b=2#x')).toBe('/experiments/e1/pair?a=1&b=2#x');
    expect(withoutIgnoredParams('http://h/?api=http%3A%2F%2Fattacker%2Fgraphql')).toBe('/');
    expect(withoutIgnoredParams('http://h/?x=1')).toBeNull();
  });
});
