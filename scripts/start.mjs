#!/usr/bin/env node
// `npm start`: the whole product on the embedded database (or DATABASE_URL for team mode).
// Opens the database (migrating it), ensures the local team, starts the API with an embedded worker,
// builds the dashboard once, starts it, and queues the demo experiment on an empty database.
// The orchestration itself lives in start/main.ts (TypeScript, loaded through tsx like the api's sources); the
// engine's worker threads run the engine's build (packages/engine/dist), built here first when it is out of date.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'node_modules', 'tsx'))) {
  console.error('convergent: dependencies are missing; run `npm ci` in the repository root first, then `npm start`');
  process.exit(1);
}
// The Prisma client is generated code (gitignored); this is a no-op when the schema has not changed.
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, [path.join(root, 'apps/api/scripts/generate-prisma.mjs')], { stdio: 'inherit' });
// Training and statistics workers load packages/engine/dist (a no-op when no engine source is newer than the build).
execFileSync(process.execPath, [path.join(root, 'packages/engine/scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./start/main.ts');
process.exitCode = await main(process.argv.slice(2));
