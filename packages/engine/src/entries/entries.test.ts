// The package's public entries (package.json `exports` → src/entries/): each loads, and the light ones load no
// compute backend, so the API can validate specs, read manifests and serve findings without paying TensorFlow.js's,
// ONNX Runtime's or Dawn's start-up. Each entry is imported in a fresh plain Node process, which resolves the
// `default` export condition to the tsc build in dist/ as the API does, and then lists which of those packages its
// CommonJS loader holds. Tools (tsc, vitest) take the `source` condition: the same entry's TypeScript.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, { source: string; default: string }>;
};
const HEAVY = /[\\/](@tensorflow|onnxruntime-node|webgpu)[\\/]/;

function loadedHeavyModules(entry: string): string[] {
  const script = [
    `await import(${JSON.stringify(entry)});`,
    `const { createRequire } = await import('node:module');`,
    `const cache = createRequire(import.meta.url).cache;`,
    `const heavy = Object.keys(cache).filter((k) => ${HEAVY}.test(k));`,
    `process.stdout.write(JSON.stringify({ heavy, tfengine: globalThis._tfengine !== undefined }));`,
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  const out = JSON.parse(run.stdout) as { heavy: string[]; tfengine: boolean };
  return out.tfengine ? ['globalThis._tfengine', ...out.heavy] : out.heavy;
}

describe('public entries', () => {
  it('are exactly the files in src/entries/ (no deep paths into the engine)', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(['./align', './cli', './contracts', './files', './findings', './npy', './steps', './testing']);
    for (const [name, conditions] of Object.entries(pkg.exports)) {
      expect(conditions).toEqual({ source: `./src/entries/${name.slice(2)}.ts`, default: `./dist/src/entries/${name.slice(2)}.js` });
    }
  });

  it.each(['contracts', 'findings', 'files', 'npy'])('%s loads no compute backend', (name) => {
    expect(loadedHeavyModules(`@convergent/engine/${name}`)).toEqual([]);
  });

  it('the check sees a compute backend when an entry loads one (steps)', () => {
    expect(loadedHeavyModules('@convergent/engine/steps').some((m) => m === 'globalThis._tfengine' || m.includes('@tensorflow'))).toBe(true);
  });
});
