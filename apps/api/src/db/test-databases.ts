/**
 * Fresh, isolated databases for tests, on both engines Convergent supports, so test files can run in
 * parallel and leave nothing behind:
 * - `pglite`: a new data directory under the OS temp folder, removed afterwards;
 * - `postgres`: a new database `<base>_<random>` on the server of TEST_DATABASE_URL (default
 *   postgresql://postgres@127.0.0.1:5432/convergent_test), dropped afterwards.
 * CONVERGENT_TEST_POSTGRES=0 leaves PostgreSQL out (a machine without a server); CI always runs both.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { OpenDatabaseOptions } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';
import { servePglite } from './pglite-server.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

export const DEFAULT_TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/convergent_test';

export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.CONVERGENT_TEST_POSTGRES === '0' ? ['pglite'] : ['pglite', 'postgres'];
}

export interface TestDatabase {
  kind: TestDatabaseKind;
  /** Pass to openDatabase (url for postgres, dataDir for pglite). */
  options: OpenDatabaseOptions;
  /** Removes the database (close every connection to it first). */
  dispose(): Promise<void>;
}

/**
 * A freshly initialised and migrated PGlite data directory, as a tarball cached in the temp folder per
 * PGlite version and migration set: initdb in wasm plus the migrations take 10-30 s on a busy 2-core
 * machine, restoring the tarball a few.
 */
async function pgliteTemplate(): Promise<Blob> {
  // The package exports no package.json: walk up from its entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const migrations = createHash('sha256').update(readMigrations().map((m) => `${m.name}:${m.checksum}`).join('\n')).digest('hex').slice(0, 12);
  const file = path.join(os.tmpdir(), `convergent-pglite-template-${version}-${migrations}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await PGlite.create();
  const server = await servePglite(db);
  const client = new pg.Client({ connectionString: server.connectionString });
  await client.connect();
  await migrate(client);
  await client.end();
  await server.stop();
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  const tmp = `${file}.${process.pid}.${randomBytes(3).toString('hex')}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file); // atomic: parallel test files never read half a template
  return dump;
}

/**
 * `empty: true` gives a database without Convergent's tables (tests of migrating itself); otherwise a
 * PGlite database may come already migrated from the cached template.
 */
export async function createTestDatabase(kind: TestDatabaseKind, options: { empty?: boolean } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const root = mkdtempSync(path.join(os.tmpdir(), 'convergent-test-'));
    if (!options.empty) {
      const seeded = await PGlite.create(path.join(root, 'db'), { loadDataDir: await pgliteTemplate() });
      await seeded.close();
    }
    return {
      kind,
      options: { dataDir: path.join(root, 'db') },
      dispose: async () => rmSync(root, { recursive: true, force: true }),
    };
  }
  const base = new URL(process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL);
  const name = `${base.pathname.slice(1) || 'convergent_test'}_${randomBytes(5).toString('hex')}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const run = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: admin.toString() });
    try {
      await client.connect();
    } catch (err) {
      throw new Error(
        `PostgreSQL for tests is not reachable at ${admin.host} (${(err as Error).message}); start it, set TEST_DATABASE_URL, or set CONVERGENT_TEST_POSTGRES=0 to test on PGlite only`,
      );
    }
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    kind,
    options: { url: url.toString() },
    dispose: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
