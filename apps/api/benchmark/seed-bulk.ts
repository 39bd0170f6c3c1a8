// Bulk seeding for bench:api: networks and layers through Prisma, then units and unit matches generated inside
// PostgreSQL (INSERT ... SELECT generate_series), so 256k units and 500k matches take seconds, not minutes.
// Same planted structure as test/seed.ts (matching i -> (i + shift) mod units, scores around a pair value).
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../src/generated/prisma/client.ts';

export interface BulkSeed {
  experimentId: string;
  networkIds: string[];
  layerNames: string[];
  pairs: { a: string; b: string; layer: string }[];
}

export async function seedBulk(prisma: PrismaClient, teamId: string, o: { networks: number; layers: string[]; units: number; neighbors: number }): Promise<BulkSeed> {
  const exp = await prisma.experiment.create({
    data: {
      teamId,
      name: 'bench',
      dataset: 'synthetic',
      probe: { count: 64 },
      probeCount: 64,
      spec: { name: 'bench' },
      specHash: createHash('sha256').update(String(Math.random())).digest('hex'),
      source: 'RESULT',
      status: 'COMPLETED',
    },
  });
  const networkIds: string[] = [];
  for (let k = 0; k < o.networks; k++) {
    const n = await prisma.network.create({
      data: {
        experimentId: exp.id,
        name: `net-s${k}`,
        arch: k % 10 === 9 ? 'wide' : 'net',
        archSpec: {},
        seed: k,
        status: 'COMPLETED',
        accuracy: 0.85,
        layers: { create: o.layers.map((name, index) => ({ name, index, kind: name.startsWith('conv') ? 'conv' : 'dense', unitCount: o.units, shape: [o.units] })) },
      },
    });
    networkIds.push(n.id);
  }
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Unit" ("layerId", "index", "mean", "std", "dead", "topImages")
     SELECT l.id, g.i, g.i / 100.0, 1 + g.i / 1000.0, false,
            jsonb_build_array(
              jsonb_build_object('imageIndex', g.i % 64, 'y', 0, 'x', 0, 'value', 3.0),
              jsonb_build_object('imageIndex', (g.i + 1) % 64, 'y', 1, 'x', 1, 'value', 2.0),
              jsonb_build_object('imageIndex', (g.i + 2) % 64, 'y', 2, 'x', 0, 'value', 1.0))
     FROM "Layer" l JOIN "Network" n ON n.id = l."networkId" CROSS JOIN generate_series(0, $1 - 1) AS g(i)
     WHERE n."experimentId" = $2`,
    o.units,
    exp.id,
  );
  const layers = await prisma.layer.findMany({ where: { network: { experimentId: exp.id } }, select: { id: true, networkId: true, name: true } });
  const layerOf = new Map(layers.map((l) => [`${l.networkId}:${l.name}`, l.id]));
  const pairs: BulkSeed['pairs'] = [];
  const rows = [];
  for (let x = 0; x < networkIds.length; x++) {
    for (let y = x + 1; y <= Math.min(networkIds.length - 1, x + o.neighbors); y++) {
      for (const layer of o.layers) {
        const a = networkIds[x]!;
        const b = networkIds[y]!;
        const value = 0.4 + 0.01 * ((x + y) % 7);
        pairs.push({ a, b, layer });
        rows.push({
          experimentId: exp.id,
          networkAId: a,
          networkBId: b,
          layerName: layer,
          layerAId: layerOf.get(`${a}:${layer}`)!,
          layerBId: layerOf.get(`${b}:${layer}`)!,
          method: 'HUNGARIAN' as const,
          parameters: { shift: (x * 3 + y) % 5 },
          summary: { meanCorr: value, unitsA: o.units, unitsB: o.units, samples: 1000 },
          status: 'COMPLETED' as const,
          completedAt: new Date(),
        });
      }
    }
  }
  await prisma.alignment.createMany({ data: rows });
  await prisma.$executeRawUnsafe(
    `INSERT INTO "UnitMatch" ("alignmentId", "direction", "unitA", "unitB", "score", "correlation", "oneToOne")
     SELECT a.id, 'A_TO_B'::"MatchDirection", g.i, (g.i + (a.parameters->>'shift')::int) % $1,
            (a.summary->>'meanCorr')::float8 + 0.0001 * (g.i - ($1 - 1) / 2.0),
            (a.summary->>'meanCorr')::float8 + 0.0001 * (g.i - ($1 - 1) / 2.0), true
     FROM "Alignment" a CROSS JOIN generate_series(0, $1 - 1) AS g(i)
     WHERE a."experimentId" = $2`,
    o.units,
    exp.id,
  );
  await prisma.$executeRawUnsafe('ANALYZE');
  return { experimentId: exp.id, networkIds, layerNames: o.layers, pairs };
}
