// On-demand alignment across experiments, over HTTP with the API's embedded worker, on PGlite and PostgreSQL: two
// experiments imported from copies of one real result (the same trained weights, the same probe images), so the
// on-demand alignment of network x of the first with network y of the second must give the numbers the pipeline
// stored for x and y inside the first. Incompatible pairs answer BAD_USER_INPUT with every reason; another team
// can neither see nor queue the alignment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runExperiment } from '@convergent/engine/steps';
import { MANIFEST_FILE } from '@convergent/engine/contracts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../src/db/test-databases.ts';
import { startApiServer, type ApiServer } from '../src/http/server.ts';
import { importResult } from '../src/import/import-result.ts';
import { tinyData, tinySpec } from '../src/import/test-fixtures/tiny-experiment.ts';
import { seedTeam } from './seed.ts';
import { codes, gql, ok } from './helpers.ts';

let root: string;
let resultDir: string;
let copyDir: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cv-align-networks-'));
  resultDir = path.join(root, 'result');
  await runExperiment(tinySpec({ name: 'first', chance: false }), { out: resultDir, data: tinyData(), concurrency: 1 });
  // The same result under another name: another experiment with the same weights and probe images.
  copyDir = path.join(root, 'copy');
  cpSync(resultDir, copyDir, { recursive: true });
  // (A trailing newline changes the manifest's hash, the identity of an import, not its content.)
  writeFileSync(path.join(copyDir, MANIFEST_FILE), `${readFileSync(path.join(copyDir, MANIFEST_FILE), 'utf8')}\n`);
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const ALIGN = `mutation($a: ID!, $b: ID!, $layers: [String!]) { alignNetworks(input: { a: $a, b: $b, layers: $layers }) { layers job { id kind status } } }`;
const COMPARE = `query($ref: ID!, $other: ID!) { compare(kind: NETWORK, reference: $ref, others: [$other]) { entries {
  crossAlignment { alignable reasons layers job { id status } }
  layers { layer value alignment { id } } } } }`;
const PAIR = `query($a: ID!, $b: ID!, $layer: String!, $method: AlignmentMethod!) { alignment(networkA: $a, networkB: $b, layer: $layer, method: $method) {
  id experiment { id } crossExperiment { id } networkA { id } networkB { id } parameters
  summary { samples unitsA unitsB meanCorr oneToOneFraction meanMI ckaLinear ckaDebiased lossPath { penalty meanLoss meanLossHeldOut meanNonzero } } } }`;

describe.each(testDatabaseKinds())('on-demand alignment across experiments, on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Database;
  let api: ApiServer;
  let A: { teamId: string; token: string };
  let B: { teamId: string; token: string };
  let first: string;
  let second: string;
  const url = () => api.url;
  const net = async (experimentId: string, name: string) => (await db.prisma.network.findFirstOrThrow({ where: { experimentId, name } })).id;

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    db = await openDatabase(testDb.options);
    A = await seedTeam(db.prisma, 'align networks A');
    B = await seedTeam(db.prisma, 'align networks B');
    first = (await importResult(db.prisma, { teamId: A.teamId, dir: resultDir, name: 'first' })).experimentId;
    second = (await importResult(db.prisma, { teamId: A.teamId, dir: copyDir, name: 'second' })).experimentId;
    expect(second).not.toBe(first);
    api = await startApiServer({ database: db, port: 0, embeddedWorker: true, log: (m) => { if (process.env.API_TEST_LOG) console.error(m); } });
  }, 300_000);

  afterAll(async () => {
    await api?.close();
    await db?.close();
    await testDb?.dispose();
  });

  it('queues one job that aligns x of one experiment with y of the other: the same numbers as the pipeline stored for x and y', async () => {
    const names = (await db.prisma.network.findMany({ where: { experimentId: first, untrained: false }, orderBy: { name: 'asc' }, select: { name: true } })).map((n) => n.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    const [x, y] = [names[0]!, names[names.length - 1]!];
    const x1 = await net(first, x);
    const y1 = await net(first, y);
    const y2 = await net(second, y);

    const before = await ok(url(), A.token, COMPARE, { ref: x1, other: y2 });
    expect(before['compare'].entries[0].crossAlignment).toEqual({ alignable: true, reasons: [], layers: ['conv1', 'fc1'], job: null });
    expect(before['compare'].entries[0].layers.every((l: { alignment: unknown }) => l.alignment === null)).toBe(true);

    const queued = await ok(url(), A.token, ALIGN, { a: x1, b: y2 });
    expect(queued['alignNetworks'].layers).toEqual(['conv1', 'fc1']);
    expect(queued['alignNetworks'].job.kind).toBe('ALIGN');
    const jobId = queued['alignNetworks'].job.id as string;
    // Asked again (either order) while queued or running: the same job.
    const again = await gql(url(), A.token, ALIGN, { a: y2, b: x1 });
    if (!again.errors) {
      const j = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
      if (j.status === 'QUEUED' || j.status === 'RUNNING') expect(again.data!['alignNetworks'].job.id).toBe(jobId);
    }

    const end = Date.now() + 240_000;
    let job: { status: string; error: string | null; phase: string | null };
    for (;;) {
      job = (await ok(url(), A.token, 'query($id: ID!) { job(id: $id) { status error phase } }', { id: jobId }))['job'];
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(job.status)) break;
      if (Date.now() > end) throw new Error(`job still ${job.status} (${job.phase})`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(job).toMatchObject({ status: 'COMPLETED', error: null });

    for (const layer of ['conv1', 'fc1']) {
      for (const method of ['HUNGARIAN', 'SEMI', 'MI', 'CKA', 'SPARSE']) {
        const cross = (await ok(url(), A.token, PAIR, { a: x1, b: y2, layer, method }))['alignment'];
        const own = (await ok(url(), A.token, PAIR, { a: x1, b: y1, layer, method }))['alignment'];
        expect(cross, `${method} at ${layer}`).not.toBeNull();
        expect(own, `${method} at ${layer}`).not.toBeNull();
        expect(cross.experiment.id).toBe(first);
        expect(cross.crossExperiment).toEqual({ id: second });
        expect(own.crossExperiment).toBeNull();
        expect([cross.networkA.id, cross.networkB.id]).toEqual([x1, y2]);
        expect(cross.parameters).toEqual(own.parameters);
        const s = cross.summary as Record<string, unknown>;
        const o = own.summary as Record<string, unknown>;
        for (const k of Object.keys(o)) {
          if (typeof o[k] === 'number') expect(s[k], `${method} ${layer} ${k}`).toBeCloseTo(o[k] as number, 6);
          else if (k !== 'lossPath') expect(s[k], `${method} ${layer} ${k}`).toEqual(o[k]);
        }
        const lp = (o['lossPath'] ?? []) as Array<Record<string, number | null>>;
        expect(((s['lossPath'] ?? []) as unknown[]).length).toBe(lp.length);
        lp.forEach((p, i) => {
          for (const [k, v] of Object.entries(p)) if (v !== null) expect(((s['lossPath'] as Array<Record<string, number>>)[i]![k]), `${method} ${layer} lossPath ${k}`).toBeCloseTo(v, 6);
        });
        // Read the other way round, it is the same alignment with the sides swapped.
        const back = (await ok(url(), A.token, PAIR, { a: y2, b: x1, layer, method }))['alignment'];
        expect(back.id).toBe(cross.id);
        expect([back.networkA.id, back.networkB.id]).toEqual([y2, x1]);
      }
    }

    // The compare page's data now shows the alignment and the finished job.
    const after = await ok(url(), A.token, COMPARE, { ref: x1, other: y2 });
    const entry = after['compare'].entries[0];
    expect(entry.crossAlignment.job).toEqual({ id: jobId, status: 'COMPLETED' });
    expect(entry.layers.map((l: { value: number | null }) => l.value).every((v: number | null) => typeof v === 'number')).toBe(true);

    // Experiment-wide figures keep to each experiment's own pairs.
    const ownRows = await db.prisma.alignment.count({ where: { networkAId: { in: [x1, y1] }, networkBId: { in: [x1, y1] } } });
    const crossRows = await db.prisma.alignment.count({ where: { experimentId: first, crossExperimentId: second } });
    expect(ownRows).toBeGreaterThan(0);
    expect(crossRows).toBe(ownRows);
    const conv = await ok(url(), A.token, 'query($id: ID!) { layerConvergence(experimentId: $id, method: HUNGARIAN) { layer all { pairCount } } }', { id: first });
    for (const l of conv['layerConvergence']) expect(l.all.pairCount, l.layer).toBe((names.length * (names.length - 1)) / 2);

    // Asking again after it finished queues a fresh job (the rows are replaced, never doubled).
    const redo = await ok(url(), A.token, ALIGN, { a: x1, b: y2, layers: ['fc1'] });
    expect(redo['alignNetworks'].job.id).not.toBe(jobId);
    expect(redo['alignNetworks'].layers).toEqual(['fc1']);
    const end2 = Date.now() + 240_000;
    for (;;) {
      const s = (await ok(url(), A.token, 'query($id: ID!) { job(id: $id) { status error } }', { id: redo['alignNetworks'].job.id }))['job'];
      if (s.status === 'COMPLETED') break;
      if (s.status === 'FAILED' || Date.now() > end2) throw new Error(`redo job ${s.status}: ${s.error}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await db.prisma.alignment.count({ where: { experimentId: first, crossExperimentId: second } })).toBe(ownRows);
  }, 600_000);

  it('refuses networks that did not probe the same images, naming every reason; layers missing in one; the same experiment', async () => {
    const x1 = await net(first, (await db.prisma.network.findFirstOrThrow({ where: { experimentId: first, untrained: false } })).name);
    const y2 = (await db.prisma.network.findFirstOrThrow({ where: { experimentId: second, untrained: false } })).id;
    const saved = (await db.prisma.experiment.findUniqueOrThrow({ where: { id: second } })).spec as Record<string, any>;
    await db.prisma.experiment.update({ where: { id: second }, data: { spec: { ...saved, split: { ...saved['split'], probe: 25 } } } });
    try {
      const r = await gql(url(), A.token, ALIGN, { a: x1, b: y2 });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toContain('the probe images differ (split.probe): experiment “first” probes 20 images of synthetic (split seed 1, after 30 validation images); experiment “second” probes 25 images of synthetic');
      expect(r.errors?.[0]?.extensions?.['reasons']).toHaveLength(1);
      const c = await ok(url(), A.token, COMPARE, { ref: x1, other: y2 });
      expect(c['compare'].entries[0].crossAlignment.alignable).toBe(false);
      expect(c['compare'].entries[0].crossAlignment.reasons[0]).toContain('experiment “second” probes 25 images');
    } finally {
      await db.prisma.experiment.update({ where: { id: second }, data: { spec: saved } });
    }
    const missing = await gql(url(), A.token, ALIGN, { a: x1, b: y2, layers: ['fc9'] });
    expect(missing.errors?.[0]?.message).toMatch(/layer “fc9” is not recorded in network “[^”]+” of experiment “first” \(recorded: conv1, fc1\)/);
    const y1 = (await db.prisma.network.findFirstOrThrow({ where: { experimentId: first, untrained: false, id: { not: x1 } } })).id;
    const same = await gql(url(), A.token, ALIGN, { a: x1, b: y1 });
    expect(same.errors?.[0]?.message).toContain('its own pipeline aligns them');
    // Within one experiment, compare has no on-demand part.
    expect((await ok(url(), A.token, COMPARE, { ref: x1, other: y1 }))['compare'].entries[0].crossAlignment).toBeNull();
  });

  it('another team can neither queue it nor read it', async () => {
    const x1 = (await db.prisma.network.findFirstOrThrow({ where: { experimentId: first, untrained: false } })).id;
    const y2 = (await db.prisma.network.findFirstOrThrow({ where: { experimentId: second, untrained: false } })).id;
    const jobs = await db.prisma.job.count({ where: { kind: 'ALIGN', experimentId: null } });
    expect(await codes(url(), B.token, ALIGN, { a: x1, b: y2 })).toEqual(['NOT_FOUND']);
    expect(await codes(url(), B.token, COMPARE, { ref: x1, other: y2 })).toEqual(['NOT_FOUND']);
    expect(await codes(url(), B.token, PAIR, { a: x1, b: y2, layer: 'fc1', method: 'HUNGARIAN' })).toEqual(['NOT_FOUND']);
    expect(await db.prisma.job.count({ where: { kind: 'ALIGN', experimentId: null } })).toBe(jobs);
    const anyJob = await db.prisma.job.findFirst({ where: { kind: 'ALIGN', experimentId: null } });
    if (anyJob) expect(await codes(url(), B.token, 'query($id: ID!) { job(id: $id) { id } }', { id: anyJob.id })).toEqual(['NOT_FOUND']);
  });
});
