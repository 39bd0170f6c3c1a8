#!/usr/bin/env node
// The workspaces ship TypeScript sources (internal packages); tsx compiles them on load (the api's commands need
// its TypeScript). The engine's worker threads run the engine's build (packages/engine/dist) regardless.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
