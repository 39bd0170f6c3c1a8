/**
 * `npm run bench:import -w @convergent/api`: imports one demo-sized result directory (2 architectures x
 * 4 seeds + untrained, 2 recorded layers of 32 and 64 units, every available method) into PGlite and into
 * PostgreSQL (TEST_DATABASE_URL's server), and prints the time of each (wall, and this process's CPU: with PGlite
 * the database runs in it, with PostgreSQL only the client side does) and their ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runExperiment } from '@convergent/engine/steps';
import { syntheticImages } from '@convergent/engine/testing';
import { openDatabase } from '../src/db/database.ts';
import { createTestDatabase, testDatabaseKinds } from '../src/db/test-databases.ts';
import { importResult } from '../src/import/import-result.ts';
import { tinyArch } from '../src/import/test-fixtures/tiny-experiment.ts';

const spec = {
  name: 'import-bench',
  dataset: 'synthetic',
  split: { seed: 1, validation: 60, probe: 200 },
  architectures: [tinyArch('small', 32, 64), tinyArch('wide', 48, 64)],
  seeds: [1, 2, 3, 4],
  training: { epochs: 1, batchSize: 32, optimizer: 'adam', learningRate: 0.01 },
  methods: (process.env.BENCH_METHODS ?? 'semi,max,mi,cka,sparse').split(','),
  penalties: [0.01, 0.05, 0.2],
  mi: { bins: 4, samples: 1000 },
};

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cv-import-bench-'));
try {
  const dir = path.join(tmp, 'result');
  let t = performance.now();
  const { manifest } = await runExperiment(spec, {
    out: dir,
    concurrency: 1,
    data: { name: 'synthetic', train: syntheticImages(400, 1), validation: syntheticImages(60, 2), probe: syntheticImages(200, 3) },
  });
  console.log(`result: ${manifest.networks.length} networks, ${manifest.alignments.length} pair-layers (${((performance.now() - t) / 1000).toFixed(1)} s to compute)`);
  const seconds: Record<string, number> = {};
  for (const kind of testDatabaseKinds()) {
    const target = await createTestDatabase(kind);
    const db = await openDatabase(target.options);
    try {
      const team = await db.prisma.team.create({ data: { name: 'bench' } });
      t = performance.now();
      const cpu = process.cpuUsage();
      const out = await importResult(db.prisma, { teamId: team.id, dir });
      seconds[kind] = (performance.now() - t) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      const rows = (await db.prisma.unitMatch.count()) + (await db.prisma.unit.count()) + (await db.prisma.sparseWeight.count());
      console.log(`${kind.padEnd(8)} import ${seconds[kind]!.toFixed(2)} s, this process's CPU ${cpuSeconds.toFixed(2)} s  (${out.alignments} alignments, ${rows} unit/match/weight rows)`);
    } finally {
      await db.close();
      await target.dispose();
    }
  }
  if (seconds.pglite && seconds.postgres) console.log(`ratio pglite/postgres: ${(seconds.pglite / seconds.postgres).toFixed(2)}x`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
