/**
 * Where the API package and the repository lie on disk, found from this file whether it runs from src/ (vitest, the
 * type-checker) or from the build in dist/src/ (`npm start`, the `convergent` binary), and the built file a worker
 * thread loads for one of this package's modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUILD_COMMAND = 'npm run build -w @convergent/api';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@convergent/api') return dir;
    if (path.dirname(dir) === dir) throw new Error(`@convergent/api: no package.json of this package above ${from}`);
  }
}

/** apps/api. */
export const API_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The repository (prisma/ lives here). */
export const REPO_ROOT = path.resolve(API_ROOT, '../..');

/**
 * The built JavaScript of one of this package's modules, named by its source URL (`new URL('./x.ts', import.meta.url)`,
 * which from the build is `dist/src/.../x.ts`): worker threads start without the parent's loaders, so they load the
 * build whether the parent runs the source or the build. Throws, naming the build command, when it is missing.
 */
export function builtModulePath(sourceUrl: URL): string {
  const file = fileURLToPath(sourceUrl);
  const rel = path.relative(API_ROOT, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${file} is not a module of @convergent/api`);
  const inDist = rel.split(path.sep)[0] === 'dist';
  const out = (inDist ? file : path.join(API_ROOT, 'dist', rel)).replace(/\.ts$/, '.js');
  if (!existsSync(out)) throw new Error(`@convergent/api is not built: ${path.relative(API_ROOT, out)} is missing (its worker thread runs the built JavaScript); run \`${BUILD_COMMAND}\``);
  return out;
}
