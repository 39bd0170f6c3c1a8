/**
 * What hangs off one Alignment row, written the same way for every caller (a stored pair, imported activations):
 * unit matches from match arrays, and spectral clusters with their members.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import { bulkInsert, type Column } from './bulk-insert.ts';
import type { Tx } from './db.ts';

const MATCH_COLUMNS: Column[] = [
  { name: 'alignmentId', type: 'text' },
  { name: 'direction', type: { enum: 'MatchDirection' } },
  { name: 'unitA', type: 'int4' },
  { name: 'unitB', type: 'int4' },
  { name: 'score', type: 'float8' },
  { name: 'correlation', type: 'float8' },
  { name: 'mutualInformation', type: 'float8' },
  { name: 'oneToOne', type: 'bool' },
];

/** UnitMatch rows as arrays in MATCH_COLUMNS order. */
export function insertMatches(tx: Tx, rows: Prisma.UnitMatchCreateManyInput[]): Promise<unknown> {
  return bulkInsert(
    tx,
    'UnitMatch',
    MATCH_COLUMNS,
    rows.map((r) => [
      r.alignmentId,
      r.direction ?? 'A_TO_B',
      r.unitA,
      r.unitB ?? null,
      r.score,
      r.correlation ?? null,
      r.mutualInformation ?? null,
      r.oneToOne ?? false,
    ]),
  );
}

/** The stored figures of one match. */
export interface MatchFigures {
  score: number;
  correlation?: number | null;
  mutualInformation?: number | null;
  oneToOne?: boolean;
}

/**
 * One direction of a matching: `match[from]` is the unit of the other side that unit `from` matched, −1 for none (a
 * dead unit, or a match to a dead unit). `figures(from, to)` gives a match's figures.
 */
export interface MatchSide {
  direction: 'A_TO_B' | 'B_TO_A';
  match: ArrayLike<number>;
  figures: (from: number, to: number) => MatchFigures;
}

/**
 * The UnitMatch rows of one alignment, one side after the other. A unit of A with no match (−1) is stored
 * unmatched (unitB null, score 0); a unit of B with none has no B_TO_A row.
 */
export function writeMatches(tx: Tx, alignmentId: string, sides: MatchSide[]): Promise<unknown> {
  const rows: Prisma.UnitMatchCreateManyInput[] = [];
  for (const { direction, match, figures } of sides) {
    for (let from = 0; from < match.length; from++) {
      const to = Number(match[from]);
      if (to >= 0) {
        const [unitA, unitB] = direction === 'A_TO_B' ? [from, to] : [to, from];
        rows.push({ alignmentId, direction, unitA, unitB, ...figures(from, to) });
      } else if (direction === 'A_TO_B') {
        rows.push({ alignmentId, direction, unitA: from, unitB: null, score: 0, correlation: null, oneToOne: false });
      }
    }
  }
  return insertMatches(tx, rows);
}

/** A spectral clustering's clusters (unit counts per side, in index order) and each unit's cluster label. */
export interface ClusterValues {
  counts: Array<{ a: number; b: number }>;
  /** Cluster index of every unit: A's `unitsA` units, then B's. */
  labels: ArrayLike<number>;
  unitsA: number;
}

/** Cluster and ClusterMember rows of one SPECTRAL alignment. */
export async function writeClusters(tx: Tx, alignmentId: string, c: ClusterValues): Promise<void> {
  const clusters = await tx.cluster.createManyAndReturn({
    data: c.counts.map((n, index) => ({ alignmentId, index, countA: n.a, countB: n.b, mixed: n.a > 0 && n.b > 0 })),
    select: { id: true, index: true },
  });
  const byIndex = new Map(clusters.map((x) => [x.index, x.id]));
  await bulkInsert(
    tx,
    'ClusterMember',
    [
      { name: 'clusterId', type: 'int4' },
      { name: 'side', type: { enum: 'MatchDirection' } },
      { name: 'unit', type: 'int4' },
    ],
    Array.from(c.labels, (label, u) => [byIndex.get(label)!, u < c.unitsA ? 'A_TO_B' : 'B_TO_A', u < c.unitsA ? u : u - c.unitsA]),
  );
}
