#!/usr/bin/env node
// The engine's commands only (align, stitch, experiment run). The `convergent` binary with every command,
// worker / team / token included, is apps/cli/bin/convergent.mjs (`npx convergent`).
// Runs the engine's build (dist/), building it first when a source is newer (saying so on stderr): no TypeScript is
// compiled at run time.
import { buildWorkspaces } from '../../../scripts/build-workspace.mjs';

try {
  buildWorkspaces(['packages/engine'], { ifStale: true, log: (line) => console.error(`convergent: ${line}`) });
} catch (err) {
  console.error(`convergent: could not build the engine: ${err.message}`);
  process.exit(1);
}
process.exitCode = await (await import('../dist/src/cli/main.js')).main(process.argv.slice(2));
