#!/usr/bin/env node
// The engine's commands only (align, stitch, experiment run). The `convergent` binary with every command,
// worker / team / token included, is apps/cli/bin/convergent.mjs (`npx convergent`).
// Runs the engine's build (dist/, `npm run build -w @convergent/engine`): no TypeScript is compiled at start-up.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('convergent: the engine is not built (dist/ is missing); run `npm run build -w @convergent/engine` first');
  process.exit(1);
}
process.exitCode = await (await import(main.href)).main(process.argv.slice(2));
