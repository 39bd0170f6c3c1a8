// Network.stepMetrics end to end: the engine's per-step series in a result directory, stored by the importer and
// served by GraphQL as typed points; a result directory from before per-step metrics imports with an empty series.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepMetricsOf } from '../src/graphql/resolvers/network.ts';
import { tinyArch, tinySpec } from '../src/import/test-fixtures/tiny-experiment.ts';
import { ok } from './helpers.ts';
import { importedResultsApi } from './imported-results.ts';

// 120 training images, batch 16: 8 steps an epoch, 3 epochs = 24 steps ≤ 200, so one point per step.
const spec = tinySpec({ name: 'steps', architectures: [tinyArch('tiny-a', 4)], seeds: [1, 2], methods: ['semi'], training: { epochs: 3, batchSize: 16, optimizer: 'adam', learningRate: 0.01 } });

/** The same directory as written before per-step metrics existed: no `stepMetrics` on any network. */
async function withoutStepMetrics(tmp: string): Promise<void> {
  await fs.cp(path.join(tmp, 'now'), path.join(tmp, 'old'), { recursive: true });
  const old = JSON.parse(await fs.readFile(path.join(tmp, 'old', 'manifest.json'), 'utf8')) as { networks: Array<Record<string, unknown>> };
  for (const n of old.networks) delete n.stepMetrics;
  await fs.writeFile(path.join(tmp, 'old', 'manifest.json'), JSON.stringify(old));
}

const Q = `query($id: ID!) { experiment(id: $id) { networks(includeUntrained: true) { edges { node { name untrained stepMetrics { step epoch samples loss accuracy } } } } } }`;

describe('Network.stepMetrics through the importer and GraphQL (PGlite)', () => {
  const fx = importedResultsApi({ label: 'steps', specs: { now: spec }, prepare: withoutStepMetrics, imports: [{ dir: 'now' }, { dir: 'old', name: 'old' }] });

  it('serves the series the engine wrote, point for point; untrained twins have none', async () => {
    const nets = (await ok(fx.api.url, fx.token, Q, { id: fx.ids.now! })).experiment.networks.edges.map((e: any) => e.node);
    const manifest = fx.manifests.now!;
    expect(nets).toHaveLength(manifest.networks.length);
    for (const n of manifest.networks) {
      const served = nets.find((x: any) => x.name === n.id);
      expect(served, n.id).toBeDefined();
      if (n.role === 'untrained') {
        expect(served.stepMetrics).toEqual([]);
        continue;
      }
      expect(n.stepMetrics).toHaveLength(24);
      expect(served.stepMetrics).toEqual(n.stepMetrics);
      expect(served.stepMetrics.map((p: any) => p.step)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      expect(served.stepMetrics.at(-1)).toMatchObject({ step: 24, epoch: 3, samples: 3 * 120 });
    }
    // Two seeds: two different series
    const trained = nets.filter((x: any) => !x.untrained);
    expect(trained[0].stepMetrics).not.toEqual(trained[1].stepMetrics);
  });

  it('reads a result directory from before per-step metrics as an empty series', async () => {
    const nets = (await ok(fx.api.url, fx.token, Q, { id: fx.ids.old! })).experiment.networks.edges.map((e: any) => e.node);
    expect(nets.length).toBeGreaterThan(0);
    for (const n of nets) expect(n.stepMetrics).toEqual([]);
  });

  it('leaves out stored entries that are not points, in step order', () => {
    expect(stepMetricsOf(null)).toEqual([]);
    expect(stepMetricsOf({ step: 1 })).toEqual([]);
    expect(
      stepMetricsOf([
        { step: 4, epoch: 1, samples: 8, loss: 0.5, accuracy: 1 },
        { step: 2, epoch: 1, samples: 4, loss: 0.7, accuracy: 0.5 },
        { step: 3, epoch: 1, samples: 6, loss: 'x', accuracy: 0.5 },
        { step: 1.5, epoch: 1, samples: 3, loss: 0.7, accuracy: 0.5 },
        'junk',
      ]),
    ).toEqual([
      { step: 2, epoch: 1, samples: 4, loss: 0.7, accuracy: 0.5 },
      { step: 4, epoch: 1, samples: 8, loss: 0.5, accuracy: 1 },
    ]);
  });
});
