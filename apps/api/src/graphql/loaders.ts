// DataLoaders, one set per request (their caches never outlive a request, so no team sees another's rows).
// Id loaders filter by the caller's team: an id of another team loads as null, exactly like an unknown id.
// Relation loaders (layers of a network, unit by layer + index, ...) are only called with parents that were
// themselves loaded through a team-filtered loader.
import DataLoader from 'dataloader';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { AlignmentRow, ExperimentRow, JobRow, LayerRow, NetworkRow, UnitRow } from './models.ts';

export interface Loaders {
  experiment: DataLoader<string, ExperimentRow | null>;
  network: DataLoader<string, NetworkRow | null>;
  layer: DataLoader<string, LayerRow | null>;
  unit: DataLoader<number, UnitRow | null>;
  alignment: DataLoader<string, AlignmentRow | null>;
  job: DataLoader<string, JobRow | null>;
  layersOfNetwork: DataLoader<string, LayerRow[]>;
  networksOfExperiment: DataLoader<string, NetworkRow[]>;
  /** Key `${layerId}:${index}`. */
  unitAt: DataLoader<string, UnitRow | null>;
  /** Key `${networkId}:${layerName}`. */
  layerByName: DataLoader<string, LayerRow | null>;
}

function byId<T extends { id: K }, K>(keys: readonly K[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupBy<T, K>(keys: readonly K[], rows: T[], keyOf: (r: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

export function createLoaders(prisma: PrismaClient, teamId: string): Loaders {
  return {
    experiment: new DataLoader(async (ids) => byId(ids, await prisma.experiment.findMany({ where: { id: { in: [...ids] }, teamId } }))),
    network: new DataLoader(async (ids) =>
      byId(ids, await prisma.network.findMany({ where: { id: { in: [...ids] }, experiment: { teamId } } })),
    ),
    layer: new DataLoader(async (ids) =>
      byId(ids, await prisma.layer.findMany({ where: { id: { in: [...ids] }, network: { experiment: { teamId } } } })),
    ),
    unit: new DataLoader(async (ids) =>
      byId(ids, await prisma.unit.findMany({ where: { id: { in: [...ids] }, layer: { network: { experiment: { teamId } } } } })),
    ),
    alignment: new DataLoader(async (ids) =>
      byId(ids, await prisma.alignment.findMany({ where: { id: { in: [...ids] }, experiment: { teamId } } })),
    ),
    job: new DataLoader(async (ids) => byId(ids, await prisma.job.findMany({ where: { id: { in: [...ids] }, teamId } }))),
    layersOfNetwork: new DataLoader(async (ids) =>
      groupBy(ids, await prisma.layer.findMany({ where: { networkId: { in: [...ids] } }, orderBy: { index: 'asc' } }), (l) => l.networkId),
    ),
    networksOfExperiment: new DataLoader(async (ids) =>
      groupBy(
        ids,
        await prisma.network.findMany({
          where: { experimentId: { in: [...ids] } },
          orderBy: [{ arch: 'asc' }, { untrained: 'asc' }, { seed: 'asc' }, { name: 'asc' }],
        }),
        (n) => n.experimentId,
      ),
    ),
    unitAt: new DataLoader(async (keys) => {
      const byLayer = new Map<string, number[]>();
      for (const k of keys) {
        const [layerId, index] = splitKey(k);
        const list = byLayer.get(layerId);
        if (list) list.push(Number(index));
        else byLayer.set(layerId, [Number(index)]);
      }
      const rows = await prisma.unit.findMany({
        where: { OR: [...byLayer].map(([layerId, indices]) => ({ layerId, index: { in: indices } })) },
      });
      const map = new Map(rows.map((u) => [`${u.layerId}:${u.index}`, u]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    layerByName: new DataLoader(async (keys) => {
      const pairs = keys.map(splitKey);
      const rows = await prisma.layer.findMany({
        where: { OR: pairs.map(([networkId, name]) => ({ networkId, name })) },
      });
      const map = new Map(rows.map((l) => [`${l.networkId}:${l.name}`, l]));
      return keys.map((k) => map.get(k) ?? null);
    }),
  };
}

/** Split `${id}:${rest}` at the first colon (ids are cuids or integers, never containing ':'). */
function splitKey(key: string): [string, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}
