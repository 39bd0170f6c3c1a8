/**
 * `npm run db:diff -w @convergent/api -- <name>`: writes prisma/migrations/<timestamp>_<name>/ with the
 * SQL that brings the committed migrations up to prisma/schema.prisma (and a snapshot of the schema),
 * offline. Prints "no changes" and writes nothing when they already agree. `--check` only reports.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseScriptArgs } from '@convergent/engine/cli';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../src/db/migrate.ts';
import { SNAPSHOT_FILE, pendingMigrationSql } from '../src/db/migration-sql.ts';

// The repository's one option parser (engine cli/command.ts): an unknown option is one line naming it.
const parsed = parseScriptArgs('db:diff', { check: 'boolean' }, 'npm run db:diff -w @convergent/api -- NAME [--check]');
const check = parsed.options.check === true;
const name = parsed.positionals[0];
const sql = await pendingMigrationSql();
if (sql === '') {
  console.log('db:diff: no changes; the migrations match prisma/schema.prisma');
  process.exit(0);
}
if (check) {
  console.error(`db:diff: prisma/schema.prisma has changes without a migration:\n${sql}`);
  process.exit(1);
}
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('db:diff: give the migration a name: npm run db:diff -w @convergent/api -- add_something (lowercase, digits, _)');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
copyFileSync(SCHEMA_PATH, path.join(dir, SNAPSHOT_FILE));
console.log(`db:diff: wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
