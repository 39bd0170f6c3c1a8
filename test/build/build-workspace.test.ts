// scripts/build-workspace.mjs on a throw-away package: what it emits, when it skips, and that a failed build leaves
// the previous dist/ as it was.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM without declarations (the repository's build script)
import { buildWorkspaces } from '../../scripts/build-workspace.mjs';

const build = buildWorkspaces as (dirs: string[], options: { ifStale?: boolean; log?: (line: string) => void }) => void;
const dir = mkdtempSync(path.join(os.tmpdir(), 'cv-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

function run(ifStale: boolean): string[] {
  const lines: string[] = [];
  build([dir], { ifStale, log: (line) => lines.push(line) });
  return lines;
}

write('package.json', JSON.stringify({ name: 'fixture', type: 'module' }));
write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', allowImportingTsExtensions: true, strict: true, noEmit: true, skipLibCheck: true, types: [] } }));
write(
  'tsconfig.build.json',
  `{\n  // a whole-line comment, as ours have\n  "extends": "./tsconfig.json",\n  "compilerOptions": { "noEmit": false, "outDir": "dist", "rootDir": ".", "rewriteRelativeImportExtensions": true },\n  "include": ["src"],\n  "exclude": ["**/*.test.ts"]\n}\n`,
);
write('src/main.ts', "import { twice } from './twice.ts';\nimport { WORD } from './word.mjs';\nconsole.log(twice(21), WORD);\n");
write('src/twice.ts', 'export const twice = (x: number): number => 2 * x;\n');
write('src/word.mjs', "export const WORD = 'built';\n");
write('src/word.d.mts', 'export declare const WORD: string;\n');
write('src/main.test.ts', 'this is not compiled\n');

describe('build-workspace', () => {
  it('compiles to dist/ with .js imports, copies .mjs files, skips tests and stamps the build', () => {
    expect(run(false)).toEqual([expect.stringMatching(/^fixture: building dist\/ \(tsc\)/), expect.stringMatching(/^fixture: built dist\/ in [\d.]+ s \(1 \.mjs copied\)$/)]);
    expect(readFileSync(path.join(dir, 'dist/src/main.js'), 'utf8')).toContain('from "./twice.js"');
    expect(execFileSync(process.execPath, [path.join(dir, 'dist/src/main.js')], { encoding: 'utf8' })).toBe('42 built\n');
    expect(existsSync(path.join(dir, 'dist/src/main.test.js'))).toBe(false);
    expect(existsSync(path.join(dir, 'dist/.built'))).toBe(true);
  });

  it('with ifStale, skips a current build and rebuilds after a source changes', () => {
    expect(run(true)).toEqual([]);
    const earlier = new Date(Date.now() - 5000);
    utimesSync(path.join(dir, 'dist/.built'), earlier, earlier); // as if src/twice.ts had been saved after the build
    expect(run(true)).toHaveLength(2);
    expect(run(true)).toEqual([]);
  });

  it('a type error fails with the compiler message and keeps the previous build whole', () => {
    const before = readFileSync(path.join(dir, 'dist/src/twice.js'), 'utf8');
    write('src/twice.ts', "export const twice = (x: number): number => 'two' * x;\n");
    expect(() => run(false)).toThrow(/fixture: tsc failed:[\s\S]*src\/twice\.ts/);
    expect(readFileSync(path.join(dir, 'dist/src/twice.js'), 'utf8')).toBe(before);
    expect(execFileSync(process.execPath, [path.join(dir, 'dist/src/main.js')], { encoding: 'utf8' })).toBe('42 built\n');
    expect(existsSync(path.join(dir, `.dist-${process.pid}`))).toBe(false);
  });

  it('from the command line, an unknown option is one line naming the usage and exit 2, never a package to build', () => {
    const script = fileURLToPath(new URL('../../scripts/build-workspace.mjs', import.meta.url));
    const out = spawnSync(process.execPath, [script, '--if-stal', dir], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/Unknown option '--if-stal'.*usage: node scripts\/build-workspace\.mjs \[--if-stale\]/);
  });
});
