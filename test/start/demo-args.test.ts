// npm start's example choice (issue 16): --demo families|demo|all, --no-demo, and every example it can queue
// passes the engine's spec validator (what createExperiment runs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateExperimentSpec } from '@convergent/engine/contracts';
import { describe, expect, it } from 'vitest';
import { DEMOS, parseArgs } from '../../scripts/start/main.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('npm start examples', () => {
  it('queues the demo by default, the families example with --demo families, both with --demo all, none with --no-demo', () => {
    expect(parseArgs([]).demos).toEqual(['demo']);
    expect(parseArgs([]).explicitDemos).toBe(false);
    expect(parseArgs(['--demo', 'families'])).toMatchObject({ demos: ['families'], explicitDemos: true });
    expect(parseArgs(['--demo', 'all']).demos).toEqual(['demo', 'families']);
    expect(parseArgs(['--demo', 'demo', '--demo', 'families']).demos).toEqual(['demo', 'families']);
    expect(parseArgs(['--no-demo']).demos).toEqual([]);
    expect(() => parseArgs(['--demo', 'resnet'])).toThrow('--demo must be one of demo, families, all (got "resnet")');
  });

  it('reads ports and folders through the shared option parser: an unknown or valueless option is one line naming it and the help', () => {
    expect(parseArgs(['--port', '0', '--web-port=3100', '--data', 'here', '--no-web'])).toMatchObject({ apiPort: 0, webPort: 3100, dataDir: 'here', web: false });
    expect(parseArgs(['--demo', 'families', '--no-demo']).demos).toEqual([]);
    expect(() => parseArgs(['--bogus'])).toThrow(/^unknown option --bogus; see npm start -- --help$/);
    expect(() => parseArgs(['--port'])).toThrow(/^option --port needs a value; see npm start -- --help$/);
    expect(() => parseArgs(['--port', '70000'])).toThrow('--port must be a port number (0-65535)');
  });

  it('every example validates, and families asks for every measure with three architecture kinds', () => {
    for (const d of Object.values(DEMOS)) validateExperimentSpec(JSON.parse(readFileSync(path.join(root, 'packages/engine/examples', d.file), 'utf8')));
    const families = validateExperimentSpec(JSON.parse(readFileSync(path.join(root, 'packages/engine/examples/families.json'), 'utf8')));
    expect(families.architectures).toEqual(['lenet', 'rescnn', 'mlp']);
    for (const m of ['svcca', 'pwcca', 'procrustes', 'knn', 'consensus', 'stitch'] as const) expect(families.methods).toContain(m);
  });
});
