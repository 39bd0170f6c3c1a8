// Bounds on one HTTP request to the API, so no client can hold the process or a connection for long:
//  - the body: at most `maxBodyBytes`, refused with 413 from its Content-Length before a byte is read (also for
//    `Expect: 100-continue`), or as soon as a chunked body passes the limit; the connection is then closed, so the
//    client stops uploading at once instead of waiting for Node's request timeout (a 10 MB body used to get 408
//    after 326 s);
//  - receiving it: headers within `headersTimeoutMs`, the whole request within `receiveTimeoutMs` (slow clients);
//  - answering it: a deadline of `requestTimeoutMs` on GraphQL execution, after which the client gets 503 with
//    code REQUEST_TIMEOUT and the request's AbortSignal stops its further database reads (see graphql/context.ts).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HttpError } from './files.ts';

export interface RequestLimits {
  maxBodyBytes: number;
  requestTimeoutMs: number;
  receiveTimeoutMs: number;
  headersTimeoutMs: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxBodyBytes: 1 << 20,
  requestTimeoutMs: 30_000,
  receiveTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
};

export function bodyTooLarge(limits: RequestLimits, given?: number): HttpError {
  const size = given !== undefined ? ` (${given} bytes)` : '';
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body over ${limits.maxBodyBytes} bytes${size}; send smaller requests (split large queries, pass files by path)`);
}

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined) return undefined;
  const n = Number(header);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The 413 error when the request says its body is over the limit, else null (nothing is read). */
export function declaredBodyError(req: IncomingMessage, limits: RequestLimits): HttpError | null {
  const n = declaredLength(req);
  return n !== undefined && n > limits.maxBodyBytes ? bodyTooLarge(limits, n) : null;
}

/** Read the body as UTF-8, refusing it (HttpError 413) once over the limit. */
export async function readBody(req: IncomingMessage, limits: RequestLimits): Promise<string> {
  const early = declaredBodyError(req, limits);
  if (early) throw early;
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (err) {
        // Stop reading; the 413 answer closes the connection (sendAndClose).
        req.pause();
        reject(err);
      } else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) finish(bodyTooLarge(limits));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = (err: Error) => finish(err);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** How long a refused upload is still read (and dropped) so the client gets to read the answer. */
const LINGER_MS = 2000;

/**
 * Answer and close the connection: for refusals sent before the body was read (413). Closing a socket with unread
 * data makes the kernel reset it, and a client still writing then gets EPIPE / ECONNRESET instead of the answer.
 * Node's server ends a `connection: close` response with `socket.destroySoon()` (FIN, then destroy as soon as it
 * is written), which is exactly that: the first 10 MB upload on a connection got its 413, every later one "fetch
 * failed: EPIPE". So this socket lingers instead: the answer and a FIN go out, the rest of the upload is read and
 * dropped (Node dumps the unread request), and the socket is destroyed when the client closes its side or after
 * LINGER_MS, whichever comes first.
 */
export function sendAndClose(req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.shouldKeepAlive = false;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close', ...headers });
  const socket = res.socket;
  if (socket) {
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.once('end', () => socket.destroy()); // the client is done sending
    // Called by Node's server once the answer is written: half-close only (the timer or the client ends it).
    socket.destroySoon = () => {
      socket.end();
    };
  }
  res.end(body);
  req.resume(); // drop the rest of the upload while the client reads the answer
}

/** Receive-side timeouts and the 100-continue check on the server. */
export function guardServer(server: Server, limits: RequestLimits, refuse: (req: IncomingMessage, res: ServerResponse, err: HttpError) => void): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.receiveTimeoutMs;
  // A client asking before it sends a large body (curl does above 1 MB) hears 413 instead of "100 Continue".
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const err = declaredBodyError(req, limits);
    if (err) refuse(req, res, err);
    else {
      res.writeContinue();
      server.emit('request', req, res);
    }
  });
}

/** Run `work` with a deadline: past it, the signal aborts and the promise rejects with HttpError 503. */
export async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new HttpError(503, 'REQUEST_TIMEOUT', `the request took longer than ${Math.round(ms / 1000)} s and was stopped; ask for less (fewer items per page, fewer nested lists)`);
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
