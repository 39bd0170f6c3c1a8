import { describe, expect, it } from 'vitest';
import { DEFAULT_API_URL, fileUrl, resolveApiUrl, takeCredentialParams } from './runtime-config.ts';

describe('runtime config', () => {
  it('resolves the API URL: settings > server > build > default', () => {
    expect(resolveApiUrl('http://s/graphql', 'http://r/graphql', 'http://b/graphql')).toEqual({ apiUrl: 'http://s/graphql', apiUrlSource: 'settings' });
    expect(resolveApiUrl(null, 'http://r/graphql', 'http://b/graphql').apiUrlSource).toBe('server');
    expect(resolveApiUrl(null, undefined, 'http://b/graphql').apiUrlSource).toBe('build');
    expect(resolveApiUrl(null, undefined, undefined)).toEqual({ apiUrl: DEFAULT_API_URL, apiUrlSource: 'default' });
  });

  it('takes ?token= and ?api= out of the address, keeping the view state', () => {
    const t = takeCredentialParams('http://127.0.0.1:3000/experiments/e1/pair?a=1&token=abc&b=2#x');
    expect(t).toEqual({ token: 'abc', api: null, cleaned: '/experiments/e1/pair?a=1&b=2#x' });
    expect(takeCredentialParams('http://h/?x=1')).toEqual({ token: null, api: null, cleaned: null });
    expect(takeCredentialParams('http://h/?api=http%3A%2F%2Fa%2Fgraphql').api).toBe('http://a/graphql');
  });

  it('resolves file routes against the API origin and appends the token', () => {
    expect(fileUrl('/files/alignments/7/between.npy', 'http://127.0.0.1:4000/graphql', 't k')).toBe(
      'http://127.0.0.1:4000/files/alignments/7/between.npy?token=t+k',
    );
    expect(fileUrl('http://other/x.png?token=keep', 'http://127.0.0.1:4000/graphql', 'new')).toBe('http://other/x.png?token=keep');
    expect(fileUrl('/x.png', 'http://h:1/graphql', null)).toBe('http://h:1/x.png');
    // Signed links carry their own authorisation: the token stays out of <img> URLs.
    expect(fileUrl('http://h:1/files/units/3/top/0.png?sig=9.abc', 'http://h:1/graphql', 'tok')).toBe('http://h:1/files/units/3/top/0.png?sig=9.abc');
  });
});
