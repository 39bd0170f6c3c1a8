/**
 * The dashboard's server in front of the API. The browser only ever talks to the dashboard's own origin:
 * /graphql and /files/… are forwarded to the API whose address is server-side configuration (CONVERGENT_API_URL
 * of the `next start` process; never a URL parameter, never stored in the browser), and the dashboard session
 * rides in an HttpOnly, SameSite=Strict cookie of this origin, which this module turns into
 * `Authorization: Session <secret>` for the API. No token or session secret is ever visible to page scripts.
 *
 * The cookie is honoured only on requests made by this dashboard's own pages: a browser sends cookies by host, not
 * by port, so a page on another port of the same host (or another site) could otherwise make requests with it.
 * Browsers say where a request comes from (Sec-Fetch-Site, Origin); anything but same-origin loses the session.
 */
import type { NextRequest } from 'next/server';

export const SESSION_COOKIE = 'convergent_session';
export const DEFAULT_API_ORIGIN = 'http://127.0.0.1:4000';
/** Largest request body forwarded to the API (GraphQL documents and variables). */
export const MAX_FORWARD_BODY = 1 << 20;

/** The API's origin: CONVERGENT_API_URL (an origin, or the older form ending in /graphql). */
export function apiOrigin(): string {
  const raw = process.env.CONVERGENT_API_URL;
  if (!raw) return DEFAULT_API_ORIGIN;
  try {
    return new URL(raw).origin;
  } catch {
    throw new Error(`CONVERGENT_API_URL is not a URL (${raw}); expected the API's origin such as http://127.0.0.1:4000`);
  }
}

/** True when the browser says this request comes from this dashboard's own pages (or from no page at all). */
export function fromOwnPages(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.get('origin');
  if (origin !== null) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false; // "null" and other opaque origins
    }
    if (host !== req.headers.get('host')) return false;
  }
  return true;
}

/** The session secret of the cookie, when the request comes from the dashboard's own pages. */
export function sessionOf(req: NextRequest): string | null {
  if (!fromOwnPages(req)) return null;
  const v = req.cookies.get(SESSION_COOKIE)?.value;
  return v && /^cvs_[A-Za-z0-9_-]{1,100}$/.test(v) ? v : null;
}

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers: { 'cache-control': 'no-store' } });
}

/** The request body, refused over MAX_FORWARD_BODY bytes (null when there is none). */
async function boundedBody(req: Request): Promise<ArrayBuffer | null | Response> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return null;
  const declared = Number(req.headers.get('content-length') ?? '0');
  const tooBig = () => jsonError(413, 'BAD_USER_INPUT', `request body over ${MAX_FORWARD_BODY} bytes`);
  if (declared > MAX_FORWARD_BODY) return tooBig();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FORWARD_BODY) {
      await reader.cancel().catch(() => {});
      return tooBig();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-length', 'cache-control', 'www-authenticate', 'etag', 'last-modified'];

/**
 * Forward a request to `path` on the API (with the query string of the request), authenticated by the dashboard
 * session (or by an Authorization header a script sent to the dashboard itself).
 */
export async function forwardToApi(req: NextRequest, path: string): Promise<Response> {
  const headers = new Headers();
  for (const h of FORWARDED_REQUEST_HEADERS) {
    const v = req.headers.get(h);
    if (v !== null) headers.set(h, v);
  }
  const session = sessionOf(req);
  const given = req.headers.get('authorization');
  if (given && fromOwnPages(req)) headers.set('authorization', given);
  else if (session) headers.set('authorization', `Session ${session}`);
  const body = await boundedBody(req);
  if (body instanceof Response) return body;
  const origin = apiOrigin();
  let upstream: Response;
  try {
    upstream = await fetch(`${origin}${path}${req.nextUrl.search}`, { method: req.method, headers, body, redirect: 'manual', cache: 'no-store' });
  } catch (err) {
    return jsonError(502, 'API_UNREACHABLE', `the dashboard server cannot reach the API at ${origin} (${(err as Error).message}); is it running? (CONVERGENT_API_URL)`);
  }
  const out = new Headers();
  for (const h of FORWARDED_RESPONSE_HEADERS) {
    const v = upstream.headers.get(h);
    if (v !== null) out.set(h, v);
  }
  return new Response(req.method === 'HEAD' ? null : upstream.body, { status: upstream.status, headers: out });
}
