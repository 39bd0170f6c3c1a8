/**
 * Where the dashboard finds the API, and the team token.
 *
 * API URL, first match wins:
 *   1. localStorage 'convergent.apiUrl' (set on the Settings page or by `?api=` on any URL),
 *   2. the server's runtime config (GET /runtime-config → CONVERGENT_API_URL of the `next start` process),
 *   3. NEXT_PUBLIC_CONVERGENT_API (inlined at build time),
 *   4. http://127.0.0.1:4000/graphql.
 * Token: `?token=` on any URL is stored in localStorage 'convergent.token' and removed from the address bar.
 */

export const API_URL_KEY = 'convergent.apiUrl';
export const TOKEN_KEY = 'convergent.token';
export const DEFAULT_API_URL = 'http://127.0.0.1:4000/graphql';

export interface ClientConfig {
  apiUrl: string;
  /** Where apiUrl came from, shown on the Settings page. */
  apiUrlSource: 'settings' | 'server' | 'build' | 'default';
  token: string | null;
}

export function buildTimeApiUrl(): string | undefined {
  const v = process.env.NEXT_PUBLIC_CONVERGENT_API;
  return v && v.length > 0 ? v : undefined;
}

export function resolveApiUrl(stored: string | null, server: string | undefined, build: string | undefined): Pick<ClientConfig, 'apiUrl' | 'apiUrlSource'> {
  if (stored) return { apiUrl: stored, apiUrlSource: 'settings' };
  if (server) return { apiUrl: server, apiUrlSource: 'server' };
  if (build) return { apiUrl: build, apiUrlSource: 'build' };
  return { apiUrl: DEFAULT_API_URL, apiUrlSource: 'default' };
}

/**
 * Take `token` and `api` out of a URL's search params. Returns the values found and the cleaned
 * relative URL (path + remaining query + hash) to put back in the address bar.
 */
export function takeCredentialParams(href: string): { token: string | null; api: string | null; cleaned: string | null } {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  const api = url.searchParams.get('api');
  if (token === null && api === null) return { token: null, api: null, cleaned: null };
  url.searchParams.delete('token');
  url.searchParams.delete('api');
  const q = url.searchParams.toString();
  return { token, api, cleaned: `${url.pathname}${q ? `?${q}` : ''}${url.hash}` };
}

/**
 * Resolve a file URL from the API (absolute, or relative to the API's origin such as /files/...). URLs the
 * API signed (`?sig=`) work as they are; unsigned ones get the token as `?token=` so <img> works without
 * headers.
 */
export function fileUrl(raw: string, apiUrl: string, token: string | null): string {
  const url = new URL(raw, apiUrl);
  if (token && !url.searchParams.has('token') && !url.searchParams.has('sig')) url.searchParams.set('token', token);
  return url.toString();
}
