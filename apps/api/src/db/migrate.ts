/**
 * Applies the committed migration folders (prisma/migrations/<name>/migration.sql) at start-up, without
 * the Prisma CLI (its native schema engine cannot be downloaded offline). Applied migrations are recorded
 * in Prisma's own `_prisma_migrations` table, same columns and checksum (sha256 hex of the file), so
 * `prisma migrate status/deploy` on an online machine agrees with what happened here.
 *
 * Safe when N processes start at once: the whole run holds an advisory lock (per schema), and each
 * migration runs in one transaction together with its bookkeeping row, so a crash leaves either all of
 * it or none of it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { REPO_ROOT } from '../package-root.ts';

export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma/migrations');
export const SCHEMA_PATH = path.resolve(MIGRATIONS_DIR, '../schema.prisma');

export interface MigrationFolder {
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, as Prisma computes it. */
  checksum: string;
}

/** The migration folders in apply order (names sort by their timestamp prefix). */
export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFolder[] {
  if (!existsSync(dir)) throw new Error(`migrations folder ${dir} is missing; run from a complete checkout`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

// Prisma's DDL for its bookkeeping table (schema-engine sql-migration-connector, postgres flavour).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  /** Migrations applied earlier whose file changed since (reported, not re-run). */
  edited: string[];
}

export interface MigrateOptions {
  dir?: string;
  log?: (message: string) => void;
}

/**
 * Apply every pending migration through `client`. Idempotent: a second call applies nothing. Every
 * step runs in a transaction that first takes an advisory transaction lock, then re-reads the
 * bookkeeping table: with PostgreSQL that serialises concurrent migrators; with the embedded PGlite
 * (one session shared by all connections, where session locks exclude nobody) the open transaction
 * itself reserves the session for this client.
 */
export async function migrate(client: pg.ClientBase, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = readMigrations(options.dir);
  const log = options.log ?? (() => {});
  const { rows: schemaRows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
  const lockKey = `convergent:migrate:${schemaRows[0]?.schema ?? 'public'}`;

  const locked = async <T>(fn: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
      const result = await fn();
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  };
  type Row = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };
  const appliedRows = async (): Promise<Map<string, string>> => {
    const { rows } = await client.query<Row>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const done = new Map<string, string>();
    for (const r of rows) if (r.finished_at !== null && r.rolled_back_at === null) done.set(r.migration_name, r.checksum);
    return done;
  };

  const before = await locked(async () => {
    await client.query(CREATE_MIGRATIONS_TABLE);
    return appliedRows();
  });
  const known = new Set(migrations.map((m) => m.name));
  for (const name of before.keys()) {
    if (!known.has(name)) log(`database has migration ${name} that this checkout lacks (newer code wrote it)`);
  }

  const applied: string[] = [];
  const edited: string[] = [];
  for (const m of migrations) {
    const id = randomUUID();
    let outcome: 'done' | 'applied';
    try {
      outcome = await locked(async () => {
        const done = await appliedRows();
        const previous = done.get(m.name);
        if (previous !== undefined) {
          if (previous !== m.checksum) edited.push(m.name);
          return 'done' as const;
        }
        // A row neither finished nor rolled back is a failed attempt; ours ran in a transaction that
        // was rolled back, so nothing of it is in the database: mark it rolled back and try again.
        await client.query(
          'UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL',
          [m.name],
        );
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, m.checksum, m.name],
        );
        await client.query(m.sql);
        await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
        return 'applied' as const;
      });
    } catch (err) {
      const message = (err as Error).message;
      // Leave a trace of the failure, as Prisma does (logs, finished_at null).
      await client
        .query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 0)',
          [id, m.checksum, m.name, message],
        )
        .catch(() => {});
      throw new Error(`migration ${m.name} failed and was rolled back: ${message}`);
    }
    if (outcome === 'applied') {
      applied.push(m.name);
      log(`applied migration ${m.name}`);
    }
  }
  for (const name of edited) log(`migration ${name} was edited after it was applied (checksum differs); not re-run`);
  return { applied, edited };
}
