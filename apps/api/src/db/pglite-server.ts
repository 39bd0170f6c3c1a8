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
 */
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/** Message types that end a request: Sync, Query, Flush, Terminate, CopyDone, CopyFail. */
const REQUEST_END = new Set(['S', 'Q', 'H', 'X', 'c', 'f'].map((c) => c.charCodeAt(0)));
const FLUSH = 'H'.charCodeAt(0);
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

class SessionLock {
  private owner: number | null = null;
  private waiters: Array<{ id: number; resolve: () => void }> = [];

  async acquire(id: number): Promise<void> {
    if (this.owner === id) return;
    if (this.owner === null) {
      this.owner = id;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push({ id, resolve }));
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
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  connectionString: string;
  connections(): number;
  /** Stops accepting, closes client sockets, and rolls back a transaction a client left open. */
  stop(): Promise<void>;
}

export async function servePglite(db: PGlite, options: { port?: number } = {}): Promise<PgliteServer> {
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
    let pending: Buffer[] = [];
    let chain = Promise.resolve();

    const run = async (messages: Buffer[]): Promise<void> => {
      await lock.acquire(id);
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
        const last = messages[messages.length - 1]?.[0];
        if (!db.isInTransaction() && last !== FLUSH) lock.release(id);
      }
    };

    const enqueue = (messages: Buffer[]): void => {
      chain = chain.then(() => run(messages)).catch((err: unknown) => {
        socket.destroy(err instanceof Error ? err : new Error(String(err)));
      });
    };

    socket.on('data', (data: Buffer) => {
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
          enqueue([Buffer.from(msg)]);
          continue;
        }
        if (buffer.length < 5) return;
        const len = 1 + buffer.readInt32BE(1);
        if (buffer.length < len) return;
        const msg = Buffer.from(buffer.subarray(0, len));
        buffer = buffer.subarray(len);
        const type = msg[0]!;
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
    connectionString: `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`,
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
