/**
 * The one way the engine starts a worker thread. Every worker runs the engine's built entry
 * (`dist/src/parallel/worker-entry.js`), which loads a named export of a built module: workers never compile
 * TypeScript, so they start in tens of milliseconds plus what the module itself loads, whether the parent is the bin
 * (built JavaScript), vitest, or the api under tsx (TypeScript source).
 *
 * Callers name their module by its source URL (`new URL('./train-task.ts', import.meta.url)`); a module of this
 * package, under src/ or benchmark/, is mapped to its build in dist/ (`.ts` → `.js`), and a URL already inside dist/
 * only has its extension fixed (the compiled caller's `new URL('./x.ts', …)` keeps the `.ts`). A missing build
 * throws an error naming `npm run build -w @convergent/engine` (turbo builds it before `test`, `npm start` and the
 * bin's users; see the package README).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type TransferListItem, Worker } from 'node:worker_threads';
import type { WorkerInit } from './protocol.ts';

export const BUILD_COMMAND = 'npm run build -w @convergent/engine';

const HERE = fileURLToPath(import.meta.url);
/** packages/engine, seen from src/parallel/start-worker.ts or from dist/src/parallel/start-worker.js. */
const ENGINE_ROOT = path.resolve(path.dirname(HERE), HERE.endsWith('.js') ? '../../..' : '../..');
const DIST = path.join(ENGINE_ROOT, 'dist');
const ENTRY = new URL('./worker-entry.ts', import.meta.url);

function toPath(moduleUrl: string | URL): string {
  if (moduleUrl instanceof URL) return fileURLToPath(moduleUrl);
  return moduleUrl.startsWith('file:') ? fileURLToPath(moduleUrl) : path.resolve(moduleUrl);
}

/**
 * The built JavaScript file a worker loads for `moduleUrl` (see the module comment). Throws when it is missing, and
 * for TypeScript outside this package (workers cannot load it).
 */
export function builtModulePath(moduleUrl: string | URL): string {
  const file = toPath(moduleUrl);
  const rel = path.relative(ENGINE_ROOT, file);
  const inEngine = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).includes('node_modules');
  const isTs = /\.m?ts$/.test(file);
  if (isTs && !inEngine) throw new Error(`worker threads load built JavaScript, not TypeScript: ${file} is outside @convergent/engine's build`);
  const inDist = rel === 'dist' || rel.startsWith(`dist${path.sep}`);
  const out = (inEngine && !inDist ? path.join(DIST, rel) : file).replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs');
  if (!existsSync(out)) {
    throw new Error(
      inEngine
        ? `@convergent/engine is not built: ${path.relative(ENGINE_ROOT, out)} is missing (worker threads run the built JavaScript); run \`${BUILD_COMMAND}\``
        : `worker module ${out} does not exist`,
    );
  }
  return out;
}

export interface StartWorkerOptions {
  /** Environment of the worker (default: a copy of process.env). */
  env?: Record<string, string | undefined>;
  transferList?: TransferListItem[];
}

/**
 * Start a worker on the engine's entry for `init` (whose `moduleUrl` may be a source URL: it is mapped to the build).
 * No parent loaders (`execArgv: []`): a parent under tsx or vitest does not make its workers compile TypeScript.
 */
export function startWorker(init: WorkerInit, options: StartWorkerOptions = {}): Worker {
  const entry = builtModulePath(ENTRY);
  const moduleUrl = pathToFileURL(builtModulePath(init.moduleUrl)).href;
  return new Worker(entry, {
    workerData: { ...init, moduleUrl } satisfies WorkerInit,
    env: options.env ?? { ...process.env },
    execArgv: [],
    ...(options.transferList ? { transferList: options.transferList } : {}),
  });
}
