// DataLoaders, one set per request (their caches never outlive a request, so no team sees another's rows).
// Id loaders filter by the caller's team: an id of another team loads as null, exactly like an unknown id.
// Relation loaders (layers of a network, unit by layer + index, ...) are only called with parents that were
// themselves loaded through a team-filtered loader.
//
// The batch functions are hand-written SQL run through db/sql-read.ts (no Prisma interpreter; prepared statements
// on PostgreSQL): measured on this machine, a Prisma model query costs ~4-7 ms of client CPU and $queryRaw ~0.5 ms
// for a 50-row SELECT, against ~0.1 ms here, and these loaders run on every request of the dashboard's hot pages
// (unit, pair). Keys travel as one array parameter (= ANY($1), unnest), so each loader has one statement text
// whatever the batch size. Rows come back with the model's shapes (Json parsed, timestamps as Date), so they are
// typed as the Prisma models.
import DataLoader from 'dataloader';
import type { SqlRead } from '../db/sql-read.ts';
import type { ChanceBaseline, JobKind, JobStatus, LayerStatistic } from '../generated/prisma/client.ts';
import type { AlignmentMethod } from '../generated/prisma/enums.ts';
import type { AlignmentRow, ExperimentRow, JobRow, LayerRow, NetworkRow, TeamRow, UnitRow } from './models.ts';

/** What convergence figures read of an alignment. */
export interface AlignmentSummaryRow {
  networkAId: string;
  networkBId: string;
  layerName: string;
  summary: unknown;
}

export interface Loaders {
  team: DataLoader<string, TeamRow | null>;
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
  /** Recorded layer names of an experiment, in network order (by the smallest index a name has). */
  layerNamesOfExperiment: DataLoader<string, string[]>;
  /** Kind, status and progress of every job of an experiment. */
  jobProgressOfExperiment: DataLoader<string, Array<{ kind: JobKind; status: JobStatus; fraction: number }>>;
  /** Every stored chance baseline of an experiment, by layer, method and architecture. */
  chanceBaselinesOfExperiment: DataLoader<string, ChanceBaseline[]>;
  /** Every stored LayerStatistic row of an experiment (issue 11). */
  layerStatisticsOfExperiment: DataLoader<string, LayerStatistic[]>;
  /** Key `${experimentId}:${method}`: the experiment's completed alignments of that method (its own pairs: no on-demand cross-experiment rows). */
  alignmentSummaries: DataLoader<string, AlignmentSummaryRow[]>;
  /** Whether a network has stored weights. */
  hasWeights: DataLoader<string, boolean>;
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

/** A Network row read through to_jsonb (timestamps arrive as ISO strings). */
export function networkFromJson(n: Record<string, unknown>): NetworkRow {
  return { ...(n as unknown as NetworkRow), createdAt: new Date(n['createdAt'] as string), trainedAt: n['trainedAt'] ? new Date(n['trainedAt'] as string) : null };
}

export function createLoaders(read: SqlRead, teamId: string): Loaders {
  const loaders: Loaders = {
    team: new DataLoader(async (ids) => byId(ids, await read<TeamRow>(`SELECT id, name, "createdAt" FROM "Team" WHERE id = ANY($1::text[]) AND id = $2`, [ids, teamId]))),
    experiment: new DataLoader(async (ids) => byId(ids, await read<ExperimentRow>(`SELECT * FROM "Experiment" WHERE id = ANY($1::text[]) AND "teamId" = $2`, [ids, teamId]))),
    network: new DataLoader(async (ids) =>
      byId(
        ids,
        await read<NetworkRow>(`SELECT n.* FROM "Network" n JOIN "Experiment" e ON e.id = n."experimentId" WHERE n.id = ANY($1::text[]) AND e."teamId" = $2`, [ids, teamId]),
      ),
    ),
    layer: new DataLoader(async (ids) =>
      byId(
        ids,
        await read<LayerRow>(
          `SELECT l.* FROM "Layer" l JOIN "Network" n ON n.id = l."networkId" JOIN "Experiment" e ON e.id = n."experimentId"
          WHERE l.id = ANY($1::text[]) AND e."teamId" = $2`,
          [ids, teamId],
        ),
      ),
    ),
    // A unit's page always needs its layer and network next: one query loads all three and primes their loaders.
    unit: new DataLoader(async (ids) => {
      const rows = await read<UnitRow & { _layer: LayerRow; _network: Record<string, unknown> }>(
        `SELECT u.*, to_jsonb(l.*) AS "_layer", to_jsonb(n.*) AS "_network" FROM "Unit" u JOIN "Layer" l ON l.id = u."layerId"
        JOIN "Network" n ON n.id = l."networkId" JOIN "Experiment" e ON e.id = n."experimentId"
        WHERE u.id = ANY($1::int[]) AND e."teamId" = $2`,
        [ids, teamId],
      );
      const units = rows.map(({ _layer, _network, ...unit }) => {
        loaders.layer.prime(_layer.id, _layer);
        loaders.network.prime(_network['id'] as string, networkFromJson(_network));
        return unit as UnitRow;
      });
      return byId(ids, units);
    }),
    alignment: new DataLoader(async (ids) =>
      byId(ids, await read<AlignmentRow>(`SELECT a.* FROM "Alignment" a JOIN "Experiment" e ON e.id = a."experimentId" WHERE a.id = ANY($1::text[]) AND e."teamId" = $2`, [ids, teamId])),
    ),
    job: new DataLoader(async (ids) => byId(ids, await read<JobRow>(`SELECT * FROM "Job" WHERE id = ANY($1::text[]) AND "teamId" = $2`, [ids, teamId]))),
    layersOfNetwork: new DataLoader(async (ids) =>
      groupBy(ids, await read<LayerRow>(`SELECT * FROM "Layer" WHERE "networkId" = ANY($1::text[]) ORDER BY index, name`, [ids]), (l) => l.networkId),
    ),
    networksOfExperiment: new DataLoader(async (ids) =>
      groupBy(ids, await read<NetworkRow>(`SELECT * FROM "Network" WHERE "experimentId" = ANY($1::text[]) ORDER BY arch, untrained, seed, name`, [ids]), (n) => n.experimentId),
    ),
    unitAt: new DataLoader(async (keys) => {
      const split = keys.map(splitKey);
      const rows = await read<UnitRow>(
        `SELECT u.* FROM unnest($1::text[], $2::int[]) AS k("layerId", index) JOIN "Unit" u ON u."layerId" = k."layerId" AND u.index = k.index`,
        [split.map((k) => k[0]), split.map((k) => Number(k[1]))],
      );
      const map = new Map(rows.map((u) => [`${u.layerId}:${u.index}`, u]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    layerByName: new DataLoader(async (keys) => {
      const split = keys.map(splitKey);
      const rows = await read<LayerRow>(
        `SELECT l.* FROM unnest($1::text[], $2::text[]) AS k("networkId", name) JOIN "Layer" l ON l."networkId" = k."networkId" AND l.name = k.name`,
        [split.map((k) => k[0]), split.map((k) => k[1])],
      );
      const map = new Map(rows.map((l) => [`${l.networkId}:${l.name}`, l]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    layerNamesOfExperiment: new DataLoader(async (ids) => {
      const rows = await read<{ experimentId: string; name: string; index: number }>(
        `SELECT n."experimentId", l.name, min(l.index) AS index FROM "Layer" l JOIN "Network" n ON n.id = l."networkId"
        WHERE n."experimentId" = ANY($1::text[]) GROUP BY n."experimentId", l.name`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.experimentId).map((list) => list.sort((a, b) => a.index - b.index || a.name.localeCompare(b.name)).map((r) => r.name));
    }),
    jobProgressOfExperiment: new DataLoader(async (ids) =>
      groupBy(ids, await read<{ experimentId: string; kind: JobKind; status: JobStatus; fraction: number }>(`SELECT "experimentId", kind, status, fraction FROM "Job" WHERE "experimentId" = ANY($1::text[])`, [ids]), (j) => j.experimentId),
    ),
    chanceBaselinesOfExperiment: new DataLoader(async (ids) =>
      groupBy(ids, await read<ChanceBaseline>(`SELECT * FROM "ChanceBaseline" WHERE "experimentId" = ANY($1::text[]) ORDER BY "layerName", method, architecture`, [ids]), (r) => r.experimentId),
    ),
    layerStatisticsOfExperiment: new DataLoader(async (ids) =>
      groupBy(ids, await read<LayerStatistic>(`SELECT * FROM "LayerStatistic" WHERE "experimentId" = ANY($1::text[]) ORDER BY "layerName", figure, scope`, [ids]), (r) => r.experimentId),
    ),
    alignmentSummaries: new DataLoader(async (keys) => {
      const split = keys.map(splitKey);
      const rows = await read<AlignmentSummaryRow & { experimentId: string; method: AlignmentMethod }>(
        `SELECT a."experimentId", a.method, a."networkAId", a."networkBId", a."layerName", a.summary
        FROM unnest($1::text[], $2::text[]) AS k("experimentId", method)
        JOIN "Alignment" a ON a."experimentId" = k."experimentId" AND a.method::text = k.method WHERE a.status = 'COMPLETED' AND a."crossExperimentId" IS NULL`,
        [split.map((k) => k[0]), split.map((k) => k[1])],
      );
      return groupBy(keys, rows, (r) => `${r.experimentId}:${r.method}`);
    }),
    hasWeights: new DataLoader(async (ids) => {
      const rows = await read<{ networkId: string }>(`SELECT DISTINCT "networkId" FROM "Artifact" WHERE "networkId" = ANY($1::text[]) AND kind = 'WEIGHTS'`, [ids]);
      const has = new Set(rows.map((r) => r.networkId));
      return ids.map((id) => has.has(id));
    }),
  };
  return loaders;
}
