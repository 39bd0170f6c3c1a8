import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runExperiment } from '@convergent/engine/steps';
import type { ResultManifest } from '@convergent/engine/contracts';
import { readNpy } from '@convergent/engine/files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../db/test-databases.ts';
import { importResult } from './import-result.ts';
import { tinyData, tinySpec } from './test-fixtures/tiny-experiment.ts';

let tmp: string;
let dir: string;
let manifest: ResultManifest;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-import-'));
  dir = path.join(tmp, 'result');
  ({ manifest } = await runExperiment(tinySpec(), { out: dir, data: tinyData(), concurrency: 1 }));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe.each(testDatabaseKinds())('importResult on %s', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let teamId: string;
  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await openDatabase(target.options);
    teamId = (await db.prisma.team.create({ data: { name: 'importers' } })).id;
  });
  afterAll(async () => {
    await db?.close();
    await target?.dispose();
  });

  it('stores every network, layer, unit and alignment of the result, matching its arrays', async () => {
    const out = await importResult(db.prisma, { teamId, dir });
    expect(out.created).toBe(true);
    const prisma = db.prisma;
    const exp = await prisma.experiment.findUniqueOrThrow({ where: { id: out.experimentId } });
    expect(exp).toMatchObject({ status: 'COMPLETED', source: 'RESULT', name: 'tiny', probeCount: 20, streamVersion: 2 });
    expect(manifest.streams).toEqual({ version: 2, dataOrder: 'shared' });
    // Every network has its own stream key (the untrained twins too).
    expect(new Set(manifest.networks.map((n) => n.streamKey)).size).toBe(manifest.networks.length);
    expect(await prisma.network.count({ where: { experimentId: exp.id } })).toBe(manifest.networks.length);
    // 2 architectures x 2 seeds trained + as many untrained twins (matched chance).
    expect(await prisma.network.count({ where: { experimentId: exp.id, untrained: true } })).toBe(4);
    for (const n of manifest.networks) {
      const net = await prisma.network.findUniqueOrThrow({ where: { experimentId_name: { experimentId: exp.id, name: n.id } }, include: { layers: { include: { units: true } } } });
      expect(net.layers.map((l) => l.name)).toEqual(n.layers.map((l) => l.name));
      for (const l of n.layers) {
        const layer = net.layers.find((x) => x.name === l.name)!;
        expect(layer.units).toHaveLength(l.units);
        const u0 = layer.units.find((u) => u.index === 0)!;
        expect(u0.mean).toBeCloseTo(l.unitStats[0]!.mean, 10);
        expect(u0.topImages).toEqual(l.unitStats[0]!.top);
      }
      const weights = await prisma.artifact.findFirstOrThrow({ where: { networkId: net.id, kind: 'WEIGHTS' } });
      expect(Buffer.from(weights.data).toString()).toBe(await fs.readFile(path.join(dir, n.weights.modelJson), 'utf8'));
    }

    // Semi-matching rows reproduce the stored match vector and the reported mean.
    const pair = manifest.alignments.find((a) => a.kind === 'between' && a.semi)!;
    const alignment = await prisma.alignment.findFirstOrThrow({
      where: { experimentId: exp.id, layerName: pair.layer, method: 'SEMI', networkA: { name: pair.a }, networkB: { name: pair.b } },
      include: { matches: { where: { direction: 'A_TO_B' }, orderBy: { unitA: 'asc' } } },
    });
    expect(alignment.status).toBe('COMPLETED');
    const matchA = (await readNpy(path.join(dir, pair.semi!.matchA.path))).data as Int32Array;
    // −1 (a dead unit, or a match to a dead one) is stored unmatched
    expect(alignment.matches.map((m) => m.unitB)).toEqual(Array.from(matchA, (j) => (j < 0 ? null : j)));
    const mean = alignment.matches.reduce((s, m) => s + m.score, 0) / alignment.matches.length;
    expect(mean).toBeCloseTo(pair.semi!.meanA, 5);
    expect((alignment.summary as { meanCorr: number }).meanCorr).toBeCloseTo(pair.semi!.meanA, 10);

    // Sparse weights: exactly the non-zeros of the weight tensor.
    const sparsePair = manifest.alignments.find((a) => a.sparse)!;
    const W = (await readNpy(path.join(dir, sparsePair.sparse!.weights.path))).data as Float32Array;
    const nonzero = W.reduce((c, w) => c + (w !== 0 ? 1 : 0), 0);
    const sparse = await prisma.alignment.findFirstOrThrow({
      where: { experimentId: exp.id, layerName: sparsePair.layer, method: 'SPARSE', networkA: { name: sparsePair.a }, networkB: { name: sparsePair.b } },
    });
    expect(await prisma.sparseWeight.count({ where: { path: { alignmentId: sparse.id } } })).toBe(nonzero);
    // Each target's weights are its column of the tensor (bulk insert keeps rows and ids paired).
    const [pp, qq] = [sparsePair.p, sparsePair.q];
    const penalties = sparsePair.sparse!.penalties;
    for (const [k, penalty] of penalties.entries()) {
      for (let t = 0; t < qq; t++) {
        const path1 = await prisma.sparsePath.findUniqueOrThrow({
          where: { alignmentId_target_penalty: { alignmentId: sparse.id, target: t, penalty } },
          include: { weights: { orderBy: { source: 'asc' } } },
        });
        const expected: Array<[number, number]> = [];
        for (let j = 0; j < pp; j++) if (W[k * pp * qq + j * qq + t] !== 0) expected.push([j, W[k * pp * qq + j * qq + t]!]);
        expect(path1.weights.map((w) => [w.source, w.weight])).toEqual(expected);
        expect(path1.nonzero).toBe(expected.length);
      }
    }

    const methods = await prisma.alignment.groupBy({ by: ['method'], where: { experimentId: exp.id }, _count: true });
    expect(methods.map((m) => m.method).sort()).toEqual(['CKA', 'HUNGARIAN', 'MI', 'MI_SEMI', 'SEMI', 'SPARSE']);
    // Every stored pair: (layers × pairs incl. chance) alignments per method.
    expect(await prisma.alignment.count({ where: { experimentId: exp.id, method: 'CKA' } })).toBe(manifest.alignments.length);
    expect(await prisma.chanceBaseline.count({ where: { experimentId: exp.id, method: 'HUNGARIAN', metric: 'meanCorr' } })).toBe(manifest.layers.length);
    expect(await prisma.artifact.count({ where: { experimentId: exp.id, kind: 'PROBE_IMAGES' } })).toBe(1);
    // format 2: the per-layer statistics are stored as they are in the manifest
    const stats = manifest.layers.flatMap((l) => l.statistics ?? []).filter((st) => Number.isFinite(st.mean));
    expect(await prisma.layerStatistic.count({ where: { experimentId: exp.id } })).toBe(stats.length);
    const st = stats.find((x) => x.figure === 'max' && x.scope === 'all')!;
    const row = await prisma.layerStatistic.findFirstOrThrow({ where: { experimentId: exp.id, figure: 'max', scope: 'all', layerName: manifest.layers[0]!.name } });
    expect(row.mean).toBeCloseTo(manifest.layers[0]!.statistics!.find((x) => x.figure === 'max' && x.scope === 'all')!.mean, 12);
    expect(row.ciReason).toBe(st.ciReason);
  });

  it('is idempotent: the same directory again answers the existing experiment and writes nothing', async () => {
    const before = await db.prisma.unitMatch.count();
    const again = await importResult(db.prisma, { teamId, dir });
    expect(again.created).toBe(false);
    expect(await db.prisma.experiment.count({ where: { teamId } })).toBe(1);
    expect(await db.prisma.unitMatch.count()).toBe(before);
  });

  it('carries the stream version: a manifest from before stream versions imports as version 1', async () => {
    const old = path.join(tmp, `old-streams-${kind}`);
    await fs.cp(dir, old, { recursive: true });
    const m = JSON.parse(await fs.readFile(path.join(old, 'manifest.json'), 'utf8')) as Record<string, unknown> & { networks: Array<Record<string, unknown>> };
    delete m.streams;
    for (const n of m.networks) delete n.streamKey;
    await fs.writeFile(path.join(old, 'manifest.json'), JSON.stringify(m));
    const out = await importResult(db.prisma, { teamId, dir: old, name: 'old streams' });
    expect(out.created).toBe(true);
    const exp = await db.prisma.experiment.findUniqueOrThrow({ where: { id: out.experimentId } });
    expect(exp).toMatchObject({ status: 'COMPLETED', name: 'old streams', streamVersion: 1 });
    await fs.rm(old, { recursive: true, force: true });
  });

  it('leaves nothing behind when the transaction cannot finish, and names a missing directory', async () => {
    const other = (await db.prisma.team.create({ data: { name: 'interrupted' } })).id;
    await expect(importResult(db.prisma, { teamId: other, dir, timeoutMs: 50 })).rejects.toThrow();
    expect(await db.prisma.experiment.count({ where: { teamId: other } })).toBe(0);
    expect(await db.prisma.artifact.count({ where: { teamId: other } })).toBe(0);
    await expect(importResult(db.prisma, { teamId: other, dir: path.join(tmp, 'nope') })).rejects.toThrow(/not a result directory/);
  });
});
