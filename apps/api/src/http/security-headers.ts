// Response headers of every API answer: CORS for the dashboard's own origin only (exact match; the dashboard
// normally reaches the API through its own server, same origin, and needs no CORS at all), and headers that keep
// URLs out of Referer and stop content sniffing.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The dashboard `npm start` serves (http://127.0.0.1:3000); override with startApiServer's `corsOrigins`. */
export const DEFAULT_DASHBOARD_ORIGIN = 'http://127.0.0.1:3000';

export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, corsOrigins: readonly string[]): void {
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('vary', 'origin');
  const origin = req.headers.origin;
  if (origin && corsOrigins.includes(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-headers', 'authorization, content-type, apollo-require-preflight');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-max-age', '600');
  }
}

/** Exact `scheme://host[:port]` origins; anything else is a configuration error worth stopping for. */
export function checkOrigins(origins: readonly string[]): string[] {
  return origins.map((o) => {
    let u: URL;
    try {
      u = new URL(o);
    } catch {
      throw new Error(`corsOrigins: ${JSON.stringify(o)} is not an origin such as http://127.0.0.1:3000`);
    }
    if (u.origin !== o.replace(/\/+$/, '')) throw new Error(`corsOrigins: ${JSON.stringify(o)} is not an origin (scheme://host:port, no path); did you mean ${u.origin}?`);
    return u.origin;
  });
}
