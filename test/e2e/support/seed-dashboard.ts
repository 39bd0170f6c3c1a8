/**
 * Seed data for the dashboard tests through Prisma with the API's planted-structure seeder
 * (apps/api/test/seed.ts): every stored pair's max matching is a known shift permutation with matched
 * correlations around 0.4–0.6, and all other entries are small (|r| ≤ 0.1), so the reordered heatmap must
 * show a red diagonal on a pale background.
 */
import type { PrismaClient } from '../../../apps/api/src/generated/prisma/client.ts';
import { seedExperiment, seedTeam, type Seeded } from '../../../apps/api/test/seed.ts';

export interface DashboardSeed {
  token: string;
  otherTeamToken: string;
  seeded: Seeded;
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
      { name: 'conv1', kind: 'conv', units: { small: 32, wide: 64 } },
      // 1,024 units: the wide pair's heatmap is 1,024 × 1,024.
      { name: 'fc1', kind: 'dense', units: { small: 96, wide: 1024 } },
    ],
    methods: ['HUNGARIAN', 'SEMI', 'SPARSE', 'SPECTRAL', 'MI'],
    probeImages: 12,
    storedChance: true,
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
  return { token, otherTeamToken: other.token, seeded, otherTeamExperimentId: otherExp.experimentId };
}
