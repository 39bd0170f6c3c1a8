import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePglite, type PgliteServer } from './pglite-server.ts';

describe('servePglite', () => {
  let db: PGlite;
  let server: PgliteServer;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const c = new pg.Client({ connectionString: server.connectionString });
    await c.connect();
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    db = await PGlite.create(); // in memory
    server = await servePglite(db);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await server.stop();
    await db.close();
  });

  it('keeps concurrent extended-protocol queries of different clients apart', async () => {
    const [a, b, c] = [await connect(), await connect(), await connect()];
    const runs = Array.from({ length: 60 }, (_, i) => [
      a.query('SELECT $1::int + 1 AS v', [i]).then((r) => expect(r.rows[0].v).toBe(i + 1)),
      b.query("SELECT $1::text || '-b' AS v", [`s${i}`]).then((r) => expect(r.rows[0].v).toBe(`s${i}-b`)),
      c.query('SELECT $1::float8 * 2 AS v, $2::int AS w', [i / 4, -i - 1]).then((r) => expect(r.rows[0]).toEqual({ v: i / 2, w: -i - 1 })),
    ]).flat();
    await Promise.all(runs);
    expect(server.connections()).toBe(3);
  });

  it('reserves the session for a client inside a transaction: others neither see nor join it', async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('CREATE TABLE t (x int)');
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (1)');
    let bDone = false;
    const bCount = b.query('SELECT count(*)::int AS n FROM t').then((r) => {
      bDone = true;
      return r.rows[0].n as number;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(bDone).toBe(false); // waits for a's transaction instead of running inside it
    await a.query('ROLLBACK');
    expect(await bCount).toBe(0);
  });

  it('rolls back the open transaction of a client that disconnects', async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('CREATE TABLE u (x int)');
    await a.query('BEGIN');
    await a.query('INSERT INTO u VALUES (1)');
    a.on('error', () => {}); // the vanished client's own "connection terminated"
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await b.query('SELECT count(*)::int AS n FROM u')).rows[0].n).toBe(0);
    expect(db.isInTransaction()).toBe(false);
  });
});

describe('servePglite locked down (password, idle-in-transaction and wait timeouts)', () => {
  let db: PGlite;
  let server: PgliteServer;
  const clients: pg.Client[] = [];
  const connect = async (connectionString = server.connectionString) => {
    const c = new pg.Client({ connectionString });
    c.on('error', () => {}); // a terminated client's late "connection terminated"
    clients.push(c);
    await c.connect();
    return c;
  };
  const withPassword = (password: string | null) => {
    const u = new URL(server.connectionString);
    u.password = password ?? '';
    return u.toString();
  };
  beforeAll(async () => {
    db = await PGlite.create();
    server = await servePglite(db, { password: 'correct horse', idleInTransactionTimeoutMs: 600, waitTimeoutMs: 400 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await server.stop();
    await db.close();
  });

  it('refuses clients without the password, serves those with it', async () => {
    expect(server.connectionString).toContain(':correct%20horse@');
    await expect(connect(withPassword('wrong'))).rejects.toThrow(/password authentication failed/);
    await expect(connect(withPassword(null))).rejects.toThrow();
    const ok = await connect();
    expect((await ok.query('SELECT 41 + 1 AS v')).rows[0].v).toBe(42);
  });

  it('cuts a client idle inside a transaction, rolls it back and serves the others', async () => {
    const [idle, other] = [await connect(), await connect()];
    await idle.query('CREATE TABLE idle_t (x int)');
    await idle.query('BEGIN');
    await idle.query('INSERT INTO idle_t VALUES (1)');
    const idleError = new Promise<Error>((resolve) => idle.once('error', resolve));
    const t0 = Date.now();
    await expect.poll(() => db.isInTransaction(), { timeout: 5000, interval: 20 }).toBe(false);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(500); // cut after its 600 ms of silence, not before
    expect((await idleError).message).toMatch(/idle-in-transaction timeout/);
    // Rolled back: the other client sees no row.
    expect((await other.query('SELECT count(*)::int AS n FROM idle_t')).rows[0].n).toBe(0);
    await expect(idle.query('SELECT 1')).rejects.toThrow();
  });

  it('answers a request that waited too long for the session with a statement timeout, and stays usable', async () => {
    const [holder, waiter] = [await connect(), await connect()];
    await holder.query('BEGIN');
    // Keep the transaction busy (not idle) for longer than the 400 ms wait bound.
    const busy = (async () => {
      for (let i = 0; i < 8; i++) {
        await holder.query('SELECT 1');
        await new Promise((r) => setTimeout(r, 100));
      }
      await holder.query('COMMIT');
    })();
    await new Promise((r) => setTimeout(r, 50));
    await expect(waiter.query('SELECT 2 AS v')).rejects.toThrow(/statement timeout/);
    await busy;
    expect((await waiter.query('SELECT 2 AS v')).rows[0].v).toBe(2);
  });
});
