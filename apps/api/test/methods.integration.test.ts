// Issue 16 over HTTP on a real imported result: the newer measures (SVCCA, PWCCA, PROCRUSTES, KNN) as alignment
// methods with matched chance and stored statistics, consensus per layer and stitching per layer / per pair.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ResultManifest } from '@convergent/engine/contracts';
import { consensusStatistic, stitchingStatistics } from '@convergent/engine/findings';
import { runExperiment } from '@convergent/engine/steps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../src/db/test-databases.ts';
import { startApiServer, type ApiServer } from '../src/http/server.ts';
import { importResult } from '../src/import/import-result.ts';
import { tinyArch, tinyData, tinySpec } from '../src/import/test-fixtures/tiny-experiment.ts';
import { ok } from './helpers.ts';
import { seedTeam } from './seed.ts';

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;

let tmp: string;
let manifest: ResultManifest;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-methods-'));
  // Three seeds of one architecture (intervals need ≥ 3 networks), fc1 of 4 units (CCA: 20 ≥ 2 × (4 + 4) samples).
  const spec = tinySpec({
    name: 'newer-methods',
    architectures: [tinyArch('tiny-a', 4, 4)],
    seeds: [1, 2, 3],
    methods: ['max', 'svcca', 'pwcca', 'procrustes', 'knn', 'consensus', 'stitch'],
    knn: { k: 5 },
    stitch: { images: 30 },
  });
  manifest = (await runExperiment(spec, { out: path.join(tmp, 'out'), data: tinyData(), concurrency: 1 })).manifest;
}, 240_000);
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('issue 16 measures, consensus and stitching over GraphQL (PGlite)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let api: ApiServer;
  let token: string;
  let id: string;
  let byName: Map<string, string>;
  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    db = await openDatabase(testDb.options);
    const team = await seedTeam(db.prisma, 'methods');
    token = team.token;
    id = (await importResult(db.prisma, { teamId: team.teamId, dir: path.join(tmp, 'out') })).experimentId;
    api = await startApiServer({ database: db, port: 0, log: () => {} });
    const ids = await ok(api.url, token, `query($id: ID!) { experiment(id: $id) { networks(first: 20, includeUntrained: true) { edges { node { id name } } } } }`, { id });
    byName = new Map(ids.experiment.networks.edges.map((e: any) => [e.node.name, e.node.id]));
  }, 240_000);
  afterAll(async () => {
    await api?.close();
    await db?.close();
    await testDb?.dispose();
  });

  const figureOf: Record<string, (a: ResultManifest['alignments'][number]) => number> = {
    SVCCA: (a) => a.svcca!.mean,
    PWCCA: (a) => a.pwcca!.weighted,
    PROCRUSTES: (a) => a.procrustes!.distance,
    KNN: (a) => a.knn!.score,
  };

  it.each(Object.keys(figureOf))('serves %s per layer with its matched chance, interval, test and verdict (convergence and layerConvergence)', async (method) => {
    const Q = `query($id: ID!) { experiment(id: $id) { convergence(method: ${method}) {
      layer method all { pairCount mean } chance { value source } figure mean ci { low high } ciReason pValue
      matchedChance { mean pairs source } atOrBelowChance verdict verdictReason } }
      layerConvergence(experimentId: $id, method: ${method}) { layer mean figure } }`;
    const d = await ok(api.url, token, Q, { id });
    const rows = d.experiment.convergence;
    expect(rows.map((r: any) => r.layer)).toEqual(['conv1', 'fc1']);
    for (const r of rows) {
      const between = manifest.alignments.filter((a) => a.layer === r.layer && a.kind === 'between').map(figureOf[method]!);
      const chance = manifest.alignments.filter((a) => a.layer === r.layer && a.kind === 'chance').map(figureOf[method]!);
      expect(r.method).toBe(method);
      expect(r.all.pairCount).toBe(3);
      expect(r.all.mean).toBeCloseTo(mean(between), 10);
      expect(r.figure).toBe({ SVCCA: 'svcca', PWCCA: 'pwcca', PROCRUSTES: 'procrustes', KNN: 'knn' }[method]);
      expect(r.mean).toBeCloseTo(mean(between), 10);
      expect(r.ci).not.toBeNull();
      expect(r.matchedChance).toMatchObject({ pairs: 3, source: 'untrained-twins' });
      expect(r.matchedChance.mean).toBeCloseTo(mean(chance), 10);
      expect(r.chance.value).toBeCloseTo(mean(chance), 10);
      expect(r.pValue).toBeGreaterThan(0);
      // Procrustes is a distance: at or below chance means NOT smaller than chance.
      expect(r.atOrBelowChance).toBe(method === 'PROCRUSTES' ? r.mean >= r.matchedChance.mean : r.mean <= r.matchedChance.mean);
    }
    expect(d.layerConvergence.map((r: any) => [r.layer, r.figure])).toEqual(rows.map((r: any) => [r.layer, r.figure]));
  });

  it('serves the newer figures on the pair (Alignment.summary)', async () => {
    const pair = manifest.alignments.find((a) => a.layer === 'fc1' && a.kind === 'between')!;
    const d = await ok(
      api.url,
      token,
      `query($a: ID!, $b: ID!) {
        svcca: alignment(networkA: $a, networkB: $b, layer: "fc1", method: SVCCA) { method summary { svcca unitsA } }
        pwcca: alignment(networkA: $a, networkB: $b, layer: "fc1", method: PWCCA) { summary { pwcca } }
        procrustes: alignment(networkA: $a, networkB: $b, layer: "fc1", method: PROCRUSTES) { summary { procrustesDistance shuffledNull } }
        knn: alignment(networkA: $a, networkB: $b, layer: "fc1", method: KNN) { parameters summary { knnScore } } }`,
      { a: byName.get(pair.a), b: byName.get(pair.b) },
    );
    expect(d.svcca.method).toBe('SVCCA');
    expect(d.svcca.summary.svcca).toBeCloseTo(pair.svcca!.mean, 10);
    expect(d.pwcca.summary.pwcca).toBeCloseTo(pair.pwcca!.weighted, 10);
    expect(d.procrustes.summary.procrustesDistance).toBeCloseTo(pair.procrustes!.distance, 10);
    expect(d.procrustes.summary.shuffledNull).toBeCloseTo(pair.shuffled!.figures.procrustes!, 10);
    expect(d.knn.summary.knnScore).toBeCloseTo(pair.knn!.score, 10);
    expect(d.knn.parameters).toEqual({ k: 5, metric: 'euclidean' });
  });

  it('serves consensus per layer: the trained family against its untrained twins, with the networks resolved', async () => {
    const d = await ok(
      api.url,
      token,
      `query($id: ID!) { experiment(id: $id) {
        all: consensus { layer }
        consensus(layer: "fc1") { layer matching fraction chanceFraction
          trained { networks { name untrained } reference { name } liveUnits count fraction found meanFound units }
          chance { networks { name untrained } count fraction }
          statistic { figure n mean chance pValue test verdict verdictReason interval { low high level method } } } } }`,
      { id },
    );
    expect(d.experiment.all.map((c: any) => c.layer)).toEqual(['conv1', 'fc1']);
    const [c] = d.experiment.consensus;
    const want = manifest.consensus!.find((x) => x.layer === 'fc1')!;
    expect(c.matching).toBe('max');
    expect(c.fraction).toBeCloseTo(want.trained.fraction, 12);
    expect(c.chanceFraction).toBeCloseTo(want.chance!.fraction, 12);
    expect(c.trained.networks.map((n: any) => n.name)).toEqual(want.trained.networks);
    expect(c.trained.networks.every((n: any) => !n.untrained)).toBe(true);
    expect(c.chance.networks.every((n: any) => n.untrained)).toBe(true);
    expect(c.trained.reference.name).toBe(want.trained.reference);
    expect(c.trained.found).toEqual(want.trained.found);
    expect(c.trained.units).toEqual(want.trained.units);
    expect(c.trained.count).toBe(c.trained.units.length);
    // The fraction against chance: the engine's Wilson interval and Fisher test on the stored counts.
    const st = consensusStatistic(want);
    expect(c.statistic.figure).toBe('consensusFraction');
    expect(c.statistic.n).toBe(want.trained.liveUnits);
    expect(c.statistic.mean).toBeCloseTo(want.trained.fraction, 12);
    expect(c.statistic.chance).toBeCloseTo(want.chance!.fraction, 12);
    expect(c.statistic.pValue).toBeCloseTo(st.pValue!, 12);
    expect(c.statistic.interval.low).toBeCloseTo(st.interval!.low, 12);
    expect(c.statistic.interval.high).toBeCloseTo(st.interval!.high, 12);
    expect(c.statistic.interval.low).toBeLessThanOrEqual(c.statistic.mean);
    expect(c.statistic.interval.high).toBeGreaterThanOrEqual(c.statistic.mean);
    expect(c.statistic.test).toMatch(/Fisher/);
    expect(c.statistic.verdict).toBe({ 'above-chance': 'ABOVE_CHANCE', 'at-or-below-chance': 'AT_OR_BELOW_CHANCE', inconclusive: 'INCONCLUSIVE' }[st.verdict]);
  });

  it('serves stitching per layer and on the pair (A → B), with B own accuracy and chance', async () => {
    const d = await ok(
      api.url,
      token,
      `query($id: ID!) { experiment(id: $id) { stitching(layer: "conv1") { layer images majorityRate
        pairs { layer networkA { name } networkB { name } kind ownAccuracy maps { kind accuracy penalty nonzero } }
        summary { map between { pairCount mean } chance { pairCount mean }
          statistic { figure n mean chance pValue verdict verdictReason intervalReason interval { low high } } } } } }`,
      { id },
    );
    const [s] = d.experiment.stitching;
    const want = manifest.stitching!.find((x) => x.layer === 'conv1')!;
    expect(s.images).toBe(want.images);
    expect(s.pairs.filter((p: any) => p.kind === 'between')).toHaveLength(6);
    expect(s.pairs.filter((p: any) => p.kind === 'chance').length).toBeGreaterThan(0);
    expect(s.pairs.map((p: any) => [p.networkA.name, p.networkB.name, p.kind])).toEqual(want.pairs.map((p) => [p.a, p.b, p.kind]));
    expect(s.pairs[0].maps.map((m: any) => m.kind).sort()).toEqual(['LINEAR', 'PERMUTATION', 'SPARSE']);
    expect(s.summary.map((x: any) => x.map).sort()).toEqual([...Object.keys(want.summary)].sort());
    const perm = s.summary.find((x: any) => x.map === 'permutation');
    expect(perm.between.pairCount).toBe(6);
    expect(perm.between.mean).toBeCloseTo(want.summary.permutation!.between!.mean, 12);
    // Each map against chance (the engine's statistics on the stored pairs: 3 networks of one architecture, so an
    // interval); `own` is no check and has none.
    const checks = stitchingStatistics(want, { architectureOf: (n) => manifest.networks.find((x) => x.id === n)!.architecture });
    for (const x of s.summary) {
      const c = checks.find((y) => y.map === x.map)?.statistic;
      if (!c) {
        expect(x.statistic, x.map).toBeNull();
        continue;
      }
      expect(x.statistic.figure).toBe(`stitchAccuracy:${x.map}`);
      expect(x.statistic.n).toBe(6);
      expect(x.statistic.mean).toBeCloseTo(c.mean, 12);
      expect(x.statistic.chance).toBeCloseTo(c.chance!, 12);
      expect(x.statistic.pValue).toBeCloseTo(c.pValue!, 12);
      expect(x.statistic.interval.low).toBeCloseTo(c.interval!.low, 12);
    }
    expect(s.summary.find((x: any) => x.map === 'own').statistic).toBeNull();
    // On the pair, both ways round: the alignment asked as (a, b) shows a → b; asked as (b, a) shows b → a.
    const p = want.pairs.find((x) => x.kind === 'between')!;
    const Q = `query($a: ID!, $b: ID!) { alignment(networkA: $a, networkB: $b, layer: "conv1", method: HUNGARIAN) { stitching { networkA { name } networkB { name } ownAccuracy maps { kind accuracy } } } }`;
    const ab = (await ok(api.url, token, Q, { a: byName.get(p.a), b: byName.get(p.b) })).alignment.stitching;
    expect([ab.networkA.name, ab.networkB.name]).toEqual([p.a, p.b]);
    expect(ab.ownAccuracy).toBeCloseTo(p.ownAccuracy, 12);
    expect(ab.maps.find((m: any) => m.kind === 'LINEAR').accuracy).toBeCloseTo(p.maps.find((m) => m.kind === 'linear')!.accuracy, 12);
    const ba = (await ok(api.url, token, Q, { a: byName.get(p.b), b: byName.get(p.a) })).alignment.stitching;
    expect([ba.networkA.name, ba.networkB.name]).toEqual([p.b, p.a]);
  });
});
