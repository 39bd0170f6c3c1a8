// Public API of @convergent/api. Each area adds its own export lines.

// database (Prisma client over PostgreSQL or the embedded PGlite, migrations at open)
export { openDatabase, parseDatabaseUrl, DEFAULT_DATA_DIR, type Database, type OpenDatabaseOptions } from './db/database.ts';
export { migrate, readMigrations, MIGRATIONS_DIR } from './db/migrate.ts';
export { onShutdownSignal } from './db/shutdown.ts';
export { createTestDatabase, testDatabaseKinds, type TestDatabase, type TestDatabaseKind } from './db/test-databases.ts';
export type * from './generated/prisma/client.ts';
