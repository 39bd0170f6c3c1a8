// Sign-in routes of the API, called by the dashboard's server (never with a token in a URL):
//   POST /auth/session   {"code": "cvc_…"}  → 200 {"session", "sessionId", "expiresAt", "team", "role"}: spends a
//                        one-time sign-in code and opens a dashboard session (auth/sessions.ts); 401 with a message
//                        saying why for an unknown, spent or expired code
//   POST /auth/sign-out  Authorization: Session <secret> → 204: revokes that session (and its signed file links)
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { exchangeSignInCode, SignInError } from '../auth/sessions.ts';
import { credentialFromHeader } from '../auth/tokens.ts';
import { HttpError } from './files.ts';

const MAX_SIGN_IN_BODY = 4096;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_SIGN_IN_BODY) throw new HttpError(413, 'BAD_USER_INPUT', `sign-in body over ${MAX_SIGN_IN_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'BAD_USER_INPUT', 'expected a JSON object body such as {"code": "cvc_…"}');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

export interface AuthRoutes {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

export function createAuthRoutes(prisma: PrismaClient, auth: Authenticator): AuthRoutes {
  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${url.pathname} answers POST only`);
    if (url.pathname === '/auth/session') {
      const body = await readJson(req);
      try {
        const s = await exchangeSignInCode(prisma, typeof body['code'] === 'string' ? body['code'] : '');
        sendJson(res, 200, { session: s.secret, sessionId: s.id, expiresAt: s.expiresAt.toISOString(), team: s.teamName, role: s.role });
      } catch (err) {
        if (err instanceof SignInError) throw new HttpError(401, 'UNAUTHENTICATED', err.message);
        throw err;
      }
      return;
    }
    if (url.pathname === '/auth/sign-out') {
      const presented = credentialFromHeader(req.headers.authorization);
      if (presented?.kind !== 'SESSION') throw new HttpError(401, 'UNAUTHENTICATED', 'sign-out needs Authorization: Session <secret> (team tokens are revoked with `convergent token revoke`)');
      const r = await auth.fromHeader(req.headers.authorization);
      if (r.ok) {
        await prisma.apiToken.updateMany({ where: { id: r.auth.tokenId, revokedAt: null }, data: { revokedAt: new Date() } });
        auth.forget(r.auth.tokenId);
      }
      res.writeHead(204).end();
      return;
    }
    throw new HttpError(404, 'NOT_FOUND', `no route ${url.pathname}`);
  }

  return {
    async handle(req, res, url) {
      try {
        await route(req, res, url);
      } catch (err) {
        // Answered here: once the body has been read the request stream counts as destroyed, and the server's
        // generic handler would take that for a client that went away.
        if (!(err instanceof HttpError) || res.headersSent) throw err;
        sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: err.code } }] });
      }
    },
  };
}
