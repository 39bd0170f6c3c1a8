#!/usr/bin/env node
// The one build of the TypeScript workspaces: `node scripts/build-workspace.mjs [--if-stale] [package dir ...]`
// (default: the current directory). Each package compiles with `tsc -p tsconfig.build.json` to dist/ with its own
// layout (dist/src/..., relative `.ts` imports rewritten to `.js`), `.mjs` files are copied beside their importers,
// and dist/.built is stamped. The package exports resolve to dist/ for Node (the `default` condition) and to src/
// for the type-checker, vitest and tsx children started with `--conditions=source`: the bin, the API under
// `npm start` and every worker thread run built JavaScript, and nothing compiles TypeScript at run time.
// `--if-stale`: build only a package whose sources (the tsconfig.build.json `include` folders, its tsconfigs,
// tsconfig.base.json) are newer than its stamp. A build writes a sibling folder and swaps it in, so a process reading
// the old dist/ meanwhile never sees half of one.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function* files(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') yield* files(p);
    } else yield p;
  }
}

function sourceFolders(pkg) {
  // Whole-line `//` comments are all our tsconfigs use (loading TypeScript's own parser would cost the bins ~0.2 s).
  const text = readFileSync(path.join(pkg, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const config = JSON.parse(text);
  return (config.include ?? ['src']).map((d) => path.join(pkg, d));
}

function newestSource(pkg) {
  const configs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => path.join(pkg, f)).concat(path.join(ROOT, 'tsconfig.base.json'));
  let newest = Math.max(...configs.filter(existsSync).map((f) => statSync(f).mtimeMs));
  for (const dir of sourceFolders(pkg)) for (const f of files(dir)) newest = Math.max(newest, statSync(f).mtimeMs);
  return newest;
}

function build(pkg, ifStale, log) {
  const name = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).name;
  if (!existsSync(path.join(pkg, 'tsconfig.build.json'))) throw new Error(`${name}: no tsconfig.build.json in ${pkg}`);
  const dist = path.join(pkg, 'dist');
  const stamp = path.join(dist, '.built');
  if (ifStale && existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(pkg)) return;
  log(`${name}: building dist/ (tsc) …`);
  const started = Date.now();
  const next = path.join(pkg, `.dist-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(pkg, 'tsconfig.build.json'), '--outDir', next], { stdio: ['ignore', 'pipe', 'pipe'], cwd: pkg });
  } catch (err) {
    rmSync(next, { recursive: true, force: true });
    throw new Error(`${name}: tsc failed:\n${String(err.stdout ?? '')}${String(err.stderr ?? '')}`.trimEnd());
  }
  let copied = 0;
  for (const dir of sourceFolders(pkg)) {
    for (const f of files(dir)) {
      if (!f.endsWith('.mjs')) continue;
      const out = path.join(next, path.relative(pkg, f));
      mkdirSync(path.dirname(out), { recursive: true });
      copyFileSync(f, out);
      copied++;
    }
  }
  writeFileSync(path.join(next, '.built'), `${new Date().toISOString()}\n`);
  rmSync(dist, { recursive: true, force: true });
  renameSync(next, dist);
  log(`${name}: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s${copied ? ` (${copied} .mjs copied)` : ''}`);
}

/**
 * Build these package folders in order (dependencies first). With `ifStale`, a package whose build is current is
 * skipped at the cost of listing its sources (milliseconds). Progress lines go to `log` (the bins pass stderr, so
 * that a command's stdout stays its own).
 */
export function buildWorkspaces(dirs, { ifStale = false, log = console.log } = {}) {
  for (const dir of dirs) build(path.resolve(ROOT, dir), ifStale, log);
}

/** The workspaces the `convergent` binary runs, in build order. */
export const CLI_WORKSPACES = ['packages/schema', 'packages/engine', 'apps/api', 'apps/cli'];

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // node:util's parseArgs, as the engine's option parser (this runs before anything is built): an unknown option
  // is one line and exit 2, not a package directory.
  let parsed;
  try {
    parsed = parseArgs({ options: { 'if-stale': { type: 'boolean' } }, allowPositionals: true });
  } catch (err) {
    console.error(`build-workspace: ${err.message}; usage: node scripts/build-workspace.mjs [--if-stale] [package dir ...]`);
    process.exit(2);
  }
  const dirs = parsed.positionals;
  try {
    buildWorkspaces(dirs.length ? dirs : [process.cwd()], { ifStale: parsed.values['if-stale'] === true });
  } catch (err) {
    console.error(`build failed: ${err.message}`);
    process.exit(1);
  }
}
