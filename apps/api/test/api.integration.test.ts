// End-to-end over HTTP against a real database (PGlite and PostgreSQL): every query against planted data
// (test/seed.ts), binary routes decoded and compared with the planted matrices, team isolation on every entry
// point, and coded errors for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../src/db/test-databases.ts';
import { startApiServer, type ApiServer } from '../src/http/server.ts';
import { betweenMatrix, npy, pairShift, perm, plantedMatches, seedExperiment, seedTeam, withinValue, type Seeded } from './seed.ts';
import { codes, fetchBytes, gql, ok, readNpy, readPng } from './helpers.ts';

const LAYERS = [
  { name: 'conv1', kind: 'conv' as const, units: { small: 4, wide: 6 } },
  { name: 'fc1', kind: 'dense' as const, units: { small: 3, wide: 5 } },
];
const NETWORKS = [
  { arch: 'small', seed: 0 },
  { arch: 'small', seed: 1 },
  { arch: 'small', seed: 2 },
  { arch: 'wide', seed: 0 },
  { arch: 'small', seed: 0, untrained: true },
];

function mean(v: number[]) {
  return v.reduce((s, x) => s + x, 0) / v.length;
}
function sampleStd(v: number[]) {
  const m = mean(v);
  return v.length > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1)) : 0;
}

describe.each(testDatabaseKinds())('GraphQL API over HTTP on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Database;
  let api: ApiServer;
  let A: { teamId: string; token: string };
  let B: { teamId: string; token: string };
  let seeded: Seeded;
  let other: Seeded;
  let tiny: Seeded;
  let jobId: string;
  let importRoot: string;
  const url = () => api.url;

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    db = await openDatabase(testDb.options);
    importRoot = mkdtempSync(path.join(os.tmpdir(), 'convergent-import-'));
    A = await seedTeam(db.prisma, 'team-a', { importRoots: [importRoot] });
    B = await seedTeam(db.prisma, 'team-b');
    seeded = await seedExperiment(db.prisma, A.teamId, { name: 'family', networks: NETWORKS, layers: LAYERS, storedChance: true });
    tiny = await seedExperiment(db.prisma, A.teamId, { name: 'tiny', networks: [{ arch: 'small', seed: 5 }, { arch: 'small', seed: 6 }], layers: LAYERS.slice(0, 1), methods: ['HUNGARIAN'] });
    other = await seedExperiment(db.prisma, B.teamId, { name: 'b-exp', networks: [{ arch: 'small', seed: 0 }, { arch: 'small', seed: 1 }], layers: LAYERS.slice(0, 1), methods: ['HUNGARIAN'] });
    // Weights of small-s0 in the tfjs layout the importer stores (model.json + one weights.bin shard).
    for (const [file, kind, bytes] of [
      ['model.json', 'WEIGHTS', Buffer.from(JSON.stringify({ format: 'layers-model', weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }] }))],
      ['weights.bin', 'OTHER', Buffer.from([1, 2, 3, 4, 5])],
    ] as const) {
      await db.prisma.artifact.create({
        data: { teamId: A.teamId, experimentId: seeded.experimentId, networkId: seeded.networks[0]!.id, key: `network/${seeded.networks[0]!.id}/${file}`, kind, mediaType: 'application/octet-stream', size: bytes.length, sha256: '-', data: new Uint8Array(bytes) },
      });
    }
    const job = await db.prisma.job.create({ data: { teamId: A.teamId, experimentId: seeded.experimentId, kind: 'ALIGN', payload: {}, status: 'COMPLETED', fraction: 1 } });
    jobId = job.id;
    api = await startApiServer({ database: db, port: 0, log: (m) => { if (process.env.API_TEST_LOG) console.error(m); } });
  });

  afterAll(async () => {
    await api?.close();
    await db?.close();
    await testDb?.dispose();
    if (importRoot) rmSync(importRoot, { recursive: true, force: true });
  });

  const net = (i: number) => seeded.networks[i]!;
  const hung = (a: number, b: number, layer: string) => seeded.alignments.find((x) => x.a === a && x.b === b && x.layer === layer && x.method === 'HUNGARIAN')!;

  it('rejects requests without a valid token (401 UNAUTHENTICATED)', async () => {
    const none = await gql(url(), null, '{ viewer { tokenName } }');
    expect(none.status).toBe(401);
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await gql(url(), 'cvg_not-a-token', '{ viewer { tokenName } }');
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('viewer and team are the token\'s team; experiments lists only that team\'s, newest first, paged', async () => {
    const d = await ok(url(), A.token, '{ viewer { tokenName team { name } } team { id name experiments(first: 1) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } } }');
    expect(d.viewer.team.name).toBe('team-a');
    expect(d.team.id).toBe(A.teamId);
    expect(d.team.experiments.totalCount).toBe(2);
    expect(d.team.experiments.edges.map((e: any) => e.node.name)).toEqual(['tiny']);
    expect(d.team.experiments.pageInfo.hasNextPage).toBe(true);
    const next = await ok(url(), A.token, 'query($after: String) { experiments(first: 5, after: $after) { edges { node { name } } pageInfo { hasNextPage hasPreviousPage } } }', {
      after: d.team.experiments.pageInfo.endCursor,
    });
    expect(next.experiments.edges.map((e: any) => e.node.name)).toEqual(['family']);
    expect(next.experiments.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const b = await ok(url(), B.token, '{ experiments { totalCount edges { node { id name } } } }');
    expect(b.experiments.edges.map((e: any) => e.node.name)).toEqual(['b-exp']);
  });

  it('experiment groups trained networks by architecture and seed; untrained twins only on request', async () => {
    const d = await ok(url(), A.token, `query($id: ID!) { experiment(id: $id) {
      name status networkCount layerNames probeImageCount streamVersion legacyStreams
      architectures { architecture seeds networks { name seed untrained finalValAccuracy metrics { epoch valAccuracy } } }
      all: networks(includeUntrained: true) { totalCount edges { node { name untrained } } }
      wide: networks(architecture: "wide") { totalCount }
    } }`, { id: seeded.experimentId });
    const e = d.experiment;
    expect(e.status).toBe('COMPLETED');
    expect(e.networkCount).toBe(4);
    expect(e.layerNames).toEqual(['conv1', 'fc1']);
    expect(e.probeImageCount).toBe(12);
    // A row stored without a stream version (as every row from before the field) reads as the legacy streams.
    expect([e.streamVersion, e.legacyStreams]).toEqual([1, true]);
    expect(e.architectures.map((g: any) => [g.architecture, g.seeds])).toEqual([
      ['small', [0, 1, 2]],
      ['wide', [0]],
    ]);
    expect(e.architectures[0].networks[1].finalValAccuracy).toBeCloseTo(0.81, 12);
    expect(e.architectures[0].networks[0].metrics).toEqual([{ epoch: 1, valAccuracy: 0.6 }, { epoch: 2, valAccuracy: 0.8 }]);
    expect(e.all.totalCount).toBe(5);
    expect(e.all.edges.filter((x: any) => x.node.untrained).map((x: any) => x.node.name)).toEqual(['small-untrained']);
    expect(e.wide.totalCount).toBe(1);
  });

  it('network -> layers -> units pages through every unit with its stats and top images', async () => {
    const q = `query($id: ID!, $after: String) { network(id: $id) { architecture layers { name index kind unitCount shape deadCount
      units(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id index mean std dead topImages { rank imageIndex y x activation url } topImagesSpriteUrl } } } } } }`;
    const first = await ok(url(), A.token, q, { id: net(3).id });
    const conv = first.network.layers[0];
    expect(first.network.architecture).toBe('wide');
    expect(conv).toMatchObject({ name: 'conv1', index: 0, kind: 'conv', unitCount: 6, shape: [4, 4, 6], deadCount: 1 });
    expect(conv.units.totalCount).toBe(6);
    const all = conv.units.edges.map((e: any) => e.node);
    const second = await ok(url(), A.token, q, { id: net(3).id, after: conv.units.pageInfo.endCursor });
    all.push(...second.network.layers[0].units.edges.map((e: any) => e.node));
    expect(second.network.layers[0].units.pageInfo.hasNextPage).toBe(false);
    expect(all.map((u: any) => u.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(all.map((u: any) => u.id)).toEqual(net(3).layers['conv1']!.unitIds.map(String));
    for (const u of all) {
      expect(u.mean).toBeCloseTo(3 + u.index / 100, 12);
      expect(u.dead).toBe(u.index === 5);
      expect(u.topImages.map((t: any) => t.imageIndex)).toEqual([0, 1, 2].map((r) => (u.index + r) % 12));
      expect(u.topImages[1]).toMatchObject({ rank: 1, y: 1, x: 1, activation: 9 });
    }
  });

  it('serves probe images and top-image sprites as PNG with the planted pixels', async () => {
    const d = await ok(url(), A.token, 'query($id: ID!) { unit(id: $id) { index topImages { imageIndex url } topImagesSpriteUrl } }', { id: String(net(0).layers['fc1']!.unitIds[1]) });
    const img = await fetchBytes(d.unit.topImages[0].url);
    expect(img.status).toBe(200);
    expect(img.type).toBe('image/png');
    const png = readPng(img.bytes);
    const k = d.unit.topImages[0].imageIndex;
    expect([png.width, png.height, png.channels]).toEqual([8, 8, 1]);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) expect(png.pixels[y * 8 + x]).toBe((7 * k + 8 * y + x) % 256);
    const scaled = readPng((await fetchBytes(`${d.unit.topImages[0].url}&scale=3`)).bytes);
    expect([scaled.width, scaled.height]).toEqual([24, 24]);
    expect(scaled.pixels[(3 * 2 + 1) * 24 + 3 * 5 + 2]).toBe((7 * k + 8 * 2 + 5) % 256);
    // Sprite: 3 tiles of 8 px separated by 2 px, RGB; fc1's receptive field covers the whole image (no outline).
    const sprite = readPng((await fetchBytes(d.unit.topImagesSpriteUrl)).bytes);
    expect([sprite.width, sprite.height, sprite.channels]).toEqual([28, 8, 3]);
    d.unit.topImages.forEach((t: any, r: number) => {
      const x0 = r * 10;
      expect(sprite.pixels[(3 * 28 + x0 + 4) * 3]).toBe((7 * t.imageIndex + 8 * 3 + 4) % 256);
    });
    // A conv unit's sprite outlines its receptive field in red: top image 0 has its maximum at (0, 0), field
    // size 3, stride 2, offset -1 -> rows/cols 0..1 (clipped), so pixel (1, 1) is red and (4, 4) is not.
    const conv = await ok(url(), A.token, 'query($id: ID!) { unit(id: $id) { topImagesSpriteUrl } }', { id: String(net(0).layers['conv1']!.unitIds[0]) });
    const cs = readPng((await fetchBytes(conv.unit.topImagesSpriteUrl)).bytes);
    expect(Array.from(cs.pixels.subarray((1 * 28 + 1) * 3, (1 * 28 + 1) * 3 + 3))).toEqual([255, 0, 0]);
    expect(cs.pixels[(4 * 28 + 4) * 3 + 1]).toBe((8 * 4 + 4) % 256);
  });

  it('alignment(A, B) returns the planted matching, summary and matrices; (B, A) answers the inverse', async () => {
    const al = hung(0, 3, 'conv1'); // small (4 units) vs wide (6 units)
    const q = `query($a: ID!, $b: ID!) { alignment(networkA: $a, networkB: $b, layer: "conv1", method: HUNGARIAN) {
      id method status layer networkA { id } networkB { id } layerA { unitCount } layerB { unitCount }
      summary { meanCorr samples unitsA unitsB oneToOneFraction lossPath { penalty } clusters { index } }
      matches(first: 100, includeDead: true) { totalCount edges { node { unitA { index } unitB { index } score correlation mutualInformation } } }
      best: matches(first: 2, order: SCORE_DESC, includeDead: true) { edges { node { unitA { index } score } } }
      worst: matches(first: 1, order: SCORE_ASC, includeDead: true) { edges { node { unitA { index } score } } }
      live: matches(first: 100, order: SCORE_DESC) { totalCount edges { node { unitA { index dead } } } }
      scoreHistogram(bins: 4, includeDead: true) { lower upper count }
      liveHistogram: scoreHistogram(bins: 4) { count }
      betweenUrl withinAUrl withinBUrl matchUrl } }`;
    const fwd = (await ok(url(), A.token, q, { a: net(0).id, b: net(3).id })).alignment;
    expect(fwd.id).toBe(al.id);
    expect([fwd.method, fwd.status, fwd.layer]).toEqual(['HUNGARIAN', 'COMPLETED', 'conv1']);
    expect(fwd.summary).toMatchObject({ samples: 100, unitsA: 4, unitsB: 6, oneToOneFraction: null, lossPath: [], clusters: [] });
    expect(fwd.summary.meanCorr).toBeCloseTo(al.value, 12);
    const planted = plantedMatches(4, 6, al.shift, al.value);
    expect(fwd.matches.totalCount).toBe(4);
    expect(fwd.matches.edges.map((e: any) => [e.node.unitA.index, e.node.unitB.index])).toEqual(planted.map((m) => [m.i, m.j]));
    fwd.matches.edges.forEach((e: any, i: number) => {
      expect(e.node.score).toBeCloseTo(planted[i]!.score, 12);
      expect(e.node.correlation).toBeCloseTo(planted[i]!.score, 12);
      expect(e.node.mutualInformation).toBeNull();
    });
    expect(mean(fwd.matches.edges.map((e: any) => e.node.score))).toBeCloseTo(fwd.summary.meanCorr, 12);
    expect(fwd.best.edges.map((e: any) => e.node.unitA.index)).toEqual([3, 2]);
    expect(fwd.worst.edges.map((e: any) => e.node.unitA.index)).toEqual([0]);
    expect(fwd.scoreHistogram.map((b: any) => b.count).reduce((s: number, c: number) => s + c, 0)).toBe(4);
    expect(fwd.scoreHistogram[0].lower).toBe(-1);
    // By default dead units (the seed makes each layer's last unit dead) are left out: unit 3 of A is never listed.
    expect(fwd.live.totalCount).toBe(3);
    expect(fwd.live.edges.map((e: any) => e.node.unitA.index)).toEqual([2, 1, 0]);
    expect(fwd.liveHistogram.map((b: any) => b.count).reduce((s: number, c: number) => s + c, 0)).toBe(3);

    const between = readNpy((await fetchBytes(fwd.betweenUrl)).bytes);
    expect(between.shape).toEqual([4, 6]);
    expect(Array.from(between.data)).toEqual(Array.from(betweenMatrix(4, 6, al.shift, al.value)));
    const match = readNpy((await fetchBytes(fwd.matchUrl)).bytes);
    expect(Array.from(match.data)).toEqual(planted.map((m) => m.j));
    const withinA = readNpy((await fetchBytes(fwd.withinAUrl)).bytes);
    expect(withinA.shape).toEqual([4, 4]);
    expect(withinA.data[1 * 4 + 2]).toBeCloseTo(withinValue(1, 2), 6);

    const rev = (await ok(url(), A.token, q, { a: net(3).id, b: net(0).id })).alignment;
    expect(rev.id).toBe(al.id);
    expect([rev.networkA.id, rev.networkB.id]).toEqual([net(3).id, net(0).id]);
    expect([rev.layerA.unitCount, rev.layerB.unitCount, rev.summary.unitsA, rev.summary.unitsB]).toEqual([6, 4, 6, 4]);
    // The inverse of the matching: B's unit perm(i) -> i; wide units not hit by the matching are left out.
    const inverse = planted.map((m) => [m.j, m.i]).sort((x, y) => x[0]! - y[0]!);
    expect(rev.matches.edges.map((e: any) => [e.node.unitA.index, e.node.unitB.index])).toEqual(inverse);
    const betweenT = readNpy((await fetchBytes(rev.betweenUrl)).bytes);
    expect(betweenT.shape).toEqual([6, 4]);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 6; j++) expect(betweenT.data[j * 4 + i]).toBe(between.data[i * 6 + j]);
    const matchT = readNpy((await fetchBytes(rev.matchUrl)).bytes);
    const expectT = new Array(6).fill(-1);
    for (const m of planted) expectT[m.j] = m.i;
    expect(Array.from(matchT.data)).toEqual(expectT);
  });

  it('semi-matching reads B\'s own best matches when asked from B\'s side; sparse path and clusters come oriented', async () => {
    const q = `query($a: ID!, $b: ID!, $m: AlignmentMethod!) { alignment(networkA: $a, networkB: $b, layer: "fc1", method: $m) {
      summary { meanCorr oneToOneFraction lossPath { penalty meanLoss meanLossHeldOut meanNonzero } mixedClusterFraction ckaLinear ckaDebiased
        clusters { index size countA countB mixed unitsA { index } unitsB { index } } }
      matches(first: 10, includeDead: true) { edges { node { unitA { index } unitB { index } } } } } }`;
    const semi = seeded.alignments.find((x) => x.a === 1 && x.b === 2 && x.layer === 'fc1' && x.method === 'SEMI')!;
    const fromB = (await ok(url(), A.token, q, { a: net(2).id, b: net(1).id, m: 'SEMI' })).alignment;
    expect(fromB.summary.oneToOneFraction).toBe(1);
    expect(fromB.summary.meanCorr).toBeCloseTo(semi.value, 12);
    const planted = plantedMatches(3, 3, semi.shift, semi.value);
    expect(fromB.matches.edges.map((e: any) => [e.node.unitA.index, e.node.unitB.index])).toEqual(planted.map((m) => [m.j, m.i]).sort((x, y) => x[0]! - y[0]!));

    const sparse = seeded.alignments.find((x) => x.a === 1 && x.b === 2 && x.layer === 'fc1' && x.method === 'SPARSE')!;
    const sp = (await ok(url(), A.token, q, { a: net(1).id, b: net(2).id, m: 'SPARSE' })).alignment;
    expect(sp.summary.lossPath).toEqual([
      { penalty: 0.01, meanLoss: 0.2, meanLossHeldOut: 0.25, meanNonzero: 2 },
      { penalty: 0.1, meanLoss: 1 - sparse.value, meanLossHeldOut: null, meanNonzero: 1 },
    ]);
    const spec = (await ok(url(), A.token, q, { a: net(1).id, b: net(2).id, m: 'SPECTRAL' })).alignment;
    const specRev = (await ok(url(), A.token, q, { a: net(2).id, b: net(1).id, m: 'SPECTRAL' })).alignment;
    const shift = pairShift(1, 2);
    expect(spec.summary.clusters[0]).toMatchObject({ index: 0, size: 4, countA: 2, countB: 2, mixed: true });
    expect(spec.summary.clusters[0].unitsA.map((u: any) => u.index)).toEqual([0, 2]);
    expect(spec.summary.clusters[0].unitsB.map((u: any) => u.index)).toEqual([0, 2].map((i) => perm(i, shift, 3)).sort());
    expect(specRev.summary.clusters[0].unitsA).toEqual(spec.summary.clusters[0].unitsB);
    expect(specRev.summary.clusters[0]).toMatchObject({ countA: 2, countB: 2 });
    const cka = (await ok(url(), A.token, q, { a: net(1).id, b: net(2).id, m: 'CKA' })).alignment;
    const ckaVal = seeded.alignments.find((x) => x.a === 1 && x.b === 2 && x.layer === 'fc1' && x.method === 'CKA')!.value;
    expect(cka.summary.ckaLinear).toBeCloseTo(ckaVal, 12);
    expect(cka.summary.ckaDebiased).toBeCloseTo(ckaVal - 0.05, 12);
    // Not computed (no MI alignments seeded): null, not an error.
    expect((await ok(url(), A.token, q, { a: net(1).id, b: net(2).id, m: 'MI' })).alignment).toBeNull();
  });

  it('difference.npy against the reference: 0 off the diagonal, 1 - matched score on it', async () => {
    const al = hung(0, 1, 'conv1');
    const d = await ok(url(), A.token, `query($r: ID!, $o: [ID!]!) { compare(kind: NETWORK, reference: $r, others: $o) {
      kind method reference { id name accuracy network { id } experiment { id } }
      entries { subject { id accuracy } accuracyDelta configDiff { path reference value } layers { layer value referenceValue delta alignment { id } differenceUrl } } } }`, {
      r: net(0).id,
      o: [net(1).id, net(3).id],
    });
    const c = d.compare;
    expect(c.reference).toMatchObject({ id: net(0).id, name: 'small-s0', experiment: null });
    const [e1, e3] = c.entries;
    expect(e1.configDiff).toEqual([{ path: 'seed', reference: 0, value: 1 }]);
    expect(e3.configDiff.map((x: any) => x.path)).toEqual(['architecture', 'spec.name', 'spec.width']);
    expect(e1.accuracyDelta).toBeCloseTo(0.01, 12);
    expect(e1.layers.map((l: any) => l.layer)).toEqual(['conv1', 'fc1']);
    expect(e1.layers[0].value).toBeCloseTo(al.value, 12);
    expect(e1.layers[0].alignment.id).toBe(al.id);
    const diff = readNpy((await fetchBytes(e1.layers[0].differenceUrl)).bytes);
    expect(diff.shape).toEqual([4, 4]);
    const planted = plantedMatches(4, 4, al.shift, al.value);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(diff.data[i * 4 + j]).toBeCloseTo(i === j ? 1 - planted[i]!.score : 0, 6);

    // Across experiments the diff also names every experiment-level setting that differs (name, probe images, ...).
    const across = await ok(url(), A.token, 'query($r: ID!, $o: [ID!]!) { compare(kind: NETWORK, reference: $r, others: $o) { entries { configDiff { path reference value } layers { alignment { id } } } } }', {
      r: net(0).id,
      o: [tiny.networks[0]!.id],
    });
    const acrossDiff = across.compare.entries[0].configDiff;
    expect(acrossDiff).toEqual(
      expect.arrayContaining([
        { path: 'experiment.name', reference: 'family', value: 'tiny' },
        { path: 'seed', reference: 0, value: 5 },
      ]),
    );
    expect(acrossDiff.every((d: any) => d.path === 'seed' || d.path.startsWith('experiment.'))).toBe(true);
    expect(across.compare.entries[0].layers.every((l: any) => l.alignment === null)).toBe(true);
  });

  it('unit.bestMatches finds the matched unit in every other trained network, from either side, with sparse weights', async () => {
    const q = `query($id: ID!) { unit(id: $id) { index network { id } bestMatches(method: HUNGARIAN) {
      network { id } alignment { id networkA { id } } unit { index network { id } } correlation mutualInformation
      sparseWeights { penalty weight unit { index network { id } } } } } }`;
    // Unit 1 of small-s2's conv1: on side B for partners 0 and 1, on side A for partner 3.
    const d = await ok(url(), A.token, q, { id: String(net(2).layers['conv1']!.unitIds[1]) });
    const matches = d.unit.bestMatches;
    expect(matches.map((m: any) => m.network.id)).toEqual([net(0).id, net(1).id, net(3).id]);
    for (const m of matches) expect(m.alignment.networkA.id).toBe(net(2).id);
    for (const [k, partner] of [0, 1].entries()) {
      const al = hung(partner, 2, 'conv1');
      const i = plantedMatches(4, 4, al.shift, al.value).find((x) => x.j === 1)!;
      expect(matches[k].unit.index).toBe(i.i);
      expect(matches[k].unit.network.id).toBe(net(partner).id);
      expect(matches[k].correlation).toBeCloseTo(i.score, 12);
      // Sparse prediction of this unit from the partner: A's unit perm^-1(1) with weight 0.9 first, at the
      // middle penalty (0.01 of [0.01, 0.1]) also unit 0 with -0.05 (unless it is the same unit).
      expect(matches[k].sparseWeights[0]).toMatchObject({ penalty: 0.01, weight: 0.9, unit: { index: i.i, network: { id: net(partner).id } } });
      expect(matches[k].sparseWeights.length).toBe(i.i === 0 ? 1 : 2);
    }
    const al3 = hung(2, 3, 'conv1');
    expect(matches[2].unit.index).toBe(perm(1, al3.shift, 6));
    expect(matches[2].sparseWeights).toEqual([]); // sparse stored as (small-s2 -> wide): this unit is a source there
  });

  it('layerConvergence averages the planted pair values per layer, split by architecture, with the chance level', async () => {
    const d = await ok(url(), A.token, `query($id: ID!) { layerConvergence(experimentId: $id, method: HUNGARIAN) {
      layer method all { pairCount mean std min max } sameArchitecture { pairCount mean } crossArchitecture { pairCount mean }
      chance { value source architecture } } experiment(id: $id) { convergence(method: CKA) { layer all { pairCount mean } chance { value } }
      chanceBaselines { layer method value source } } }`, { id: seeded.experimentId });
    const rows = d.layerConvergence;
    expect(rows.map((r: any) => r.layer)).toEqual(['conv1', 'fc1']);
    for (const r of rows) {
      const vals = seeded.alignments.filter((x) => x.method === 'HUNGARIAN' && x.layer === r.layer && !net(x.a).untrained && !net(x.b).untrained);
      const same = vals.filter((x) => net(x.a).arch === net(x.b).arch).map((x) => x.value);
      const cross = vals.filter((x) => net(x.a).arch !== net(x.b).arch).map((x) => x.value);
      const all = vals.map((x) => x.value);
      expect(r.all.pairCount).toBe(6);
      expect(r.all.mean).toBeCloseTo(mean(all), 12);
      expect(r.all.std).toBeCloseTo(sampleStd(all), 12);
      expect(r.all.min).toBeCloseTo(Math.min(...all), 12);
      expect(r.all.max).toBeCloseTo(Math.max(...all), 12);
      expect([r.sameArchitecture.pairCount, r.crossArchitecture.pairCount]).toEqual([3, 3]);
      expect(r.sameArchitecture.mean).toBeCloseTo(mean(same), 12);
      expect(r.crossArchitecture.mean).toBeCloseTo(mean(cross), 12);
    }
    // conv1 has a stored baseline (0.05); fc1 falls back to the untrained-twin alignment (0.1 + 0.01).
    expect(rows[0].chance).toEqual({ value: 0.05, source: 'untrained', architecture: null });
    expect(rows[1].chance.value).toBeCloseTo(0.11, 12);
    expect(d.experiment.convergence[0].all.pairCount).toBe(6);
    expect(d.experiment.convergence[0].chance.value).toBeCloseTo(0.1, 12);
    expect(d.experiment.chanceBaselines).toEqual([{ layer: 'conv1', method: 'HUNGARIAN', value: 0.05, source: 'untrained' }]);
  });

  it('compare(EXPERIMENT) diffs specs and per-layer means against the reference', async () => {
    const d = await ok(url(), A.token, `query($r: ID!, $o: [ID!]!) { compare(kind: EXPERIMENT, reference: $r, others: $o) {
      reference { name accuracy experiment { id } } entries { subject { name } accuracyDelta configDiff { path } layers { layer value referenceValue delta alignment { id } differenceUrl } } } }`, {
      r: seeded.experimentId,
      o: [tiny.experimentId],
    });
    const c = d.compare;
    expect(c.reference.accuracy).toBeCloseTo(mean([0.8, 0.81, 0.82, 0.83]), 12);
    const e = c.entries[0];
    expect(e.configDiff.map((x: any) => x.path)).toEqual(['architectures[1]', 'name', 'seeds[0]', 'seeds[1]', 'seeds[2]']);
    const conv = e.layers.find((l: any) => l.layer === 'conv1');
    const refConv = mean(seeded.alignments.filter((x) => x.method === 'HUNGARIAN' && x.layer === 'conv1' && !net(x.a).untrained && !net(x.b).untrained).map((x) => x.value));
    expect(conv.referenceValue).toBeCloseTo(refConv, 12);
    expect(conv.value).toBeCloseTo(tiny.alignments[0]!.value, 12);
    expect(conv.delta).toBeCloseTo(conv.value - conv.referenceValue, 12);
    expect(e.layers.find((l: any) => l.layer === 'fc1')).toMatchObject({ value: null, delta: null, alignment: null, differenceUrl: null });
  });

  it('jobs are listed per team with progress fields', async () => {
    const d = await ok(url(), A.token, `query($id: ID!, $e: ID!) { job(id: $id) { id kind status fraction etaSeconds phase attempts experiment { id } network { id } }
      jobs(experimentId: $e) { totalCount edges { node { id } } } experiment(id: $e) { progress jobs { totalCount } } }`, { id: jobId, e: seeded.experimentId });
    expect(d.job).toMatchObject({ id: jobId, kind: 'ALIGN', status: 'COMPLETED', fraction: 1, experiment: { id: seeded.experimentId }, network: null });
    expect(d.jobs.totalCount).toBe(1);
    expect(d.experiment.progress).toBe(1);
    expect((await ok(url(), B.token, '{ jobs { totalCount } }')).jobs.totalCount).toBe(0);
  });

  it('another team\'s ids answer NOT_FOUND on every query and mutation', async () => {
    const al = hung(0, 1, 'conv1');
    const unitId = String(net(0).layers['conv1']!.unitIds[0]);
    const layerId = net(0).layers['conv1']!.id;
    const cases: [string, Record<string, unknown>][] = [
      ['query($id: ID!) { experiment(id: $id) { id } }', { id: seeded.experimentId }],
      ['query($id: ID!) { network(id: $id) { id } }', { id: net(0).id }],
      ['query($id: ID!) { layer(id: $id) { id } }', { id: layerId }],
      ['query($id: ID!) { unit(id: $id) { id } }', { id: unitId }],
      ['query($id: ID!) { alignmentById(id: $id) { id } }', { id: al.id }],
      ['query($a: ID!, $b: ID!) { alignment(networkA: $a, networkB: $b, layer: "conv1") { id } }', { a: net(0).id, b: net(1).id }],
      ['query($a: ID!, $b: ID!) { alignment(networkA: $a, networkB: $b, layer: "conv1") { id } }', { a: other.networks[0]!.id, b: net(1).id }],
      ['query($id: ID!) { layerConvergence(experimentId: $id) { layer } }', { id: seeded.experimentId }],
      ['query($r: ID!, $o: [ID!]!) { compare(kind: NETWORK, reference: $r, others: $o) { kind } }', { r: net(0).id, o: [net(1).id] }],
      ['query($r: ID!, $o: [ID!]!) { compare(kind: NETWORK, reference: $r, others: $o) { kind } }', { r: other.networks[0]!.id, o: [net(1).id] }],
      ['query($r: ID!, $o: [ID!]!) { compare(kind: EXPERIMENT, reference: $r, others: $o) { kind } }', { r: other.experimentId, o: [seeded.experimentId] }],
      ['query($id: ID!) { job(id: $id) { id } }', { id: jobId }],
      ['query($id: ID!) { jobs(experimentId: $id) { totalCount } }', { id: seeded.experimentId }],
      ['mutation($id: ID!) { deleteExperiment(id: $id) { deleted } }', { id: seeded.experimentId }],
      ['mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: jobId }],
      ['mutation($id: ID!) { retryJob(id: $id) { id } }', { id: jobId }],
      ['mutation($a: ID!, $b: ID!) { alignNetworks(input: { a: $a, b: $b }) { layers } }', { a: net(0).id, b: net(1).id }],
      ['mutation($a: ID!, $b: ID!) { alignNetworks(input: { a: $a, b: $b }) { layers } }', { a: other.networks[0]!.id, b: net(1).id }],
    ];
    for (const [query, vars] of cases) {
      expect(await codes(url(), B.token, query, vars), query).toEqual(['NOT_FOUND']);
    }
    // Unknown ids look exactly the same.
    expect(await codes(url(), A.token, '{ experiment(id: "nope") { id } }')).toEqual(['NOT_FOUND']);
    expect(await codes(url(), A.token, '{ unit(id: "99999999") { id } }')).toEqual(['NOT_FOUND']);
    expect(await codes(url(), A.token, '{ unit(id: "x1") { id } }')).toEqual(['NOT_FOUND']);
    // Nothing was deleted by team B's attempt.
    expect((await ok(url(), A.token, 'query($id: ID!) { experiment(id: $id) { id } }', { id: seeded.experimentId })).experiment.id).toBe(seeded.experimentId);
  });

  it('file routes check the token\'s team, signatures and credentials', async () => {
    const d = await ok(url(), A.token, `query($a: ID!, $b: ID!, $u: ID!) { alignment(networkA: $a, networkB: $b, layer: "conv1") { id betweenUrl withinAUrl matchUrl }
      unit(id: $u) { id topImagesSpriteUrl topImages { url } } experiment(id: "${seeded.experimentId}") { probeImageUrl } }`, {
      a: net(0).id,
      b: net(1).id,
      u: String(net(0).layers['conv1']!.unitIds[0]),
    });
    const strip = (u: string) => u.split('?')[0]!;
    const routes = [
      strip(d.alignment.betweenUrl),
      strip(d.alignment.withinAUrl),
      strip(d.alignment.matchUrl),
      strip(d.unit.topImagesSpriteUrl),
      strip(d.unit.topImages[0].url),
      `${url()}/files/alignments/${d.alignment.id}/difference.npy`,
    ];
    expect(d.experiment.probeImageUrl).toContain(`/files/probe/${seeded.experimentId}/{index}.png?sig=`);
    for (const r of routes) {
      expect((await fetchBytes(r)).status, r).toBe(401); // no credentials
      expect((await fetchBytes(r, { authorization: 'Bearer cvg_wrong' })).status, r).toBe(401);
      expect((await fetchBytes(r, { authorization: `Bearer ${B.token}` })).status, r).toBe(404); // another team
      expect((await fetchBytes(r, { authorization: `Bearer ${A.token}` })).status, r).toBe(200);
      // Tokens never ride in URLs (history, logs, Referer): refused even when valid.
      const inUrl = await fetchBytes(`${r}?token=${encodeURIComponent(A.token)}`);
      expect(inUrl.status, r).toBe(401);
      expect(inUrl.bytes.toString(), r).toMatch(/tokens are not accepted in URLs/);
    }
    // A signature only opens the object it was issued for.
    const sig = new URL(d.alignment.betweenUrl).searchParams.get('sig')!;
    const otherAlignment = hung(0, 2, 'conv1').id;
    expect((await fetchBytes(`${url()}/files/alignments/${otherAlignment}/between.npy?sig=${sig}`)).status).toBe(401);
    expect((await fetchBytes(`${url()}/files/alignments/${d.alignment.id}/between.npy?sig=${sig.slice(0, -2)}xx`)).status).toBe(401);
    expect((await fetchBytes(d.alignment.betweenUrl)).status).toBe(200);
    expect((await fetchBytes(`${url()}/files/nothing/here/x.npy`, { authorization: `Bearer ${A.token}` })).status).toBe(404);
  });

  it('serves a network\'s weights as a loadable tfjs model (signed shard paths), only to its team', async () => {
    const d = await ok(url(), A.token, 'query($a: ID!, $b: ID!) { a: network(id: $a) { weightsUrl } b: network(id: $b) { weightsUrl } }', { a: net(0).id, b: net(1).id });
    expect(d.b.weightsUrl).toBeNull();
    const model = JSON.parse((await fetchBytes(d.a.weightsUrl)).bytes.toString('utf8'));
    const shard = new URL(model.weightsManifest[0].paths[0], d.a.weightsUrl).toString(); // how tfjs resolves it
    const weights = await fetchBytes(shard);
    expect(weights.status).toBe(200);
    expect(Array.from(weights.bytes)).toEqual([1, 2, 3, 4, 5]);
    const bare = d.a.weightsUrl.split('?')[0];
    expect((await fetchBytes(bare, { authorization: `Bearer ${B.token}` })).status).toBe(404);
    expect((await fetchBytes(bare)).status).toBe(401);
  });

  it('bad input gets coded errors: depth, cost, paging, spec, import paths, job state', async () => {
    const deep = '{ unit(id: "1") { layer { network { experiment { networks { edges { node { layers { units { edges { node { layer { network { id } } } } } } } } } } } } } }';
    const r = await gql(url(), A.token, deep);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(r.status).toBe(400);
    const complex = await codes(url(), A.token, '{ experiments(first: 1000) { edges { node { networks(first: 1000) { edges { node { layers { units(first: 1000) { edges { node { id mean } } } } } } } } } } }');
    expect(complex).toEqual(['QUERY_TOO_COMPLEX']);
    // Cost uses variables too.
    expect(await codes(url(), A.token, 'query($n: Int) { experiments(first: $n) { edges { node { networks(first: $n) { edges { node { layers { units(first: $n) { edges { node { id } } } } } } } } } } }', { n: 1000 })).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await codes(url(), A.token, '{ experiments(first: 5000) { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes(url(), A.token, '{ experiments(first: -1) { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes(url(), A.token, '{ experiments(after: "garbage") { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes(url(), A.token, '{ experiment(id: 5) { id nope } }')).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    const before = await db.prisma.experiment.count();
    const bad = await gql(url(), A.token, 'mutation($s: JSON!) { createExperiment(input: { name: "x", spec: $s }) { experiment { id } } }', { s: { dataset: 42, seeds: 'many' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/Invalid experiment spec/);
    expect(await codes(url(), A.token, 'mutation { createExperiment(input: { name: "x", spec: "not an object" }) { experiment { id } } }')).toEqual(['BAD_USER_INPUT']);
    expect(await db.prisma.experiment.count()).toBe(before);

    expect(await codes(url(), A.token, 'mutation { importResult(input: { path: "/etc" }) { experiment { id } } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes(url(), A.token, 'mutation { importResult(input: { path: "relative/dir" }) { experiment { id } } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes(url(), A.token, 'mutation($p: String!) { importResult(input: { path: $p }) { experiment { id } } }', { p: path.join(importRoot, 'missing') })).toEqual(['BAD_USER_INPUT']);
    expect(
      await codes(url(), A.token, 'mutation($p: String!) { importActivations(input: { name: "x", networks: [{ name: "a", architecture: "m", seed: 0, layers: [{ name: "l", path: $p }] }] }) { experiment { id } } }', { p: '/etc/passwd' }),
    ).toEqual(['BAD_USER_INPUT']); // fewer than 2 networks
    expect(await codes(url(), A.token, 'mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: jobId })).toEqual(['BAD_USER_INPUT']); // already completed
  });

  it('createExperiment validates with the engine, queues its job; cancelJob / retryJob move it; importActivations queues alignment', async () => {
    const spec = {
      name: 'api-test',
      dataset: 'fashion-mnist',
      split: { seed: 1, validation: 500, probe: 200 },
      architectures: ['lenet'],
      seeds: [1, 2],
      training: { epochs: 1, batchSize: 64, optimizer: 'adam', learningRate: 0.002, dataOrder: 'per-network' },
    };
    const created = await ok(url(), A.token, `mutation($s: JSON!) { createExperiment(input: { name: "queued", spec: $s }) {
      experiment { id name status dataset probeImageCount spec streamVersion legacyStreams } jobs { id kind status experiment { id } } } }`, { s: spec });
    const exp = created.createExperiment.experiment;
    // Trained by this engine: its random streams (version 2, independent per network), not labelled legacy.
    expect(exp).toMatchObject({ name: 'queued', status: 'QUEUED', dataset: 'fashion-mnist', probeImageCount: 200, streamVersion: 2, legacyStreams: false });
    expect((exp.spec as { seeds: number[] }).seeds).toEqual([1, 2]);
    expect((exp.spec as { training: { dataOrder: string } }).training.dataOrder).toBe('per-network');
    // The engine's validator names a bad data order by its JSON path.
    const badOrder = await gql(url(), A.token, 'mutation($s: JSON!) { createExperiment(input: { name: "order", spec: $s }) { experiment { id } } }', {
      s: { ...spec, training: { ...spec.training, dataOrder: 'random' } },
    });
    expect(badOrder.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badOrder.errors?.[0]?.message).toMatch(/training\.dataOrder must be one of shared, per-network/);
    const [job] = created.createExperiment.jobs;
    expect(job).toMatchObject({ kind: 'EXPERIMENT', status: 'QUEUED', experiment: { id: exp.id } });
    // The same name and spec again is refused, naming the existing experiment.
    const again = await gql(url(), A.token, 'mutation($s: JSON!) { createExperiment(input: { name: "queued", spec: $s }) { experiment { id } } }', { s: spec });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', existingId: exp.id });
    // validateSpec runs the same checks without writing: the valid spec is ok (with what it would train), a misspelt
    // dataset is named, an engine problem comes by JSON path, and the files rule applies too.
    const countBefore = await db.prisma.experiment.count();
    const v = (n: string, s: unknown) => ok(url(), A.token, 'query($n: String!, $s: JSON!) { validateSpec(name: $n, spec: $s) { ok problems networkCount methods } }', { n, s });
    expect((await v('fresh', spec)).validateSpec).toEqual({ ok: true, problems: [], networkCount: 2, methods: ['semi', 'max', 'mi', 'cka', 'sparse', 'spectral'] });
    const typo = (await v('fresh', { ...spec, dataset: 'fashion_mnist' })).validateSpec;
    expect(typo).toMatchObject({ ok: false, networkCount: null });
    expect(typo.problems).toEqual([expect.stringMatching(/^dataset "fashion_mnist" is not a built-in dataset; use one of mnist, fashion-mnist/)]);
    expect((await v('fresh', { ...spec, training: { ...spec.training, epochs: 0 } })).validateSpec.problems).toEqual([expect.stringMatching(/^training\.epochs /)]);
    expect((await v(' ', spec)).validateSpec.problems).toEqual(['name must be 1 to 200 characters']);
    expect((await v('files', { ...spec, dataset: { npy: { images: '/etc/hosts', labels: '/etc/hosts' } } })).validateSpec.ok).toBe(false);
    expect(await codes(url(), A.token, 'mutation($s: JSON!) { createExperiment(input: { name: "typo", spec: $s }) { experiment { id } } }', { s: { ...spec, dataset: 'fashion_mnist' } })).toEqual(['BAD_USER_INPUT']);
    expect(await db.prisma.experiment.count()).toBe(countBefore);
    const options = (await ok(url(), A.token, '{ specOptions { datasets architectures methods defaultMethods optimizers } }')).specOptions;
    expect(options.datasets).toEqual(['mnist', 'fashion-mnist']);
    expect(options.architectures).toEqual(expect.arrayContaining(['lenet', 'lenet-x2', 'lenet-deep', 'rescnn', 'mlp']));
    // A dataset given as files must lie inside the import roots.
    expect(await codes(url(), A.token, 'mutation($s: JSON!) { createExperiment(input: { name: "files", spec: $s }) { experiment { id } } }', {
      s: { ...spec, dataset: { npy: { images: '/etc/hosts', labels: '/etc/hosts' } } },
    })).toEqual(['BAD_USER_INPUT']);

    expect(await codes(url(), A.token, 'mutation($id: ID!) { retryJob(id: $id) { id } }', { id: job.id })).toEqual(['BAD_USER_INPUT']); // still queued
    const cancelled = await ok(url(), A.token, 'mutation($id: ID!) { cancelJob(id: $id) { id status } }', { id: job.id });
    expect(cancelled.cancelJob.status).toBe('CANCELLED');
    expect((await ok(url(), A.token, 'query($id: ID!) { experiment(id: $id) { status } }', { id: exp.id })).experiment.status).toBe('CANCELLED');
    const retried = await ok(url(), A.token, 'mutation($id: ID!) { retryJob(id: $id) { id status } }', { id: job.id });
    expect(retried.retryJob.status).toBe('QUEUED');
    expect(await codes(url(), B.token, 'mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: job.id })).toEqual(['NOT_FOUND']);

    // External activations: two networks, one layer each, as .npy files under the import root.
    const files = [0, 1].map((k) => {
      const f = path.join(importRoot, `act${k}.npy`);
      const data = Float32Array.from({ length: 20 * 3 }, (_, i) => Math.sin(i * (k + 1)));
      writeFileSync(f, npy(data, [20, 3]));
      return f;
    });
    const imp = await ok(url(), A.token, `mutation($a: String!, $b: String!) { importActivations(input: { name: "ext", methods: [HUNGARIAN], networks: [
      { name: "a", architecture: "mlp", seed: 0, layers: [{ name: "h", path: $a }] },
      { name: "b", architecture: "mlp", seed: 1, layers: [{ name: "h", path: $b }] }] }) {
      experiment { id source status legacyStreams networks(includeUntrained: true) { totalCount edges { node { name status } } } } job { kind status } } }`, { a: files[0], b: files[1] });
    // Networks trained elsewhere: their random streams are not ours, never labelled legacy.
    expect(imp.importActivations.experiment).toMatchObject({ source: 'ACTIVATIONS', legacyStreams: false, networks: { totalCount: 2 } });
    expect(imp.importActivations.experiment.networks.edges.map((e: any) => e.node.status)).toEqual(['IMPORTED', 'IMPORTED']);
    expect(imp.importActivations.job).toMatchObject({ kind: 'ALIGN', status: 'QUEUED' });
    expect(await codes(url(), A.token, `mutation($a: String!) { importActivations(input: { name: "ext2", networks: [
      { name: "a", architecture: "mlp", seed: 0, layers: [{ name: "h", path: $a }] },
      { name: "b", architecture: "mlp", seed: 1, layers: [{ name: "h", path: "/etc/hosts.npy" }] }] }) { experiment { id } } }`, { a: files[0] })).toEqual(['BAD_USER_INPUT']); // missing file

    // A result directory that is not one: a coded error, nothing imported.
    mkdirSync(path.join(importRoot, 'not-a-result'), { recursive: true });
    const before = await db.prisma.experiment.count();
    const badImport = await gql(url(), A.token, 'mutation($p: String!) { importResult(input: { path: $p }) { experiment { id } } }', { p: path.join(importRoot, 'not-a-result') });
    expect(badImport.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badImport.errors?.[0]?.message).toMatch(/Cannot import/);
    expect(await db.prisma.experiment.count()).toBe(before);
  });

  it('deleteExperiment removes the team\'s experiment and everything under it', async () => {
    const d = await ok(url(), A.token, 'mutation($id: ID!) { deleteExperiment(id: $id) { id deleted } }', { id: tiny.experimentId });
    expect(d.deleteExperiment).toEqual({ id: tiny.experimentId, deleted: true });
    expect(await codes(url(), A.token, 'query($id: ID!) { experiment(id: $id) { id } }', { id: tiny.experimentId })).toEqual(['NOT_FOUND']);
    expect(await db.prisma.alignment.count({ where: { experimentId: tiny.experimentId } })).toBe(0);
    expect(await db.prisma.unit.count({ where: { layerId: tiny.networks[0]!.layers['conv1']!.id } })).toBe(0);
  });

  it('DataLoaders keep the number of SQL queries independent of the page size (no N+1)', async () => {
    // A second server on the same database whose Prisma client and hot-path reader count the queries they run.
    let count = 0;
    const counted = new Proxy(db.prisma, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === '$queryRaw' || prop === '$queryRawUnsafe') return (...args: unknown[]) => (count++, (value as (...a: unknown[]) => unknown).apply(target, args));
        if (typeof prop === 'string' && !prop.startsWith('$') && value && typeof value === 'object') {
          return new Proxy(value, { get: (t, p) => (typeof t[p] === 'function' ? (...args: unknown[]) => (count++, t[p](...args)) : t[p]) });
        }
        return value;
      },
    });
    const read: typeof db.read = (text, values) => (count++, db.read(text, values));
    const api2 = await startApiServer({ database: { ...db, prisma: counted, read }, port: 0 });
    try {
      const q = `query($a: ID!, $b: ID!, $n: Int!) { alignment(networkA: $a, networkB: $b, layer: "conv1") {
        matches(first: $n, includeDead: true) { edges { node { score unitA { index mean layer { name } network { name } } unitB { index network { name seed } } } } } } }`;
      const sizes = [1, 4];
      const counts: number[] = [];
      for (const n of sizes) {
        await ok(api2.url, A.token, q, { a: net(0).id, b: net(3).id, n }); // warm the token cache
        count = 0;
        const d = await ok(api2.url, A.token, q, { a: net(0).id, b: net(3).id, n });
        expect(d.alignment.matches.edges.length).toBe(n);
        counts.push(count);
      }
      expect(counts[1]).toBe(counts[0]);
      expect(counts[0]).toBeLessThanOrEqual(7);
    } finally {
      await api2.close();
    }
  });

  it('CORS allows the dashboard origin only, exactly; every answer carries Referrer-Policy: no-referrer', async () => {
    const pre = await fetch(`${url()}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    // Any other origin, other local ports and localhost included (they used to pass), gets no CORS headers.
    for (const origin of ['https://evil.example', 'http://localhost:3000', 'http://127.0.0.1:8080', 'http://127.0.0.1:3000.evil.example', 'null']) {
      const other = await fetch(`${url()}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(other.headers.get('access-control-allow-origin'), origin).toBeNull();
      const post = await fetch(`${url()}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${A.token}` }, body: '{"query":"{ viewer { tokenName } }"}' });
      expect(post.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    for (const r of [await fetch(`${url()}/health`), await fetch(`${url()}/graphql`), await fetch(`${url()}/files/units/1/top.png`)]) {
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
