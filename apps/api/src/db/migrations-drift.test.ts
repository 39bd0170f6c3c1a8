import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { SCHEMA_PATH, migrate } from './migrate.ts';
import { latestSnapshot, pendingMigrationSql, sqlBetweenSchemas } from './migration-sql.ts';
import { describeSchema } from './schema-catalog.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './test-databases.ts';

// Fails when prisma/schema.prisma changed without a migration (fix: npm run db:diff -w @convergent/api -- <name>)
// or when a committed migration was edited by hand so that it no longer builds what the schema says.
describe('schema.prisma and prisma/migrations agree', () => {
  it('the newest migration snapshot generates no further SQL', async () => {
    const pending = await pendingMigrationSql();
    expect(pending, 'schema.prisma has changes without a migration: run `npm run db:diff -w @convergent/api -- <name>`').toBe('');
    expect(latestSnapshot()?.schema).toBe(readFileSync(SCHEMA_PATH, 'utf8'));
  });

  describe.each(testDatabaseKinds())('on %s', (kind) => {
    let target: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      target = await createTestDatabase(kind);
      db = await openDatabase({ ...target.options, migrate: false });
    });
    afterAll(async () => {
      await db?.close();
      await target?.dispose();
    });

    it('applying the migrations builds the same tables, enums, indexes and constraints as schema.prisma', async () => {
      const client = await db.connect();
      try {
        await client.query('CREATE SCHEMA migrated');
        await client.query('SET search_path TO migrated');
        await migrate(client);
        await client.query('CREATE SCHEMA reference');
        await client.query('SET search_path TO reference');
        await client.query(await sqlBetweenSchemas(null, readFileSync(SCHEMA_PATH, 'utf8')));
        const migrated = await describeSchema(client, 'migrated');
        const reference = await describeSchema(client, 'reference');
        expect(migrated.split('\n').length).toBeGreaterThan(100);
        expect(migrated).toBe(reference);

        // The comparison sees a one-column difference (so this test can fail).
        await client.query('SET search_path TO reference');
        await client.query('ALTER TABLE "Unit" ALTER COLUMN "mean" DROP NOT NULL');
        expect(await describeSchema(client, 'reference')).not.toBe(migrated);
      } finally {
        await client.end();
      }
    });
  });
});
