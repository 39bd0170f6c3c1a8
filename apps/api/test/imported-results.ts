/**
 * The set-up the API tests on real results share: result directories computed once by the engine's one-process run
 * (`runExperiment` on the tiny fixture data) in a temp folder, imported into a fresh PGlite database for one team, and
 * the API served on it. `importedResultsApi` registers its hooks where it is called (a file or a describe block) and
 * answers an object that they fill before the first test runs.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ResultManifest } from '@convergent/engine/contracts';
import { runExperiment } from '@convergent/engine/steps';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../src/db/test-databases.ts';
import { startApiServer, type ApiServer } from '../src/http/server.ts';
import { importResult } from '../src/import/import-result.ts';
import { tinyData } from '../src/import/test-fixtures/tiny-experiment.ts';
import { seedTeam } from './seed.ts';

export interface ImportedResultsApi {
  /** The temp folder holding one result directory per name. */
  tmp: string;
  /** The manifest `runExperiment` answered, per result name. */
  manifests: Record<string, ResultManifest>;
  /** Experiment id per imported directory name. */
  ids: Record<string, string>;
  db: Database;
  api: ApiServer;
  /** A team token (Bearer). */
  token: string;
}

export interface ImportedResultsOptions {
  /** Temp-folder prefix and team name. */
  label: string;
  /** Result name (its directory under `tmp`) → experiment spec, run in this order. */
  specs: Record<string, unknown>;
  /** After the results are computed, before importing: derive more directories under `tmp` (e.g. an older format). */
  prepare?: (tmp: string) => Promise<void>;
  /** Directories to import, in order, with an optional experiment name (default: every result of `specs`). */
  imports?: Array<{ dir: string; name?: string }>;
}

export function importedResultsApi(options: ImportedResultsOptions): ImportedResultsApi {
  const fixture = { manifests: {}, ids: {} } as ImportedResultsApi;
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    fixture.tmp = await fs.mkdtemp(path.join(os.tmpdir(), `cv-${options.label}-`));
    for (const [name, spec] of Object.entries(options.specs)) {
      fixture.manifests[name] = (await runExperiment(spec, { out: path.join(fixture.tmp, name), data: tinyData(), concurrency: 1 })).manifest;
    }
    await options.prepare?.(fixture.tmp);
    testDb = await createTestDatabase('pglite');
    fixture.db = await openDatabase(testDb.options);
    const team = await seedTeam(fixture.db.prisma, options.label);
    fixture.token = team.token;
    const imports: Array<{ dir: string; name?: string }> = options.imports ?? Object.keys(options.specs).map((dir) => ({ dir }));
    for (const { dir, name } of imports) {
      fixture.ids[dir] = (await importResult(fixture.db.prisma, { teamId: team.teamId, dir: path.join(fixture.tmp, dir), ...(name ? { name } : {}) })).experimentId;
    }
    fixture.api = await startApiServer({ database: fixture.db, port: 0, log: () => {} });
  }, 480_000);
  afterAll(async () => {
    await fixture.api?.close();
    await fixture.db?.close();
    await testDb?.dispose();
    if (fixture.tmp) await fs.rm(fixture.tmp, { recursive: true, force: true });
  });
  return fixture;
}
