/**
 * Dashboard sign-in and sign-out.
 *   POST   {"code": "cvc_…"}  spends a one-time sign-in code at the API and keeps the session it opens in an
 *                             HttpOnly, SameSite=Strict cookie of this origin (the secret never reaches page
 *                             scripts); answers {team, role, expiresAt} or the API's refusal (spent, expired, unknown)
 *   DELETE                    revokes the session at the API (its signed file links die with it) and clears the cookie
 * Only the dashboard's own pages may call these (Origin / Sec-Fetch-Site), so another site cannot sign a browser in
 * to its own team or out of this one.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { apiOrigin, fromOwnPages, jsonError, SESSION_COOKIE, sessionOf } from '../../../server/api-proxy.ts';

export const dynamic = 'force-dynamic';

function cookieOptions(req: NextRequest, maxAge: number) {
  // Secure when the dashboard is served over https (behind a TLS proxy); plain http on 127.0.0.1 otherwise.
  const https = req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  return { httpOnly: true, sameSite: 'strict' as const, path: '/', maxAge, secure: https };
}

export async function POST(req: NextRequest): Promise<Response> {
  if (!fromOwnPages(req) || req.headers.get('origin') === null) return jsonError(403, 'FORBIDDEN', 'sign-in is accepted from the dashboard’s own sign-in page only');
  let code: unknown;
  try {
    code = ((await req.json()) as { code?: unknown }).code;
  } catch {
    return jsonError(400, 'BAD_USER_INPUT', 'expected a JSON body {"code": "cvc_…"}');
  }
  if (typeof code !== 'string' || code.length > 200) return jsonError(400, 'BAD_USER_INPUT', 'expected a JSON body {"code": "cvc_…"}');
  let upstream: Response;
  try {
    upstream = await fetch(`${apiOrigin()}/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }), cache: 'no-store' });
  } catch (err) {
    return jsonError(502, 'API_UNREACHABLE', `the dashboard server cannot reach the API at ${apiOrigin()} (${(err as Error).message}); is it running?`);
  }
  const body = (await upstream.json().catch(() => null)) as { session?: string; expiresAt?: string; team?: string; role?: string; errors?: unknown } | null;
  if (!upstream.ok || !body?.session || !body.expiresAt) {
    return Response.json(body ?? { errors: [{ message: `the API answered ${upstream.status}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, { status: upstream.ok ? 502 : upstream.status, headers: { 'cache-control': 'no-store' } });
  }
  const maxAge = Math.max(0, Math.floor((Date.parse(body.expiresAt) - Date.now()) / 1000));
  const res = NextResponse.json({ team: body.team, role: body.role, expiresAt: body.expiresAt }, { headers: { 'cache-control': 'no-store' } });
  res.cookies.set(SESSION_COOKIE, body.session, cookieOptions(req, maxAge));
  return res;
}

export async function DELETE(req: NextRequest): Promise<Response> {
  if (!fromOwnPages(req)) return jsonError(403, 'FORBIDDEN', 'sign-out is accepted from the dashboard’s own pages only');
  const session = sessionOf(req);
  if (session) {
    await fetch(`${apiOrigin()}/auth/sign-out`, { method: 'POST', headers: { authorization: `Session ${session}` }, cache: 'no-store' }).catch(() => null);
  }
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(SESSION_COOKIE, '', cookieOptions(req, 0));
  return res;
}
