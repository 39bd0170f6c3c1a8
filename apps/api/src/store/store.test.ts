// The store on both engines: values in, rows out, and a write that fails half-way leaves what was there before.
import { createHash } from 'node:crypto';
import type { AlignReport } from '@convergent/engine/align';
import { parseNpy } from '@convergent/engine/files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../db/test-databases.ts';
import { storeActivations } from './activations.ts';
import { replacePair } from './alignments.ts';
import { checkpointKey, putArtifact, putCheckpoint, weightKeys, withinKey } from './artifacts.ts';
import { bulkInsert } from './bulk-insert.ts';
import { cancelExperiment, completeExperiment, createExperiment, failExperiment } from './experiments.ts';
import { storePlannedNetworks, storeTrainedNetwork } from './networks.ts';
import { storeRecording, type RecordingValues } from './recordings.ts';
import type { LayerValues, PairValues } from './values.ts';

const P = 3;
const Q = 3;
// R[i, j]: a's unit i against b's unit j; a's unit 2 is dead (−1 matches).
const R = Float32Array.from([0.9, 0.1, 0.2, 0.3, 0.8, 0.1, 0, 0, 0]);
const int32 = (v: number[]) => ({ data: Int32Array.from(v), shape: [v.length], dtype: 'int32' as const });

function layer(name: string, units: number, seed: number): LayerValues {
  const within = Float32Array.from({ length: units * units }, (_, k) => (k % (units + 1) === 0 ? 1 : seed / 10));
  return {
    name,
    kind: 'dense',
    shape: [units],
    units,
    samples: 20,
    receptiveField: { size: 8, stride: 1, offset: 0 },
    deadCount: 1,
    unitStats: Array.from({ length: units }, (_, u) => ({ index: u, mean: seed + u, std: u === units - 1 ? 0 : 1, dead: u === units - 1, top: [{ imageIndex: u, y: 0, x: 0, value: 1 }] })),
    within: { data: within, shape: [units, units], dtype: 'float32' },
  };
}

// The semi-matching's rows (direction, unitA, unitB, score, oneToOne) of R: A → B per unit of a (the dead one
// unmatched, score 0); B → A per unit of b whose match is live.
const SEMI_MATCHES = [
  ['A_TO_B', 0, 0, 0.9, true],
  ['A_TO_B', 1, 1, 0.8, true],
  ['A_TO_B', 2, null, 0, false],
  ['B_TO_A', 0, 0, 0.9, true],
  ['B_TO_A', 0, 2, 0.2, false],
  ['B_TO_A', 1, 1, 0.8, true],
];

function pair(a = 'a', b = 'b'): PairValues {
  return {
    layer: 'fc',
    a,
    b,
    kind: 'between',
    p: P,
    q: Q,
    correlation: { data: R, shape: [P, Q], dtype: 'float32' },
    semi: { meanA: 0.85, meanB: 0.6, oneToOneFraction: 2 / 3, matchA: int32([0, 1, -1]), matchB: int32([0, 1, 0]) },
    max: { mean: 0.85, match: int32([0, 1, -1]) },
    cka: { linear: 0.7, debiased: 0.6 },
  };
}

describe.each(testDatabaseKinds())('store on %s', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let teamId: string;
  let experimentId: string;
  let ids: Map<string, string>;
  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await openDatabase(target.options);
    teamId = (await db.prisma.team.create({ data: { name: 'store' } })).id;
    experimentId = (await createExperiment(db.prisma, { teamId, name: 'e', dataset: 'synthetic', probe: {}, spec: {}, specHash: 'h', source: 'SPEC', status: 'QUEUED' })).id;
    const planned = (name: string, seed: number) => ({ name, arch: 'tiny', archSpec: {}, seed, untrained: false, epochs: 1 });
    await storePlannedNetworks(db.prisma, experimentId, [planned('a', 1), planned('b', 2), planned('stale', 3)]);
    // A second plan: `stale` goes, `b` changes seed, `a` is kept as it was (same row).
    const before = await db.prisma.network.findMany({ where: { experimentId }, orderBy: { name: 'asc' } });
    await storePlannedNetworks(db.prisma, experimentId, [planned('a', 1), planned('b', 5)]);
    const after = await db.prisma.network.findMany({ where: { experimentId }, orderBy: { name: 'asc' } });
    expect(after.map((n) => [n.name, n.seed, n.status])).toEqual([
      ['a', 1, 'QUEUED'],
      ['b', 5, 'QUEUED'],
    ]);
    expect(after[0]!.id).toBe(before[0]!.id);
    ids = new Map(after.map((n) => [n.name, n.id]));
  });
  afterAll(async () => {
    await db?.close();
    await target?.dispose();
  });

  const recording = (seed: number): RecordingValues => ({
    probe: {
      images: { data: new Uint8Array(20 * 8 * 8).fill(seed), shape: [20, 8, 8, 1], dtype: 'uint8' },
      labels: int32(Array.from({ length: 20 }, (_, i) => i % 3)),
      description: { dataset: 'synthetic', count: 20 },
      count: 20,
    },
    layers: new Map([
      [ids.get('a')!, [layer('fc', P, seed)]],
      [ids.get('b')!, [layer('fc', Q, seed + 1)]],
    ]),
    moments: [{ key: `record/${experimentId}/fc/a.member`, networkId: ids.get('a')!, bytes: Uint8Array.from([seed]), metadata: { layer: 'fc' } }],
    consensus: [],
    stitching: [],
  });

  it('stores a recording; a retry replaces its layers, units and within artifacts, a failed one changes nothing', async () => {
    const owner = { teamId, experimentId };
    await storeRecording(db.prisma, owner, recording(1));
    await storeRecording(db.prisma, owner, recording(2));
    const layers = await db.prisma.layer.findMany({ where: { network: { experimentId } }, include: { units: { orderBy: { index: 'asc' } } } });
    expect(layers).toHaveLength(2);
    expect(layers.find((l) => l.networkId === ids.get('a'))!.units.map((u) => [u.mean, u.dead])).toEqual([
      [2, false],
      [3, false],
      [4, true],
    ]);
    // One within artifact per layer (none orphaned by the retry), holding the array it was given.
    const within = await db.prisma.artifact.findMany({ where: { experimentId, key: { startsWith: 'layer/' } } });
    expect(within.map((w) => w.key).sort()).toEqual(layers.map((l) => withinKey(l.id)).sort());
    const la = layers.find((l) => l.networkId === ids.get('a'))!;
    const w = within.find((x) => x.id === la.withinId)!;
    expect(Array.from(parseNpy(w.data).data as Float32Array)).toEqual(Array.from(layer('fc', P, 2).within.data));
    expect((await db.prisma.experiment.findUniqueOrThrow({ where: { id: experimentId } })).probeCount).toBe(20);

    // A recording whose statistics name a network that does not exist fails at its last write: nothing of it stays.
    const bad = recording(7);
    bad.moments.push({ key: 'record/x', networkId: 'no-such-network', bytes: Uint8Array.from([1]), metadata: {} });
    await expect(storeRecording(db.prisma, owner, bad)).rejects.toThrow();
    const again = await db.prisma.layer.findMany({ where: { network: { experimentId } }, include: { units: true } });
    expect(again.map((l) => l.id).sort()).toEqual(layers.map((l) => l.id).sort());
    expect(again.flatMap((l) => l.units.map((u) => u.mean)).sort()).toEqual(layers.flatMap((l) => l.units.map((u) => u.mean)).sort());
  });

  it('stores a pair from its arrays, once per pair whichever the orientation, and keeps it when a replacement fails', async () => {
    const layerRows = await db.prisma.layer.findMany({ where: { network: { experimentId } }, include: { network: true } });
    const target = { experimentId, teamId, networkIds: ids, layerIds: new Map(layerRows.map((l) => [`${l.network.name}/${l.name}`, l.id])) };
    expect(await replacePair(db.prisma, target, pair())).toBe(3);
    expect(await replacePair(db.prisma, target, pair())).toBe(3);
    expect(await replacePair(db.prisma, target, pair('b', 'a'))).toBe(3);
    expect(await replacePair(db.prisma, target, pair())).toBe(3);
    const rows = await db.prisma.alignment.findMany({ where: { experimentId }, include: { matches: { orderBy: [{ direction: 'asc' }, { unitA: 'asc' }, { unitB: 'asc' }] } } });
    expect(rows.map((r) => r.method).sort()).toEqual(['CKA', 'HUNGARIAN', 'SEMI']);
    expect(rows.every((r) => r.networkAId === ids.get('a'))).toBe(true);
    const semi = rows.find((r) => r.method === 'SEMI')!;
    expect(semi.summary).toMatchObject({ meanCorr: 0.85, meanCorrB: 0.6, unitsA: 3, unitsB: 3 });
    expect(semi.matches.map((m) => [m.direction, m.unitA, m.unitB, Number(m.score.toFixed(6)), m.oneToOne])).toEqual(SEMI_MATCHES);
    const matrix = await db.prisma.artifact.findUniqueOrThrow({ where: { id: semi.matrixId! } });
    expect(Array.from(parseNpy(matrix.data).data as Float32Array)).toEqual(Array.from(R));

    // A replacement that fails after deleting the old rows (B's layer unknown) rolls back: the old rows stay.
    const broken = { ...target, layerIds: new Map([...target.layerIds].filter(([k]) => !k.startsWith('b/'))) };
    await expect(replacePair(db.prisma, broken, pair())).rejects.toThrow();
    expect((await db.prisma.alignment.findMany({ where: { experimentId } })).map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('stores imported activations with the matches and clusters of a stored pair: a −1 match unmatched, score 0', async () => {
    const imported = await createExperiment(db.prisma, { teamId, name: 'acts', dataset: 'external', probe: {}, spec: {}, specHash: 'h3', source: 'ACTIVATIONS', status: 'RUNNING' });
    await storePlannedNetworks(db.prisma, imported.id, ['a', 'b'].map((name, seed) => ({ name, arch: 'mlp', archSpec: {}, seed, untrained: false, epochs: 0 })));
    const stats = (n: number) => Array.from({ length: n }, (_, u) => ({ mean: u, std: u === n - 1 ? 0 : 1 }));
    const layers = [{ name: 'fc', kind: 'dense' as const, shape: [P], samples: 20, stats: stats(P) }];
    // a's unit 2 is dead: the engine reports every match of it, or to it, as −1 (align-files.ts applyLiveUnits).
    const report = {
      samples: 20,
      unitsA: P,
      unitsB: Q,
      semi: { match: [0, 1, -1], corr: [0.9, 0.8, 0], meanCorr: 0.85, reverseMatch: [0, 1, 0], reverseCorr: [0.9, 0.8, 0.2], reverseMeanCorr: 0.6, oneToOneFraction: 2 / 3 },
      max: { match: [0, 1, -1], corr: [0.9, 0.8, 0], meanCorr: 0.85 },
      spectral: { clusters: 2, labels: [0, 0, 1, 0, 1, 1], affinity: 'abs', counts: [{ a: 2, b: 1 }, { a: 1, b: 2 }], sharedFraction: 1, mixing: null },
    } as unknown as AlignReport;
    const count = await storeActivations(
      db.prisma,
      imported.id,
      { networks: ['a', 'b'].map((name) => ({ name, layers })), results: [{ layer: 'fc', a: 'a', b: 'b', report }], methods: ['SEMI', 'HUNGARIAN', 'SPECTRAL'] },
      (name) => new Error(`missing ${name}`),
    );
    expect(count).toBe(3);
    const rows = await db.prisma.alignment.findMany({
      where: { experimentId: imported.id },
      include: { matches: { orderBy: [{ direction: 'asc' }, { unitA: 'asc' }, { unitB: 'asc' }] }, clusters: { orderBy: { index: 'asc' }, include: { members: { orderBy: [{ side: 'asc' }, { unit: 'asc' }] } } } },
    });
    const matches = (method: string) => rows.find((r) => r.method === method)!.matches.map((m) => [m.direction, m.unitA, m.unitB, Number(m.score.toFixed(6)), m.oneToOne]);
    expect(matches('SEMI')).toEqual(SEMI_MATCHES);
    expect(matches('HUNGARIAN')).toEqual([
      ['A_TO_B', 0, 0, 0.9, true],
      ['A_TO_B', 1, 1, 0.8, true],
      ['A_TO_B', 2, null, 0, false],
    ]);
    const spectral = rows.find((r) => r.method === 'SPECTRAL')!;
    expect(spectral.clusters.map((c) => [c.index, c.countA, c.countB, c.mixed, c.members.map((m) => [m.side, m.unit])])).toEqual([
      [0, 2, 1, true, [['A_TO_B', 0], ['A_TO_B', 1], ['B_TO_A', 0]]],
      [1, 1, 2, true, [['A_TO_B', 2], ['B_TO_A', 1], ['B_TO_A', 2]]],
    ]);
    expect(await db.prisma.unit.count({ where: { layer: { network: { experimentId: imported.id } } } })).toBe(2 * P);
  });

  it('stores a trained network with its weights and drops its checkpoint; artifacts are replaced by key', async () => {
    const owner = { teamId, experimentId };
    const id = ids.get('a')!;
    await putCheckpoint(db.prisma, owner, id, Uint8Array.from([1, 2]), { epoch: 1 });
    await putCheckpoint(db.prisma, owner, id, Uint8Array.from([3, 4, 5]), { epoch: 2 });
    const cp = await db.prisma.artifact.findMany({ where: { teamId, key: checkpointKey(id) } });
    expect(cp.map((c) => [c.size, Array.from(c.data), c.metadata])).toEqual([[3, [3, 4, 5], { epoch: 2 }]]);
    const metrics = [{ epoch: 1, loss: 1, accuracy: 0.5, validationLoss: 1, validationAccuracy: 0.4, seconds: 1 }];
    await storeTrainedNetwork(db.prisma, owner, id, {
      weights: { modelJson: Buffer.from('{"m":1}'), weightsBin: Uint8Array.from([9, 9]) },
      metrics: metrics as never,
      stepMetrics: [{ step: 1, epoch: 1, samples: 16, loss: 1, accuracy: 0.5 }],
      backend: 'cpu',
      parameterCount: 10,
      trainSeconds: 2,
    });
    const net = await db.prisma.network.findUniqueOrThrow({ where: { id } });
    expect(net).toMatchObject({ status: 'COMPLETED', epochsDone: 1, accuracy: 0.4, backend: 'cpu', parameterCount: 10 });
    expect(await db.prisma.artifact.count({ where: { teamId, key: checkpointKey(id) } })).toBe(0);
    const weights = await db.prisma.artifact.findMany({ where: { teamId, key: { in: [...weightKeys(id)] } }, orderBy: { key: 'asc' } });
    expect(weights.map((w) => [w.kind, w.size])).toEqual([
      ['WEIGHTS', 7],
      ['OTHER', 2],
    ]);
    const before = await putArtifact(db.prisma, owner, 'x/y', 'OTHER', Uint8Array.from([1]));
    const after = await putArtifact(db.prisma, owner, 'x/y', 'OTHER', Uint8Array.from([2, 2]));
    expect(after).toBe(before);
    const row = await db.prisma.artifact.findUniqueOrThrow({ where: { id: after } });
    expect([row.size, Array.from(row.data), row.sha256]).toEqual([2, [2, 2], createHash('sha256').update(Uint8Array.from([2, 2])).digest('hex')]);
  });

  it('moves an experiment to failed or cancelled only while it is not completed', async () => {
    const other = await createExperiment(db.prisma, { teamId, name: 'f', dataset: 'synthetic', probe: {}, spec: {}, specHash: 'h2', source: 'SPEC', status: 'RUNNING' });
    await failExperiment(db.prisma, other.id, 'train step x failed: boom');
    expect(await db.prisma.experiment.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: 'FAILED', error: 'train step x failed: boom' });
    await db.prisma.$transaction((tx) => completeExperiment(tx, experimentId));
    await failExperiment(db.prisma, experimentId, 'late');
    await cancelExperiment(db.prisma, experimentId);
    expect(await db.prisma.experiment.findUniqueOrThrow({ where: { id: experimentId } })).toMatchObject({ status: 'COMPLETED', error: null });
  });

  it('bulk-inserts rows and answers the returned columns in input order', async () => {
    const align = await db.prisma.alignment.findFirstOrThrow({ where: { experimentId, method: 'SEMI' } });
    const targets = [5, 1, 4, 2];
    const made = await bulkInsert<{ id: number; target: number }>(
      db.prisma,
      'SparsePath',
      [
        { name: 'alignmentId', type: 'text' },
        { name: 'target', type: 'int4' },
        { name: 'penalty', type: 'float8' },
        { name: 'nonzero', type: 'int4' },
      ],
      targets.map((t) => [align.id, t, 0.1, 0]),
      ['id', 'target'],
    );
    expect(made.map((m) => m.target)).toEqual(targets);
    const stored = await db.prisma.sparsePath.findMany({ where: { id: { in: made.map((m) => m.id) } } });
    expect(new Map(stored.map((s) => [s.id, s.target]))).toEqual(new Map(made.map((m) => [m.id, m.target])));
  });
});
