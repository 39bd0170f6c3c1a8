#!/usr/bin/env node
// `npm start`: the whole product on the embedded database (or DATABASE_URL for team mode).
// Opens the database (migrating it), ensures the local team, starts the API with an embedded worker,
// builds the dashboard once, starts it, and queues the demo experiment on an empty database.
// The API, the engine and their worker threads run the workspaces' builds (dist/, through the packages' `default`
// export condition), built here first when a source is newer. Only this launcher's own orchestration, start/main.ts,
// is TypeScript loaded through tsx.
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
// A no-op for each workspace whose build is newer than its sources.
const { buildWorkspaces } = await import('./build-workspace.mjs');
buildWorkspaces(['packages/schema', 'packages/engine', 'apps/api'], { ifStale: true });
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./start/main.ts');
process.exitCode = await main(process.argv.slice(2));
