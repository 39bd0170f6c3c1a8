import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_ROOT, builtModulePath, REPO_ROOT } from './package-root.ts';

describe('package roots and built modules', () => {
  it('finds apps/api and the repository from the source', () => {
    expect(path.basename(API_ROOT)).toBe('api');
    expect(existsSync(path.join(REPO_ROOT, 'prisma', 'schema.prisma'))).toBe(true);
  });

  it('maps a source module to its build, and a build URL to itself', () => {
    const source = pathToFileURL(path.join(API_ROOT, 'src/jobs/worker-thread-main.ts'));
    const built = path.join(API_ROOT, 'dist/src/jobs/worker-thread-main.js');
    expect(builtModulePath(source)).toBe(built);
    // The compiled caller's `new URL('./worker-thread-main.ts', import.meta.url)` points into dist/ with the .ts kept.
    expect(builtModulePath(pathToFileURL(path.join(API_ROOT, 'dist/src/jobs/worker-thread-main.ts')))).toBe(built);
  });

  it('names the build command when the build is missing, and refuses files of other packages', () => {
    expect(() => builtModulePath(pathToFileURL(path.join(API_ROOT, 'src/jobs/no-such-module.ts')))).toThrow(/@convergent\/api is not built: dist\/src\/jobs\/no-such-module\.js is missing.*npm run build -w @convergent\/api/);
    expect(() => builtModulePath(pathToFileURL(path.join(REPO_ROOT, 'packages/engine/src/entries/steps.ts')))).toThrow(/not a module of @convergent\/api/);
  });
});
