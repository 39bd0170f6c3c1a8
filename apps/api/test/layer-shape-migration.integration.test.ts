// Migration 20261205151000_layer_shape_int_array converts Layer.shape from jsonb to INTEGER[] in place: on a fresh
// database migrated up to the migration before it, layers stored with JSON shapes (well-formed and legacy odd ones)
// come out as integer arrays, odd ones as the empty array ("shape unknown"), and Prisma then reads number[].
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../src/db/migrate.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../src/db/test-databases.ts';

const MIGRATION = '20261205151000_layer_shape_int_array';

// Stored jsonb (as SQL text) → INTEGER[] after the migration.
const CASES: Array<{ name: string; json: string; shape: number[] }> = [
  { name: 'conv', json: '[4, 4, 6]', shape: [4, 4, 6] },
  { name: 'dense', json: '[6]', shape: [6] },
  { name: 'whole-decimals', json: '[4.0, 2.00]', shape: [4, 2] },
  { name: 'exponent', json: '[1e2, 3]', shape: [100, 3] },
  { name: 'int-max', json: '[2147483647]', shape: [2147483647] },
  { name: 'empty-array', json: '[]', shape: [] },
  { name: 'json-null', json: 'null', shape: [] },
  { name: 'object', json: '{"h": 4, "w": 4}', shape: [] },
  { name: 'string', json: '"4x4x6"', shape: [] },
  { name: 'scalar', json: '6', shape: [] },
  { name: 'zero', json: '[0, 4]', shape: [] },
  { name: 'negative', json: '[4, -1]', shape: [] },
  { name: 'fraction', json: '[2.5, 4]', shape: [] },
  { name: 'numeric-string', json: '["4", 4]', shape: [] },
  { name: 'boolean', json: '[true]', shape: [] },
  { name: 'null-element', json: '[4, null]', shape: [] },
  { name: 'nested', json: '[[4, 4], 6]', shape: [] },
  { name: 'over-int', json: '[3000000000]', shape: [] },
];

describe.each(testDatabaseKinds())(`migration ${MIGRATION} on %s`, (kind) => {
  let target: TestDatabase;
  let db: Database;
  let client: pg.Client;
  let before: string;

  beforeAll(async () => {
    // The committed migrations without this one and anything after it.
    before = mkdtempSync(path.join(os.tmpdir(), 'cv-shape-migration-'));
    for (const m of readMigrations()) if (m.name < MIGRATION) cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(before, m.name), { recursive: true });
    target = await createTestDatabase(kind, { empty: true });
    db = await openDatabase({ ...target.options, migrate: false });
    client = await db.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.close();
    await target?.dispose();
    if (before) rmSync(before, { recursive: true, force: true });
  });

  it('converts every stored JSON shape in place; odd legacy values become the empty array', async () => {
    const first = await migrate(client, { dir: before });
    expect(first.applied).not.toContain(MIGRATION);
    expect(first.applied.length).toBe(readMigrations().filter((m) => m.name < MIGRATION).length);
    const type = async () =>
      (await client.query(`SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = '"Layer"'::regclass AND attname = 'shape'`)).rows[0].type;
    expect(await type()).toBe('jsonb');

    await client.query(`INSERT INTO "Team" (id, name) VALUES ('t1', 'team')`);
    await client.query(
      `INSERT INTO "Experiment" (id, "teamId", name, dataset, probe, spec, "specHash", "updatedAt") VALUES ('e1', 't1', 'exp', 'mnist', '{}', '{}', 'h', now())`,
    );
    await client.query(`INSERT INTO "Network" (id, "experimentId", name, arch, "archSpec", seed) VALUES ('n1', 'e1', 'net', 'lenet', '{}', 1)`);
    for (const [i, c] of CASES.entries()) {
      await client.query(`INSERT INTO "Layer" (id, "networkId", name, index, kind, "unitCount", shape) VALUES ($1, 'n1', $2, $3, 'conv', 6, $4::jsonb)`, [
        `l${i}`,
        c.name,
        i,
        c.json,
      ]);
    }
    // A layer written without a shape took the old column default ('[]').
    await client.query(`INSERT INTO "Layer" (id, "networkId", name, index, kind, "unitCount") VALUES ('lx', 'n1', 'old-default', 99, 'dense', 1)`);

    const second = await migrate(client);
    expect(second.applied).toContain(MIGRATION);
    expect(await type()).toBe('integer[]');

    const { rows } = await client.query<{ name: string; shape: number[] | null }>(`SELECT name, shape FROM "Layer" ORDER BY index`);
    expect(rows).toEqual([...CASES.map((c) => ({ name: c.name, shape: c.shape })), { name: 'old-default', shape: [] }]);
    expect((await client.query(`SELECT count(*)::int AS n FROM "Layer" WHERE shape IS NULL`)).rows[0].n).toBe(0);

    // New rows without a shape get the empty array, not NULL; Prisma reads number[].
    await client.query(`INSERT INTO "Layer" (id, "networkId", name, index, kind, "unitCount") VALUES ('ly', 'n1', 'new-default', 100, 'dense', 1)`);
    expect((await client.query(`SELECT shape FROM "Layer" WHERE id = 'ly'`)).rows[0].shape).toEqual([]);
    const viaPrisma = await db.prisma.layer.findMany({ where: { networkId: 'n1' }, select: { name: true, shape: true }, orderBy: { index: 'asc' } });
    expect(viaPrisma.find((l) => l.name === 'conv')?.shape).toEqual([4, 4, 6]);
    expect(viaPrisma.find((l) => l.name === 'object')?.shape).toEqual([]);
    const created = await db.prisma.layer.create({ data: { networkId: 'n1', name: 'written', index: 101, kind: 'conv', unitCount: 8, shape: [3, 3, 8] }, select: { shape: true } });
    expect(created.shape).toEqual([3, 3, 8]);
  });
});
