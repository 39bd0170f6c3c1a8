/**
 * `npm run bench:db -w @convergent/api`: round-trip cost of Prisma queries on the embedded PGlite (served
 * over TCP by pglite-server.ts) and on PostgreSQL: 500 sequential unique lookups and 500 lookups from 10
 * concurrent clients. Prints queries/s and the PGlite / PostgreSQL ratio.
 */
import { openDatabase } from '../src/db/database.ts';
import { createTestDatabase, testDatabaseKinds } from '../src/db/test-databases.ts';

const results: Record<string, { seq: number; par: number }> = {};
for (const kind of testDatabaseKinds()) {
  const target = await createTestDatabase(kind);
  const db = await openDatabase(target.options);
  try {
    const team = await db.prisma.team.create({ data: { name: 'bench' } });
    for (let i = 0; i < 20; i++) await db.prisma.team.findUnique({ where: { id: team.id } }); // warm-up
    let t = performance.now();
    for (let i = 0; i < 500; i++) await db.prisma.team.findUnique({ where: { id: team.id } });
    const seq = 500 / ((performance.now() - t) / 1000);
    t = performance.now();
    await Promise.all(Array.from({ length: 10 }, async () => {
      for (let i = 0; i < 50; i++) await db.prisma.team.findUnique({ where: { id: team.id } });
    }));
    const par = 500 / ((performance.now() - t) / 1000);
    results[kind] = { seq, par };
    console.log(`${kind.padEnd(8)} sequential ${seq.toFixed(0)} q/s, 10 concurrent ${par.toFixed(0)} q/s`);
  } finally {
    await db.close();
    await target.dispose();
  }
}
if (results.pglite && results.postgres) {
  console.log(`ratio pglite/postgres: sequential ${(results.pglite.seq / results.postgres.seq).toFixed(2)}x, concurrent ${(results.pglite.par / results.postgres.par).toFixed(2)}x`);
}
