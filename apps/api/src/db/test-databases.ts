/**
 * Fresh, isolated databases for tests, on both engines Convergent supports, so test files can run in
 * parallel and leave nothing behind:
 * - `pglite`: a new data directory under the OS temp folder, removed afterwards;
 * - `postgres`: a new database `<base>_<random>` on the server of TEST_DATABASE_URL (default
 *   postgresql://postgres@127.0.0.1:5432/convergent_test), dropped afterwards.
 * CONVERGENT_TEST_POSTGRES=0 leaves PostgreSQL out (a machine without a server); CI always runs both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { OpenDatabaseOptions } from './database.ts';

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

export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const root = mkdtempSync(path.join(os.tmpdir(), 'convergent-test-'));
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
