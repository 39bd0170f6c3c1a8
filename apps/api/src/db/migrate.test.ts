import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { MIGRATIONS_DIR, migrate, readMigrations } from './migrate.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './test-databases.ts';

describe.each(testDatabaseKinds())('migrate on %s', (kind) => {
  let target: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await openDatabase({ ...target.options, migrate: false });
  });
  afterAll(async () => {
    await db?.close();
    await target?.dispose();
  });

  it('applies every committed migration once, in Prisma\'s _prisma_migrations format, from N clients at once', async () => {
    const clients = await Promise.all([0, 1, 2, 3].map(() => db.connect()));
    try {
      await clients[0]!.query('CREATE SCHEMA concurrent');
      for (const c of clients) await c.query('SET search_path TO concurrent');
      const results = await Promise.all(clients.map((c) => migrate(c)));
      const names = readMigrations().map((m) => m.name);
      expect(names.length).toBeGreaterThan(0);
      // Exactly one client applied each migration; the others found it done.
      expect(results.flatMap((r) => r.applied).sort()).toEqual([...names].sort());
      const { rows } = await clients[0]!.query(
        'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      for (const r of rows) {
        const sql = readFileSync(path.join(MIGRATIONS_DIR, r.migration_name, 'migration.sql'));
        expect(r.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
        expect(r.finished_at).toBeInstanceOf(Date);
        expect(r.rolled_back_at).toBeNull();
        expect(r.applied_steps_count).toBe(1);
      }
      expect((await migrate(clients[1]!)).applied).toEqual([]);
      const tables = await clients[0]!.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'concurrent' AND table_name = 'Experiment'",
      );
      expect(tables.rows[0].n).toBe(1);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it('rolls a failing migration back whole, records the failure, and applies the fixed file next time', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'convergent-migrations-'));
    const client = await db.connect();
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const bad = path.join(dir, '29990101000000_bad');
      mkdirSync(bad);
      writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" ("x" INTEGER);\nSELECT 1 / 0;\n');
      await client.query('CREATE SCHEMA failing');
      await client.query('SET search_path TO failing');
      await expect(migrate(client, { dir })).rejects.toThrow(/29990101000000_bad failed and was rolled back: division by zero/);
      const half = await client.query("SELECT to_regclass('failing.\"Half\"') AS t");
      expect(half.rows[0].t).toBeNull();
      const failed = await client.query(
        `SELECT logs, finished_at FROM "_prisma_migrations" WHERE migration_name = '29990101000000_bad'`,
      );
      expect(failed.rows).toHaveLength(1);
      expect(failed.rows[0].finished_at).toBeNull();
      expect(failed.rows[0].logs).toMatch(/division by zero/);

      writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" ("x" INTEGER);\n');
      expect((await migrate(client, { dir })).applied).toEqual(['29990101000000_bad']);
      const rows = await client.query(
        `SELECT finished_at, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = '29990101000000_bad' ORDER BY started_at`,
      );
      expect(rows.rows).toHaveLength(2);
      expect(rows.rows[0].rolled_back_at).toBeInstanceOf(Date);
      expect(rows.rows[1].finished_at).toBeInstanceOf(Date);
    } finally {
      await client.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
