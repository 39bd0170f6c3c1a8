// Prisma 7 configuration: the schema, the committed migrations and the connection URL.
// The CLI is only used for `prisma generate` here (migrations are applied by apps/api/src/db/migrate.ts),
// so the URL is optional: DATABASE_URL when set (team mode), otherwise a local PostgreSQL default.
// `.env` is not loaded automatically; export DATABASE_URL in the shell.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/convergent' },
});
