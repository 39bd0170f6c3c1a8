#!/usr/bin/env node
// The engine's commands only (align, stitch, experiment run). The `convergent` binary with every command,
// worker / team / token included, is apps/cli/bin/convergent.mjs (`npx convergent`).
// The engine ships TypeScript sources (an internal package); tsx compiles them on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
