/**
 * Serves one PGlite instance to ordinary PostgreSQL clients (Prisma's adapter-pg, pg-boss) over TCP on
 * 127.0.0.1, with any number of connections.
 *
 * PGlite is a single backend session, so connections must take turns. @electric-sql/pglite-socket
 * 0.2.17 queues them message by message (so in principle client A's Bind could follow client B's Parse
 * on the shared unnamed statement, depending on how TCP chunks arrive; a 180-query concurrency check did
 * not catch it doing so) and serves one connection unless told otherwise. Here a connection's messages are
 * grouped up to the end of a request (Sync, simple Query, Flush, or Terminate) and each group runs with
 * exclusive use of PGlite; while a connection has a transaction open (or has flushed half of an
 * extended-protocol request), the session stays reserved for it, so requests and transactions of
 * different clients never mix. Session state that
 * clients set (SET, session advisory locks) is shared by all connections; Prisma and pg-boss do not
 * rely on it.
 *
 * Locked down (issue 15): with `password`, a client must answer an MD5 password challenge before PGlite sees its
 * startup message (any local user could otherwise connect to 127.0.0.1 and read or hog every team's data). One
 * client must not hold the single session for long: a client idle inside a transaction (or half-way through a
 * request) for `idleInTransactionTimeoutMs` is disconnected and its transaction rolled back, like PostgreSQL's
 * idle_in_transaction_session_timeout (SQLSTATE 25P03); a request that waited `waitTimeoutMs` for the session is
 * answered with PostgreSQL's statement-timeout error (57014) instead of waiting on. PGlite itself cannot stop a
 * running statement (its statement_timeout has no timer in wasm): the API's query limits keep statements small.
 */
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/** Message types that end a request: Sync, Query, Flush, Terminate, CopyDone, CopyFail. */
const REQUEST_END = new Set(['S', 'Q', 'H', 'X', 'c', 'f'].map((c) => c.charCodeAt(0)));
const FLUSH = 'H'.charCodeAt(0);
const SYNC = 'S'.charCodeAt(0);
const QUERY = 'Q'.charCodeAt(0);
const PASSWORD = 'p'.charCodeAt(0);
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

class SessionLock {
  private owner: number | null = null;
  private waiters: Array<{ id: number; resolve: () => void }> = [];

  /** Resolves true once `id` owns the session, or false after `timeoutMs` (> 0) without it. */
  async acquire(id: number, timeoutMs = 0): Promise<boolean> {
    if (this.owner === id) return true;
    if (this.owner === null) {
      this.owner = id;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const waiter = { id, resolve: () => resolve(true) };
      this.waiters.push(waiter);
      if (timeoutMs > 0) {
        const timer = setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i < 0) return; // granted meanwhile
          this.waiters.splice(i, 1);
          resolve(false);
        }, timeoutMs);
        waiter.resolve = () => {
          clearTimeout(timer);
          resolve(true);
        };
      }
    });
  }

  holds(id: number): boolean {
    return this.owner === id;
  }

  release(id: number): void {
    if (this.owner !== id) return;
    const next = this.waiters.shift();
    this.owner = next ? next.id : null;
    next?.resolve();
  }
}

export interface PgliteServer {
  host: string;
  port: number;
  /** postgresql://postgres[:password]@127.0.0.1:<port>/postgres */
  connectionString: string;
  connections(): number;
  /** Stops accepting, closes client sockets, and rolls back a transaction a client left open. */
  stop(): Promise<void>;
}

export interface ServePgliteOptions {
  port?: number;
  /** Clients must give this password (MD5 challenge); default: none (tests, in-memory templates). */
  password?: string;
  /** Disconnect a client that holds the session idle this long (default 0: never). */
  idleInTransactionTimeoutMs?: number;
  /** Answer a request that waited this long for the session with a statement-timeout error (default 0: wait). */
  waitTimeoutMs?: number;
}

/** A backend ErrorResponse message (severity ERROR or FATAL, SQLSTATE code). */
function errorResponse(severity: 'ERROR' | 'FATAL', code: string, message: string): Buffer {
  const fields = Buffer.concat(
    [`S${severity}`, `V${severity}`, `C${code}`, `M${message}`].map((f) => Buffer.from(`${f}\0`, 'utf8')).concat([Buffer.from([0])]),
  );
  const head = Buffer.alloc(5);
  head[0] = 'E'.charCodeAt(0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

const READY_IDLE = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]); // ReadyForQuery, status I

/** Parameters (user, database, ...) of a startup message. */
function startupParameters(msg: Buffer): Record<string, string> {
  const parts = msg.subarray(8).toString('utf8').split('\0');
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i]) out[parts[i]!] = parts[i + 1]!;
  return out;
}

/** What a client answers to PostgreSQL's MD5 challenge: 'md5' + md5(md5(password + user) + salt). */
export function md5Answer(password: string, user: string, salt: Buffer): string {
  const inner = createHash('md5').update(password + user).digest('hex');
  return `md5${createHash('md5').update(Buffer.concat([Buffer.from(inner), salt])).digest('hex')}`;
}

export async function servePglite(db: PGlite, options: ServePgliteOptions = {}): Promise<PgliteServer> {
  const lock = new SessionLock();
  const sockets = new Set<net.Socket>();
  const drains = new Set<Promise<void>>();
  let nextId = 1;

  const handle = (socket: net.Socket): void => {
    const id = nextId++;
    sockets.add(socket);
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    // With a password: the startup message waits here until the client answered the challenge.
    let challenge: { salt: Buffer; user: string; startup: Buffer } | null = null;
    let pending: Buffer[] = [];
    let chain = Promise.resolve();
    let idleTimer: NodeJS.Timeout | null = null;

    // Tell the client why, then close for good (destroySoon: after the message is flushed, even if the client
    // never closes its side), which runs cleanup().
    const refuse = (code: string, message: string): void => {
      if (socket.destroyed) return;
      socket.write(errorResponse('FATAL', code, message));
      socket.destroySoon();
    };

    const run = async (messages: Buffer[]): Promise<void> => {
      const last = messages[messages.length - 1]?.[0];
      // Only a complete request (up to Sync or a simple Query) can be answered with an error and ReadyForQuery.
      const canTimeOut = last === SYNC || last === QUERY;
      if (!(await lock.acquire(id, canTimeOut ? (options.waitTimeoutMs ?? 0) : 0))) {
        if (!socket.destroyed) {
          socket.write(errorResponse('ERROR', '57014', `canceling statement due to statement timeout: the embedded database was busy with another client for ${options.waitTimeoutMs} ms`));
          socket.write(READY_IDLE);
        }
        return;
      }
      try {
        for (const m of messages) {
          await db.execProtocolRawStream(new Uint8Array(m.buffer, m.byteOffset, m.byteLength), {
            onRawData: (data: Uint8Array) => {
              if (data.length > 0 && !socket.destroyed) socket.write(Buffer.from(data));
            },
          });
        }
      } finally {
        // Keep the session while this client's transaction is open, and after a Flush (the client is
        // midway through an extended-protocol request and will continue it up to its Sync).
        if (!db.isInTransaction() && last !== FLUSH) lock.release(id);
        else armIdleTimer();
      }
    };

    // A client holding the session (open transaction, or half a request) must not stay silent for long.
    const armIdleTimer = (): void => {
      const ms = options.idleInTransactionTimeoutMs ?? 0;
      if (ms <= 0 || socket.destroyed) return;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        idleTimer = null;
        if (!lock.holds(id)) return;
        // cleanup() rolls the transaction back and frees the session.
        refuse('25P03', `terminating connection due to idle-in-transaction timeout (${ms} ms): the embedded database serves every client from one session`);
      }, ms);
    };

    const enqueue = (messages: Buffer[]): void => {
      chain = chain.then(() => run(messages)).catch((err: unknown) => {
        socket.destroy(err instanceof Error ? err : new Error(String(err)));
      });
    };

    socket.on('data', (data: Buffer) => {
      if (idleTimer) {
        clearTimeout(idleTimer);
        idleTimer = null;
      }
      buffer = buffer.length === 0 ? data : Buffer.concat([buffer, data]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const len = buffer.readInt32BE(0);
          if (buffer.length < len) return;
          const code = buffer.readInt32BE(4);
          const msg = buffer.subarray(0, len);
          buffer = buffer.subarray(len);
          if (code === SSL_REQUEST || code === GSS_REQUEST) {
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          started = true;
          if (options.password !== undefined) {
            // AuthenticationMD5Password with a fresh salt; PGlite sees the startup message once the answer is right.
            const salt = randomBytes(4);
            challenge = { salt, user: startupParameters(msg).user ?? '', startup: Buffer.from(msg) };
            const request = Buffer.alloc(13);
            request[0] = 'R'.charCodeAt(0);
            request.writeInt32BE(12, 1);
            request.writeInt32BE(5, 5);
            salt.copy(request, 9);
            socket.write(request);
          } else enqueue([Buffer.from(msg)]);
          continue;
        }
        if (buffer.length < 5) return;
        const len = 1 + buffer.readInt32BE(1);
        if (buffer.length < len) return;
        const msg = Buffer.from(buffer.subarray(0, len));
        buffer = buffer.subarray(len);
        const type = msg[0]!;
        if (challenge) {
          const answer = type === PASSWORD ? msg.subarray(5, msg.length - 1).toString('utf8') : '';
          const expected = md5Answer(options.password!, challenge.user, challenge.salt);
          if (answer.length !== expected.length || !timingSafeEqualText(answer, expected)) {
            refuse('28P01', `password authentication failed for user "${challenge.user}" (the embedded database's URL, with its password, is in the .url file beside its data directory)`);
            return;
          }
          enqueue([challenge.startup]);
          challenge = null;
          continue;
        }
        if (type === 'X'.charCodeAt(0)) {
          socket.end();
          return;
        }
        pending.push(msg);
        if (REQUEST_END.has(type)) {
          const batch = pending;
          pending = [];
          enqueue(batch);
        }
      }
    });

    const cleanup = (): void => {
      if (idleTimer) clearTimeout(idleTimer);
      if (!sockets.delete(socket)) return;
      // A client that vanished inside a transaction must not leave the session locked.
      const drain = chain.then(async () => {
        await lock.acquire(id);
        try {
          if (db.isInTransaction()) await db.exec('ROLLBACK');
        } catch {
          // the instance may be closing
        } finally {
          lock.release(id);
        }
      });
      drains.add(drain);
      void drain.finally(() => drains.delete(drain));
    };
    socket.on('close', cleanup);
    socket.on('error', cleanup);
  };

  const server = net.createServer(handle);
  const host = '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host,
    port,
    connectionString: `postgresql://postgres${options.password !== undefined ? `:${encodeURIComponent(options.password)}` : ''}@${host}:${port}/postgres?sslmode=disable`,
    connections: () => sockets.size,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
      // Let in-flight requests and rollbacks of the destroyed sockets finish before PGlite closes.
      await Promise.allSettled([...drains]);
    },
  };
}

function timingSafeEqualText(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
