#!/usr/bin/env node
// The `convergent` binary. It runs built JavaScript (dist/ of the schema, engine, API and CLI workspaces, built by
// `npm run build`); when a source is newer than its build (a fresh clone, an edit), it builds that workspace first,
// once, saying so on stderr. Nothing compiles TypeScript at run time.
import { buildWorkspaces, CLI_WORKSPACES } from '../../../scripts/build-workspace.mjs';

try {
  buildWorkspaces(CLI_WORKSPACES, { ifStale: true, log: (line) => console.error(`convergent: ${line}`) });
} catch (err) {
  console.error(`convergent: could not build the workspaces it runs: ${err.message}`);
  process.exit(1);
}
const { main } = await import('../dist/src/main.js');
process.exitCode = await main(process.argv.slice(2));
