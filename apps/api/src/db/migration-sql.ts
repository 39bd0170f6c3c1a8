/**
 * SQL generation for migrations, offline, with Prisma's wasm schema engine. Each migration folder keeps
 * a copy of the schema.prisma it was generated for (`schema.prisma` beside `migration.sql`; Prisma's
 * CLI ignores it), so the next migration is the diff from that snapshot to the current schema: no live
 * database or shadow database is needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR, SCHEMA_PATH, readMigrations } from './migrate.ts';
import { diffSql, openSchemaEngine } from './schema-engine.ts';

export const SNAPSHOT_FILE = 'schema.prisma';

function datamodel(content: string) {
  return { tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content }] };
}

/** SQL turning the schema `from` (null: empty database) into `to`; '' when equal. */
export async function sqlBetweenSchemas(from: string | null, to: string): Promise<string> {
  const handle = await openSchemaEngine(null, to);
  try {
    return await diffSql(handle, from === null ? { tag: 'empty' } : datamodel(from), datamodel(to));
  } finally {
    await handle.close();
  }
}

/** The schema snapshot of the newest migration (null when there is none). */
export function latestSnapshot(dir: string = MIGRATIONS_DIR): { name: string; schema: string } | null {
  const migrations = readMigrations(dir);
  const last = migrations[migrations.length - 1];
  if (!last) return null;
  const file = path.join(dir, last.name, SNAPSHOT_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: every migration folder keeps the schema it was made from`);
  return { name: last.name, schema: readFileSync(file, 'utf8') };
}

/** SQL of the migration schema.prisma needs on top of the committed ones ('' when up to date). */
export async function pendingMigrationSql(dir: string = MIGRATIONS_DIR, schemaPath: string = SCHEMA_PATH): Promise<string> {
  const snapshot = latestSnapshot(dir);
  return sqlBetweenSchemas(snapshot?.schema ?? null, readFileSync(schemaPath, 'utf8'));
}
