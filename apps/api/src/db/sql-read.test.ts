// db.read must hand back the rows Prisma would (it replaces Prisma on the API's hot paths): Prisma's own model
// query is the oracle, on both engines (prepared statements on PostgreSQL, unnamed on PGlite), with many
// concurrent reads of one statement over the pool's connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './test-databases.ts';

describe.each(testDatabaseKinds())('db.read on %s', (kind) => {
  let target: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await openDatabase({ ...target.options, poolSize: 4 });
  });
  afterAll(async () => {
    await db?.close();
    await target?.dispose();
  });

  it('returns the rows of Prisma (Json parsed, timestamps as the same instants, count as number)', async () => {
    const team = await db.prisma.team.create({ data: { name: 'read-oracle' } });
    const exp = await db.prisma.experiment.create({
      data: { teamId: team.id, name: 'e', dataset: 'd', probe: { count: 3, nested: [1.5, null] }, probeCount: 3, spec: { a: 'b' }, specHash: 'h', source: 'RESULT', status: 'COMPLETED', completedAt: new Date('2026-01-02T03:04:05.678Z') },
    });
    const viaPrisma = await db.prisma.experiment.findUniqueOrThrow({ where: { id: exp.id } });
    // Stored timestamps are UTC without a zone: read them so whatever this process's time zone.
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    const [viaRead] = await db.read<typeof viaPrisma>(`SELECT * FROM "Experiment" WHERE id = ANY($1::text[])`, [[exp.id]]).finally(() => {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    });
    expect(viaRead).toEqual(viaPrisma);
    expect(viaRead!.completedAt!.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    const [count] = await db.read<{ n: number }>(`SELECT count(*) AS n FROM "Experiment" WHERE "teamId" = $1`, [team.id]);
    expect(count).toEqual({ n: 1 });
  });

  it('runs one statement concurrently on every pooled connection, with its own values each time', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => i);
    const rows = await Promise.all(ids.map((i) => db.read<{ x: number; s: string }>(`SELECT $1::int * 2 AS x, $2::text AS s`, [i, `v${i}`])));
    expect(rows).toEqual(ids.map((i) => [{ x: 2 * i, s: `v${i}` }]));
  });

  it('reports SQL errors to the caller and keeps serving', async () => {
    await expect(db.read(`SELECT * FROM "NoSuchTable"`, [])).rejects.toThrow(/NoSuchTable/);
    expect(await db.read<{ one: number }>(`SELECT 1 AS one`, [])).toEqual([{ one: 1 }]);
  });
});
