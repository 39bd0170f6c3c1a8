// Experiment.findings over HTTP on real imported results: the API builds the engine's findings input from the
// stored rows and must give the same findings as `convergent report` gives on the result directory itself.
import path from 'node:path';
import { computeFindings } from '@convergent/engine/findings';
import { findingsInputFromResultDirectory } from '@convergent/engine/findings';
import { describe, expect, it } from 'vitest';
import { tinyArch, tinySpec } from '../src/import/test-fixtures/tiny-experiment.ts';
import { ok } from './helpers.ts';
import { importedResultsApi } from './imported-results.ts';

const spec = (seeds: number[]) =>
  tinySpec({ name: `findings-${seeds.length}`, architectures: [tinyArch('tiny-a', 4, 40)], seeds, methods: ['semi', 'max', 'cka', 'sparse'], penalties: [0.02, 0.1, 0.3], chance: true });

const Q = `query($id: ID!) { experiment(id: $id) { findings { version layers trainedNetworks untrainedNetworks reliableR findings {
  id title claim statisticName statistic statisticLayer interval { low high level } intervalReason pValue test chanceName chance verdict reason rule
  rows { layer figure value interval { low high level } intervalReason chance pValue n verdict reason } } } } }`;
const VERDICT = { supported: 'SUPPORTED', 'not supported': 'NOT_SUPPORTED', inconclusive: 'INCONCLUSIVE' } as const;

describe('Experiment.findings over GraphQL (PGlite)', () => {
  const fx = importedResultsApi({ label: 'findings', specs: { three: spec([1, 2, 3]), two: spec([1, 2]) } });

  it('equals the findings of the result directory (same engine function, input from the rows)', async () => {
    const served = (await ok(fx.api.url, fx.token, Q, { id: fx.ids.three! })).experiment.findings;
    const engine = computeFindings(await findingsInputFromResultDirectory(path.join(fx.tmp, 'three')));
    expect(served.layers).toEqual(engine.layers);
    expect(served.trainedNetworks).toBe(3);
    expect(served.untrainedNetworks).toBe(3);
    expect(served.findings.map((f: any) => f.id)).toEqual(['reliable-features', 'subspaces', 'local-distributed', 'semi-vs-max', 'depth-trend', 'trained-vs-chance']);
    served.findings.forEach((f: any, i: number) => {
      const e = engine.findings[i]!;
      expect(f.verdict, f.id).toBe(VERDICT[e.verdict]);
      expect(f.reason, f.id).toBe(e.reason);
      expect(f.reason.length).toBeGreaterThan(0);
      if (e.statistic.value === null) expect(f.statistic).toBeNull();
      else expect(f.statistic).toBeCloseTo(e.statistic.value, 9);
      expect(f.interval === null).toBe(e.interval === null);
      if (e.interval) expect(f.interval.low).toBeCloseTo(e.interval.low, 9);
      expect(f.pValue).toBe(e.pValue);
      expect(f.rows).toHaveLength(e.rows.length);
      f.rows.forEach((r: any, k: number) => expect(r.verdict).toBe(VERDICT[e.rows[k]!.verdict]));
    });
    // 3 networks: the pair findings have intervals at both layers
    const sub = served.findings.find((f: any) => f.id === 'subspaces');
    expect(sub.rows.map((r: any) => r.layer)).toEqual(['conv1', 'fc1']);
    for (const r of sub.rows) expect(r.interval).not.toBeNull();
    expect(served.findings.find((f: any) => f.id === 'semi-vs-max').verdict).toBe('SUPPORTED');
  });

  it('2 networks: every finding INCONCLUSIVE with the reason, no interval', async () => {
    const served = (await ok(fx.api.url, fx.token, Q, { id: fx.ids.two! })).experiment.findings;
    for (const f of served.findings) {
      expect(f.verdict, f.id).toBe('INCONCLUSIVE');
      expect(f.interval).toBeNull();
      expect(f.reason).toMatch(/needs at least 3 networks|no layer has the data/);
    }
  });
});
