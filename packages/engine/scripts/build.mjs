#!/usr/bin/env node
// `npm run build -w @convergent/engine`: compile the engine to JavaScript in dist/ (tsconfig.build.json: same layout,
// dist/src/..., relative `.ts` imports rewritten to `.js`), copy any `.mjs` module (tsc emits only TypeScript; none
// today) beside its importers, and stamp the build. The bin and every worker thread run this build; nothing compiles TypeScript at run time.
// `--if-stale`: build only when a file under src/ or benchmark/ (or a tsconfig) is newer than the stamp (`npm start`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const engine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(engine, 'dist');
const stamp = path.join(dist, '.built');
const SOURCES = ['src', 'benchmark'];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else yield p;
  }
}

function newestSource() {
  let newest = Math.max(...['tsconfig.json', 'tsconfig.build.json', '../../tsconfig.base.json'].map((f) => statSync(path.join(engine, f)).mtimeMs));
  for (const dir of SOURCES) for (const f of files(path.join(engine, dir))) newest = Math.max(newest, statSync(f).mtimeMs);
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource()) process.exit(0);

console.log('engine: building dist/ (tsc) …');
const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(engine, 'tsconfig.build.json')], { stdio: 'inherit', cwd: engine });
let copied = 0;
for (const dir of SOURCES) {
  for (const f of files(path.join(engine, dir))) {
    if (!f.endsWith('.mjs')) continue;
    const out = path.join(dist, path.relative(engine, f));
    mkdirSync(path.dirname(out), { recursive: true });
    copyFileSync(f, out);
    copied++;
  }
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.log(`engine: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s (${copied} .mjs copied)`);
