import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import pg from 'pg';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { readMigrations } from './migrate.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './test-databases.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe.each(testDatabaseKinds())('openDatabase on %s', (kind) => {
  let target: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    target = await createTestDatabase(kind, { empty: true });
    db = await openDatabase(target.options);
  });
  afterAll(async () => {
    await db?.close();
    await target?.dispose();
  });

  it('migrates on open and serves Prisma', async () => {
    expect(db.kind).toBe(kind);
    expect(db.migrations.applied).toEqual(readMigrations().map((m) => m.name));
    const team = await db.prisma.team.create({ data: { name: 'alpha' } });
    const found = await db.prisma.team.findUniqueOrThrow({ where: { name: 'alpha' } });
    expect(found.id).toBe(team.id);
  });

  // pg_terminate_backend needs a real server; PGlite is one session behind its socket.
  it.skipIf(kind !== 'postgres')('survives an idle pooled connection killed by the server', async () => {
    const logged: string[] = [];
    const own = await openDatabase({ ...target.options, log: (m) => logged.push(m) });
    try {
      const { rows } = await own.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const admin = await own.connect();
      try {
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      } finally {
        await admin.end();
      }
      await expect.poll(() => logged.some((m) => m.includes('database connection lost'))).toBe(true);
      expect(await own.prisma.team.count()).toBeGreaterThanOrEqual(0);
      expect((await own.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('keeps concurrent queries and interactive transactions apart', async () => {
    const team = await db.prisma.team.create({ data: { name: 'concurrent' } });
    const creates = Array.from({ length: 30 }, (_, i) =>
      db.prisma.member.create({ data: { teamId: team.id, email: `m${i}@example.org` } }),
    );
    // A transaction that fails half-way must leave nothing, while other clients write meanwhile.
    const failing = db.prisma
      .$transaction(async (tx) => {
        await tx.member.create({ data: { teamId: team.id, email: 'rolled-back@example.org' } });
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('abort');
      })
      .catch((e: Error) => e.message);
    const committed = db.prisma.$transaction(async (tx) => {
      await tx.member.create({ data: { teamId: team.id, email: 'committed@example.org' } });
      return tx.member.count({ where: { teamId: team.id, email: 'committed@example.org' } });
    });
    const [results, failure, seen] = await Promise.all([Promise.all(creates), failing, committed]);
    expect(results).toHaveLength(30);
    expect(failure).toBe('abort');
    expect(seen).toBe(1);
    expect(await db.prisma.member.count({ where: { teamId: team.id } })).toBe(31);
    expect(await db.prisma.member.count({ where: { email: 'rolled-back@example.org' } })).toBe(0);
  });

  it('runs every pooled connection with statement and idle-in-transaction timeouts', async () => {
    // PGlite: a directory of its own (one opener per directory).
    const separate = kind === 'pglite' ? await createTestDatabase('pglite', { empty: true }) : null;
    const own = await openDatabase({ ...(separate ?? target).options, migrate: false, statementTimeoutMs: 1500, idleInTransactionTimeoutMs: 700 });
    try {
      if (kind === 'postgres') {
        const { rows } = await own.pool.query<{ s: string; i: string }>(`SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`);
        expect(rows[0]).toEqual({ s: '1500ms', i: '700ms' });
        await expect(own.pool.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
      }
      // A pooled client left idle inside a transaction is cut; the pool goes on serving.
      const client = await own.pool.connect();
      const lost = new Promise<Error>((resolve) => client.once('error', resolve));
      await client.query('BEGIN');
      expect((await lost).message).toMatch(/idle-in-transaction/);
      client.release(true);
      expect((await own.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    } finally {
      await own.close();
      await separate?.dispose();
    }
  });

  it('stores binary artifacts byte for byte', async () => {
    const team = await db.prisma.team.create({ data: { name: 'bytes' } });
    const data = new Uint8Array(300_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 256;
    await db.prisma.artifact.create({
      data: { teamId: team.id, key: 'k', kind: 'OTHER', mediaType: 'application/octet-stream', size: data.length, sha256: '-', data },
    });
    const back = await db.prisma.artifact.findUniqueOrThrow({ where: { teamId_key: { teamId: team.id, key: 'k' } } });
    expect(Buffer.from(back.data).equals(Buffer.from(data))).toBe(true);
  });
});

describe('embedded database lifecycle', () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await target?.dispose();
  });

  it('refuses a second opener of the same directory, and reopens with the data after close', async () => {
    const db = await openDatabase(target.options);
    await db.prisma.team.create({ data: { name: 'persisted' } });
    await expect(openDatabase(target.options)).rejects.toThrow(/is in use by process \d+/);
    await db.close();
    const again = await openDatabase(target.options);
    try {
      expect(again.migrations.applied).toEqual([]);
      expect(await again.prisma.team.count({ where: { name: 'persisted' } })).toBe(1);
    } finally {
      await again.close();
    }
  });

  it("is this user's only: data directory 0700, URL file 0600 with a password, no entry without it", async () => {
    const db = await openDatabase(target.options);
    try {
      const dir = target.options.dataDir!;
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(`${dir}.url`).mode & 0o777).toBe(0o600);
      expect(statSync(`${dir}.lock`).mode & 0o777).toBe(0o600);
      const url = new URL(readFileSync(`${dir}.url`, 'utf8').trim());
      expect(url.password.length).toBeGreaterThanOrEqual(24);
      expect(url.toString()).toBe(new URL(db.connectionString).toString());
      url.password = '';
      const stranger = new pg.Client({ connectionString: url.toString() });
      stranger.on('error', () => {});
      await expect(stranger.connect()).rejects.toThrow();
      url.password = 'guess';
      const guesser = new pg.Client({ connectionString: url.toString() });
      guesser.on('error', () => {});
      await expect(guesser.connect()).rejects.toThrow(/password authentication failed/);
    } finally {
      await db.close();
    }
  });

  // A real process holding the database, stopped by a signal while it writes.
  async function runAndSignal(signal: NodeJS.Signals): Promise<{ acknowledged: number; code: number | null }> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'test-fixtures/hold-database.ts'), target.options.dataDir!], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = 0;
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const oks = out.match(/^ok (\d+)$/gm);
        if (oks) acknowledged = Number(oks[oks.length - 1]!.slice(3));
        if (acknowledged >= 10) resolve();
      });
      child.on('exit', () => reject(new Error(`child exited early: ${out}`)));
    });
    child.kill(signal);
    const code = await exited;
    return { acknowledged, code };
  }

  it('shuts down cleanly on SIGINT and survives SIGKILL mid-write, keeping every committed row', async () => {
    const db0 = await openDatabase(target.options);
    await db0.prisma.team.deleteMany();
    await db0.close();

    const clean = await runAndSignal('SIGINT');
    expect(clean.code).toBe(0);
    let db = await openDatabase(target.options);
    const afterClean = await db.prisma.team.count();
    expect(afterClean).toBeGreaterThanOrEqual(clean.acknowledged);
    await db.close();

    const killed = await runAndSignal('SIGKILL');
    expect(killed.code).toBeNull();
    // The killed process left its lock file behind; the next opener sees its owner is gone.
    db = await openDatabase(target.options);
    try {
      const total = await db.prisma.team.count();
      expect(total).toBeGreaterThanOrEqual(afterClean + killed.acknowledged);
      // Still writable and consistent (unique index intact).
      await db.prisma.team.create({ data: { name: 'after-kill' } });
      await expect(db.prisma.team.create({ data: { name: 'after-kill' } })).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});
