/**
 * Where the dashboard's pages send requests: to their own origin only. GraphQL goes to /graphql and the API's file
 * routes to /files/…, which the dashboard's server forwards to the API (its address is server configuration,
 * CONVERGENT_API_URL); the session is an HttpOnly cookie the browser attaches by itself. No API URL is ever taken
 * from a URL parameter or storage, and no credential is ever kept in the browser where scripts could read it.
 */

export const GRAPHQL_PATH = '/graphql';

/** Keys earlier versions kept in localStorage (a team token and an API URL); removed on every load. */
export const LEGACY_STORAGE_KEYS = ['convergent.token', 'convergent.apiUrl'] as const;

/** Query parameters earlier versions read (`?token=`, `?api=`); ignored now, and taken out of the address bar. */
export const IGNORED_PARAMS = ['token', 'api'] as const;

/**
 * A file URL from the API (absolute, such as http://127.0.0.1:4000/files/units/3/top.png?sig=…, or a path) as a
 * path on the dashboard's own origin: whatever origin the URL names, the request goes to this dashboard's server.
 */
export function fileUrl(raw: string): string {
  const url = new URL(raw, 'http://dashboard.invalid');
  return `${url.pathname}${url.search}`;
}

/** The address without `?token=` / `?api=` (path + remaining query + hash), or null when it has neither. */
export function withoutIgnoredParams(href: string): string | null {
  const url = new URL(href);
  if (!IGNORED_PARAMS.some((p) => url.searchParams.has(p))) return null;
  for (const p of IGNORED_PARAMS) url.searchParams.delete(p);
  const q = url.searchParams.toString();
  return `${url.pathname}${q ? `?${q}` : ''}${url.hash}`;
}
