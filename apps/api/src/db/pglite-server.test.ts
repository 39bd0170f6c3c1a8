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
