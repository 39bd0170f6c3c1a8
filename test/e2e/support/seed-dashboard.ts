/**
 * Seed data for the dashboard tests through Prisma with the API's planted-structure seeder
 * (apps/api/test/seed.ts): every stored pair's max matching is a known shift permutation with matched
 * correlations around 0.4–0.6, and all other entries are small (|r| ≤ 0.1), so the reordered heatmap must
 * show a red diagonal on a pale background.
 */
import path from 'node:path';
import { runExperiment } from '@convergent/engine/steps';
import type { PrismaClient } from '../../../apps/api/src/generated/prisma/client.ts';
import { importResult } from '../../../apps/api/src/import/import-result.ts';
import { tinyData, tinySpec } from '../../../apps/api/src/import/test-fixtures/tiny-experiment.ts';
import { seedExperiment, seedTeam, type Seeded } from '../../../apps/api/test/seed.ts';

export interface DashboardSeed {
  teamId: string;
  token: string;
  otherTeamToken: string;
  seeded: Seeded;
  /** Two networks with a 1,024-unit layer (max and semi matching only, to keep seeding short). */
  big: Seeded;
  otherTeamExperimentId: string;
}

export async function seedDashboard(prisma: PrismaClient): Promise<DashboardSeed> {
  const { teamId, token } = await seedTeam(prisma, 'e2e team');
  const seeded = await seedExperiment(prisma, teamId, {
    name: 'e2e seeds and widths',
    networks: [
      { arch: 'small', seed: 1 },
      { arch: 'small', seed: 2 },
      { arch: 'small', seed: 3 },
      { arch: 'wide', seed: 1 },
      { arch: 'wide', seed: 2 },
      { arch: 'small', seed: 0, untrained: true },
    ],
    layers: [
      { name: 'conv1', kind: 'conv', units: { small: 24, wide: 32 } },
      { name: 'fc1', kind: 'dense', units: { small: 40, wide: 64 } },
    ],
    methods: ['HUNGARIAN', 'SEMI', 'SPARSE', 'SPECTRAL', 'MI'],
    probeImages: 12,
    storedChance: true,
  });
  const big = await seedExperiment(prisma, teamId, {
    name: 'e2e 1024 units',
    networks: [
      { arch: 'wide', seed: 1 },
      { arch: 'wide', seed: 2 },
    ],
    layers: [{ name: 'fc1', kind: 'dense', units: { wide: 1024 } }],
    methods: ['HUNGARIAN', 'SEMI'],
  });
  const other = await seedTeam(prisma, 'e2e other team');
  const otherExp = await seedExperiment(prisma, other.teamId, {
    name: 'another team’s experiment',
    networks: [
      { arch: 'small', seed: 1 },
      { arch: 'small', seed: 2 },
    ],
    layers: [{ name: 'conv1', kind: 'conv', units: { small: 8 } }],
    methods: ['HUNGARIAN'],
  });
  return { teamId, token, otherTeamToken: other.token, seeded, big, otherTeamExperimentId: otherExp.experimentId };
}

const arch = (name: string, filters: number, units: number) => ({
  name,
  inputShape: [8, 8, 1],
  layers: [
    { type: 'conv', name: 'conv1', filters, kernel: 3, padding: 'same', activation: 'relu', record: true },
    { type: 'maxpool', name: 'pool1', size: 2 },
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'fc1', units, activation: 'relu', record: true },
    { type: 'dense', name: 'out', units: 3 },
  ],
});

/**
 * A real result: the engine trains a tiny family (8x8 synthetic images, two widths x two seeds, one epoch) with
 * `runExperiment`, and the API's importer stores the result directory, as `importResult` does for users.
 */
export async function importTinyResult(prisma: PrismaClient, teamId: string, tmp: string): Promise<string> {
  const dir = path.join(tmp, 'tiny-result');
  const spec = tinySpec({ name: 'imported tiny result', architectures: [arch('narrow', 12, 16), arch('broad', 16, 24)] });
  await runExperiment(spec, { out: dir, data: tinyData(), concurrency: 1 });
  const out = await importResult(prisma, { teamId, dir });
  return out.experimentId;
}

/**
 * A real result with everything the overview's trust figures need: three seeds per architecture (so intervals
 * exist), untrained twins (matched chance), the shuffled null, held-out FVU and spectral cluster mixing.
 */
export async function importTrustResult(prisma: PrismaClient, teamId: string, tmp: string): Promise<string> {
  const dir = path.join(tmp, 'trust-result');
  const spec = tinySpec({
    name: 'imported trust result',
    architectures: [arch('narrow', 12, 16), arch('broad', 16, 24)],
    seeds: [1, 2, 3],
    chance: true,
    methods: ['semi', 'max', 'mi', 'cka', 'sparse', 'spectral'],
  });
  await runExperiment(spec, { out: dir, data: tinyData(), concurrency: 1 });
  const out = await importResult(prisma, { teamId, dir });
  return out.experimentId;
}

/**
 * A real result with the family-level checks of issue 16: one architecture, three seeds (consensus across three
 * networks is not trivial, unlike two, where every matched live unit agrees), untrained twins (the consensus's
 * matched chance and the stitching's untrained-twin maps), three epochs; methods max, consensus and stitch. On the
 * tiny data the trained family agrees on several fc1 units, and fc1 has dead units in the reference network, so the
 * consensus view has units to show and dead units it must not show.
 */
export async function importConsensusResult(prisma: PrismaClient, teamId: string, tmp: string): Promise<string> {
  const dir = path.join(tmp, 'consensus-result');
  const spec = tinySpec({
    name: 'imported consensus result',
    architectures: [arch('narrow', 12, 16)],
    seeds: [1, 2, 3],
    training: { epochs: 3, batchSize: 16, optimizer: 'adam', learningRate: 0.01 },
    chance: true,
    methods: ['max', 'consensus', 'stitch'],
  });
  await runExperiment(spec, { out: dir, data: tinyData(), concurrency: 1 });
  const out = await importResult(prisma, { teamId, dir });
  return out.experimentId;
}
