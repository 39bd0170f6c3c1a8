// DataLoaders, one set per request (their caches never outlive a request, so no team sees another's rows).
// Id loaders filter by the caller's team: an id of another team loads as null, exactly like an unknown id.
// Relation loaders (layers of a network, unit by layer + index, ...) are only called with parents that were
// themselves loaded through a team-filtered loader.
//
// The batch functions are hand-written SQL through prisma.$queryRaw: measured on this machine, a Prisma model
// query costs ~4-7 ms of client CPU against ~1-2 ms for the same SELECT as $queryRaw, and these loaders run on
// every request of the dashboard's hot pages (unit, pair). Rows come back with the model's shapes (Json parsed,
// timestamps as Date), so they are typed as the Prisma models.
import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
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

/** Split `${id}:${rest}` at the first colon (ids are cuids or integers, never containing ':'). */
function splitKey(key: string): [string, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}

const list = (values: readonly (string | number)[]) => Prisma.join(values as (string | number)[]);

/** A Network row read through to_jsonb (timestamps arrive as ISO strings). */
function networkFromJson(n: Record<string, unknown>): NetworkRow {
  return { ...(n as unknown as NetworkRow), createdAt: new Date(n['createdAt'] as string), trainedAt: n['trainedAt'] ? new Date(n['trainedAt'] as string) : null };
}

export function createLoaders(prisma: PrismaClient, teamId: string): Loaders {
  const q = <T>(sql: Prisma.Sql) => prisma.$queryRaw<T[]>(sql);
  const loaders: Loaders = {
    experiment: new DataLoader(async (ids) => byId(ids, await q<ExperimentRow>(Prisma.sql`SELECT * FROM "Experiment" WHERE id IN (${list(ids)}) AND "teamId" = ${teamId}`))),
    network: new DataLoader(async (ids) =>
      byId(
        ids,
        await q<NetworkRow>(Prisma.sql`SELECT n.* FROM "Network" n JOIN "Experiment" e ON e.id = n."experimentId" WHERE n.id IN (${list(ids)}) AND e."teamId" = ${teamId}`),
      ),
    ),
    layer: new DataLoader(async (ids) =>
      byId(
        ids,
        await q<LayerRow>(Prisma.sql`SELECT l.* FROM "Layer" l JOIN "Network" n ON n.id = l."networkId" JOIN "Experiment" e ON e.id = n."experimentId"
          WHERE l.id IN (${list(ids)}) AND e."teamId" = ${teamId}`),
      ),
    ),
    // A unit's page always needs its layer and network next: one query loads all three and primes their loaders.
    unit: new DataLoader(async (ids) => {
      const rows = await q<UnitRow & { _layer: LayerRow; _network: Record<string, unknown> }>(Prisma.sql`
        SELECT u.*, to_jsonb(l.*) AS "_layer", to_jsonb(n.*) AS "_network" FROM "Unit" u JOIN "Layer" l ON l.id = u."layerId"
        JOIN "Network" n ON n.id = l."networkId" JOIN "Experiment" e ON e.id = n."experimentId"
        WHERE u.id IN (${list(ids)}) AND e."teamId" = ${teamId}`);
      const units = rows.map(({ _layer, _network, ...unit }) => {
        loaders.layer.prime(_layer.id, _layer);
        loaders.network.prime(_network['id'] as string, networkFromJson(_network));
        return unit as UnitRow;
      });
      return byId(ids, units);
    }),
    alignment: new DataLoader(async (ids) =>
      byId(ids, await q<AlignmentRow>(Prisma.sql`SELECT a.* FROM "Alignment" a JOIN "Experiment" e ON e.id = a."experimentId" WHERE a.id IN (${list(ids)}) AND e."teamId" = ${teamId}`)),
    ),
    job: new DataLoader(async (ids) => byId(ids, await q<JobRow>(Prisma.sql`SELECT * FROM "Job" WHERE id IN (${list(ids)}) AND "teamId" = ${teamId}`))),
    layersOfNetwork: new DataLoader(async (ids) =>
      groupBy(ids, await q<LayerRow>(Prisma.sql`SELECT * FROM "Layer" WHERE "networkId" IN (${list(ids)}) ORDER BY index, name`), (l) => l.networkId),
    ),
    networksOfExperiment: new DataLoader(async (ids) =>
      groupBy(
        ids,
        await q<NetworkRow>(Prisma.sql`SELECT * FROM "Network" WHERE "experimentId" IN (${list(ids)}) ORDER BY arch, untrained, seed, name`),
        (n) => n.experimentId,
      ),
    ),
    unitAt: new DataLoader(async (keys) => {
      const tuples = keys.map((k) => {
        const [layerId, index] = splitKey(k);
        return Prisma.sql`(${layerId}, ${Number(index)})`;
      });
      const rows = await q<UnitRow>(Prisma.sql`SELECT * FROM "Unit" WHERE ("layerId", "index") IN (${Prisma.join(tuples)})`);
      const map = new Map(rows.map((u) => [`${u.layerId}:${u.index}`, u]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    layerByName: new DataLoader(async (keys) => {
      const tuples = keys.map((k) => {
        const [networkId, name] = splitKey(k);
        return Prisma.sql`(${networkId}, ${name})`;
      });
      const rows = await q<LayerRow>(Prisma.sql`SELECT * FROM "Layer" WHERE ("networkId", name) IN (${Prisma.join(tuples)})`);
      const map = new Map(rows.map((l) => [`${l.networkId}:${l.name}`, l]));
      return keys.map((k) => map.get(k) ?? null);
    }),
  };
  return loaders;
}
