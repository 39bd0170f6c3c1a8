import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '@convergent/engine/steps';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../db/test-databases.ts';
import type { JobKind } from '../generated/prisma/enums.ts';
import { importResult } from '../import/import-result.ts';
import { tinyArch, tinyData, tinySpec } from '../import/test-fixtures/tiny-experiment.ts';
import { completePipelineJob } from './pipeline/pipeline.ts';
import { enqueueJob } from './queue.ts';
import { runRecordJob } from './pipeline/record-job.ts';
import { createJobServices, type JobServices } from './services.ts';
import { startWorker, type WorkerHandle, type WorkerOptions } from './worker.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Deep equality with numbers compared to 1e-9 (relative): the same computation in another process may sum float
 * chunks in another order. Everything else (unit indices, kinds, counts) must be equal.
 */
function expectSame(got: unknown, want: unknown, at = ''): void {
  if (typeof want === 'number' && typeof got === 'number') {
    if (Number.isFinite(want)) expect(Math.abs(got - want), `${at}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
    else expect(got, at).toBe(want);
  } else if (Array.isArray(want)) {
    expect(Array.isArray(got), at).toBe(true);
    expect((got as unknown[]).length, `${at}.length`).toBe(want.length);
    want.forEach((w, i) => expectSame((got as unknown[])[i], w, `${at}[${i}]`));
  } else if (want && typeof want === 'object' && !(want instanceof Date)) {
    expect(Object.keys(got as object).sort(), at).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) expectSame((got as Record<string, unknown>)[k], w, `${at}.${k}`);
  } else expect(got, at).toEqual(want);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An experiment's alignments keyed by (network names, layer, method, parameters), with their matches. */
async function alignmentsOf(db: Database, experimentId: string) {
  const rows = await db.prisma.alignment.findMany({
    where: { experimentId, status: 'COMPLETED' },
    include: {
      networkA: { select: { name: true } },
      networkB: { select: { name: true } },
      matches: { select: { direction: true, unitA: true, unitB: true, score: true, oneToOne: true }, orderBy: [{ direction: 'asc' }, { unitA: 'asc' }, { unitB: 'asc' }] },
      _count: { select: { sparsePaths: true, clusters: true } },
    },
  });
  return new Map(
    rows.map((a) => [
      `${a.networkA.name}|${a.networkB.name}|${a.layerName}|${a.method}|${a.paramsKey}`,
      { kind: a.kind, summary: a.summary, matches: a.matches, sparsePaths: a._count.sparsePaths, clusters: a._count.clusters },
    ]),
  );
}

describe.each(testDatabaseKinds())('experiment pipeline jobs on %s', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let services: JobServices;
  let teamId: string;
  let scratch: string;
  const workers: WorkerHandle[] = [];

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await openDatabase(target.options);
    services = createJobServices(db);
    teamId = (await db.prisma.team.create({ data: { name: 'workers' } })).id;
    scratch = mkdtempSync(path.join(os.tmpdir(), 'cv-work-'));
  });
  afterEach(async () => {
    while (workers.length) await workers.pop()!.stop();
  });
  afterAll(async () => {
    await services?.close();
    await db?.close();
    await target?.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function createExperiment(name: string, spec: Record<string, unknown>): Promise<{ experimentId: string; jobId: string }> {
    const exp = await db.prisma.experiment.create({
      data: { teamId, name, dataset: 'synthetic', probe: {}, spec: spec as never, specHash: name, source: 'SPEC' },
    });
    const [jobId] = await services.queueExperiment(exp.id);
    return { experimentId: exp.id, jobId: jobId! };
  }

  async function worker(name: string, options: Partial<WorkerOptions> = {}, logs: string[] = []): Promise<WorkerHandle> {
    const w = await startWorker({ database: db, workDir: path.join(scratch, name), loadData: async () => tinyData(), pollSeconds: 0.1, log: (m) => logs.push(m), ...options });
    workers.push(w);
    return w;
  }

  const experimentDone = (experimentId: string, timeoutMs?: number) =>
    until(
      `experiment ${experimentId} to finish`,
      async () => {
        const e = await db.prisma.experiment.findUniqueOrThrow({ where: { id: experimentId } });
        return e.status === 'COMPLETED' || e.status === 'FAILED' || e.status === 'CANCELLED' ? e : null;
      },
      timeoutMs,
    );

  const jobsOf = async (experimentId: string, k?: JobKind) => db.prisma.job.findMany({ where: { experimentId, ...(k ? { kind: k } : {}) }, orderBy: { createdAt: 'asc' } });

  it('runs a spec through EXPERIMENT → TRAIN × networks → RECORD → ALIGN × pairs, ending with the alignments `convergent experiment run` stores', async () => {
    const { experimentId, jobId } = await createExperiment('happy', tinySpec());
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('QUEUED');
    // Two job slots: TRAIN jobs in worker threads side by side, their completions racing into the fan-in.
    await worker('happy', { concurrency: 2 });
    const phases = new Set<string>();
    const progress: number[] = [];
    const exp = await until('the experiment to finish', async () => {
      const e = await db.prisma.experiment.findUniqueOrThrow({ where: { id: experimentId } });
      if (e.phase) phases.add(e.phase.split(' ')[0]!);
      const jobs = await db.prisma.job.findMany({ where: { experimentId }, select: { kind: true, fraction: true, status: true } });
      const { pipelineProgress } = await import('../graphql/pipeline-progress.ts');
      const p = pipelineProgress(jobs);
      if (p !== null) progress.push(p);
      return e.status === 'COMPLETED' || e.status === 'FAILED' ? e : null;
    });
    expect(exp.error).toBeNull();
    expect(exp.status).toBe('COMPLETED');
    expect([...phases]).toEqual(expect.arrayContaining(['training']));

    const jobs = await jobsOf(experimentId);
    const count = (k: JobKind) => jobs.filter((j) => j.kind === k).length;
    // 2 architectures × 2 seeds + as many untrained twins; 2 layers × (6 between + 6 matched chance pairs).
    expect([count('EXPERIMENT'), count('TRAIN'), count('RECORD'), count('ALIGN')]).toEqual([1, 8, 1, 24]);
    expect(jobs.every((j) => j.status === 'COMPLETED' && j.attempts === 1 && j.fraction === 1)).toBe(true);
    expect(new Set(jobs.filter((j) => j.kind === 'TRAIN').map((j) => j.networkId)).size).toBe(8);
    // Steps in order: RECORD started after every TRAIN finished; every ALIGN after RECORD finished.
    const record = jobs.find((j) => j.kind === 'RECORD')!;
    for (const t of jobs.filter((j) => j.kind === 'TRAIN')) expect(t.finishedAt!.getTime()).toBeLessThanOrEqual(record.startedAt!.getTime());
    for (const a of jobs.filter((j) => j.kind === 'ALIGN')) expect(a.startedAt!.getTime()).toBeGreaterThanOrEqual(record.finishedAt!.getTime());
    // Progress only moves forward and ends at 1.
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]! - 1e-9);
    expect(progress[progress.length - 1]).toBe(1);

    const nets = await db.prisma.network.findMany({ where: { experimentId } });
    expect(nets).toHaveLength(8);
    expect(nets.every((n) => n.status === 'COMPLETED' && n.backend)).toBe(true);
    expect(nets.find((n) => n.name === 'tiny-a-s1')!.metrics).toHaveLength(1);
    // Intermediate artifacts are gone; weights stay.
    expect(await db.prisma.artifact.count({ where: { experimentId, kind: { in: ['CHECKPOINT', 'MOMENTS'] } } })).toBe(0);
    expect(await db.prisma.artifact.count({ where: { experimentId, kind: 'WEIGHTS' } })).toBe(8);

    // The oracle: the engine's one-process run of the same spec and data, imported.
    const out = path.join(scratch, 'oracle');
    await runExperiment(tinySpec(), { out, data: tinyData(), concurrency: 1 });
    const oracle = await importResult(db.prisma, { teamId, dir: out });
    // The per-step curves the TRAIN jobs stored equal the one-process run's (120 images, batch 16: 8 points each).
    const oracleNets = await db.prisma.network.findMany({ where: { experimentId: oracle.experimentId } });
    for (const n of nets) {
      const o = oracleNets.find((x) => x.name === n.name)!;
      expect(n.stepMetrics, n.name).toEqual(o.stepMetrics);
      expect((n.stepMetrics as unknown[]).length, n.name).toBe(n.untrained ? 0 : 8);
    }
    const got = await alignmentsOf(db, experimentId);
    const want = await alignmentsOf(db, oracle.experimentId);
    expect(got.size).toBe(want.size);
    expect(got.size).toBeGreaterThan(20);
    for (const [key, w] of want) {
      expect(got.has(key), key).toBe(true);
      expectSame(got.get(key), w, key);
    }
    const baselines = async (id: string) =>
      (await db.prisma.chanceBaseline.findMany({ where: { experimentId: id }, orderBy: [{ layerName: 'asc' }, { method: 'asc' }, { metric: 'asc' }] })).map((b) => [b.layerName, b.method, b.metric, b.value, b.spread]);
    expect((await baselines(experimentId)).length).toBeGreaterThan(0);
    expectSame(await baselines(experimentId), await baselines(oracle.experimentId), 'chance baselines');
    // The stored statistics (intervals, matched chance, shuffled null, tests) equal the one-process run's.
    const statistics = async (id: string) =>
      (await db.prisma.layerStatistic.findMany({ where: { experimentId: id }, orderBy: [{ layerName: 'asc' }, { figure: 'asc' }, { scope: 'asc' }] })).map(({ id: _i, experimentId: _e, createdAt: _c, ...rest }) => rest);
    expect((await statistics(experimentId)).length).toBeGreaterThan(0);
    expectSame(await statistics(experimentId), await statistics(oracle.experimentId), 'layer statistics');
    const units = async (id: string) =>
      (await db.prisma.unit.findMany({ where: { layer: { network: { experimentId: id } } }, include: { layer: { include: { network: true } } } }))
        .map((u) => [u.layer.network.name, u.layer.name, u.index, u.mean, u.std, u.dead, u.topImages])
        .sort((a, b) => String(a.slice(0, 3)).localeCompare(String(b.slice(0, 3))));
    expectSame(await units(experimentId), await units(oracle.experimentId), 'units');
  }, 300_000);

  it('issue 16: SVCCA, PWCCA, Procrustes and mutual kNN with matched chance and statistics, consensus and stitching, as `convergent experiment run` stores them', async () => {
    // fc1 of 4 units: 20 probe images give 20 ≥ 2 × (4 + 4) samples for CCA.
    const spec = tinySpec({
      name: 'newer',
      architectures: [tinyArch('tiny-a', 4, 4), tinyArch('tiny-b', 3, 4)],
      methods: ['max', 'svcca', 'pwcca', 'procrustes', 'knn', 'consensus', 'stitch'],
      knn: { k: 5 },
      stitch: { images: 30 },
    });
    const { experimentId } = await createExperiment('newer', spec);
    await worker('newer', { concurrency: 2 });
    const exp = await experimentDone(experimentId, 240_000);
    expect(exp.error).toBeNull();
    expect(exp.status).toBe('COMPLETED');
    const out = path.join(scratch, 'oracle-newer');
    await runExperiment(spec, { out, data: tinyData(), concurrency: 1 });
    const oracle = await importResult(db.prisma, { teamId, dir: out });
    const got = await alignmentsOf(db, experimentId);
    const want = await alignmentsOf(db, oracle.experimentId);
    for (const m of ['SVCCA', 'PWCCA', 'PROCRUSTES', 'KNN']) expect([...got.keys()].filter((k) => k.includes(`|${m}|`)).length, m).toBe(2 * 12);
    expect(got.size).toBe(want.size);
    for (const [key, w] of want) expectSame(got.get(key), w, key);
    // Statistics for every new figure, with matched chance; Procrustes is a distance (lower is more alike).
    const statistics = async (id: string) =>
      (await db.prisma.layerStatistic.findMany({ where: { experimentId: id }, orderBy: [{ layerName: 'asc' }, { figure: 'asc' }, { scope: 'asc' }] })).map(({ id: _i, experimentId: _e, createdAt: _c, ...rest }) => rest);
    const stats = await statistics(experimentId);
    for (const f of ['svcca', 'pwcca', 'procrustes', 'knn']) {
      const all = stats.filter((st) => st.figure === f && st.scope === 'all');
      expect(all.map((st) => st.layerName).sort(), f).toEqual(['conv1', 'fc1']);
      for (const st of all) {
        expect(st.direction, f).toBe(f === 'procrustes' ? 'lower' : 'higher');
        expect(Number.isFinite(st.chanceMean), f).toBe(true);
        expect(st.chancePairs, f).toBe(st.pairs);
        expect(st.pValue, f).not.toBeNull();
      }
    }
    expectSame(stats, await statistics(oracle.experimentId), 'layer statistics');
    const baselines = async (id: string) =>
      (await db.prisma.chanceBaseline.findMany({ where: { experimentId: id }, orderBy: [{ layerName: 'asc' }, { method: 'asc' }, { metric: 'asc' }] })).map((b) => [b.layerName, b.method, b.metric, b.value]);
    expect((await baselines(experimentId)).filter((b) => b[1] === 'PROCRUSTES' && b[2] === 'procrustesDistance')).toHaveLength(2);
    expectSame(await baselines(experimentId), await baselines(oracle.experimentId), 'chance baselines');
    // Consensus per layer (trained family of 4 and the untrained twins), stitching per layer, as the one-process run.
    const consensus = async (id: string) =>
      (await db.prisma.layerConsensus.findMany({ where: { experimentId: id }, orderBy: { layerName: 'asc' } })).map(({ id: _i, experimentId: _e, createdAt: _c, ...rest }) => rest);
    const c = await consensus(experimentId);
    expect(c.map((r) => r.layerName)).toEqual(['conv1', 'fc1']);
    for (const r of c) {
      expect((r.trained as { networks: string[] }).networks).toHaveLength(4);
      expect(r.chanceFraction).not.toBeNull();
    }
    expectSame(c, await consensus(oracle.experimentId), 'consensus');
    const stitching = async (id: string) =>
      (await db.prisma.stitchLayer.findMany({ where: { experimentId: id }, orderBy: { layerName: 'asc' } })).map(({ id: _i, experimentId: _e, createdAt: _c, ...rest }) => rest);
    const st = await stitching(experimentId);
    expect(st.map((r) => r.layerName)).toEqual(['conv1', 'fc1']);
    // 4 trained networks: 12 ordered between pairs, plus chance pairs from untrained twins.
    for (const r of st) expect((r.pairs as Array<{ kind: string }>).filter((p) => p.kind === 'between')).toHaveLength(12);
    expectSame(st, await stitching(oracle.experimentId), 'stitching');
  }, 400_000);

  it('issue 16: a CCA layer with fewer samples than 2 (p + q), or kNN with k ≥ probe images, fails the plan step in one line naming the numbers and the fix', async () => {
    const spec = tinySpec({ name: 'too-few', architectures: [tinyArch('tiny-a', 4, 12)], methods: ['svcca', 'knn'], knn: { k: 20 } });
    const { experimentId } = await createExperiment('too-few', spec);
    await worker('too-few');
    const exp = await experimentDone(experimentId);
    expect(exp.status).toBe('FAILED');
    expect(exp.error).not.toContain('\n');
    expect(exp.error).not.toMatch(/NaN/);
    expect(exp.error).toMatch(/methods: "svcca" at layer fc1 needs at least 2 × \(p \+ q\) = 48 samples .* split\.probe 20 gives 20; raise split\.probe to ≥ 48 or drop svcca from methods/);
    expect(exp.error).toMatch(/knn\.k 20 needs more probe images than k, but split\.probe is 20; lower knn\.k below 20/);
    // Nothing was trained.
    expect(await db.prisma.job.count({ where: { experimentId, kind: 'TRAIN' } })).toBe(0);
  }, 120_000);

  it('shows each alignment as soon as its ALIGN job is done, whole, while the other pairs are still queued', async () => {
    const { experimentId } = await createExperiment('visible', tinySpec({ architectures: [(tinySpec().architectures as unknown[])[0]] }));
    // Everything up to the recording, then no more.
    await worker('visible-1', { kinds: ['EXPERIMENT', 'TRAIN', 'RECORD'], trainConcurrency: 1, concurrency: 1 });
    const aligns = await until('the ALIGN jobs to be queued', async () => {
      const js = await jobsOf(experimentId, 'ALIGN');
      return js.length > 0 && js.every((j) => j.status === 'QUEUED' && j.bossId) ? js : null;
    });
    expect(aligns).toHaveLength(2 * (1 + 1)); // 2 layers × (1 between + its matched chance pair of twins)
    expect(await db.prisma.alignment.count({ where: { experimentId } })).toBe(0);
    await workers.pop()!.stop();
    // TRAIN jobs start with the most expensive network: the untrained twins (nothing to train) come last.
    const trains = (await jobsOf(experimentId, 'TRAIN')).sort((x, y) => x.startedAt!.getTime() - y.startedAt!.getTime());
    const nets = new Map((await db.prisma.network.findMany({ where: { experimentId } })).map((n) => [n.id, n]));
    expect(trains.map((t) => nets.get(t.networkId!)!.untrained)).toEqual([false, false, true, true]);
    expect((trains[0]!.payload as { priority: number }).priority).toBeGreaterThan((trains[2]!.payload as { priority: number }).priority);

    // One ALIGN slot that stops as soon as its first job is done.
    let handle: WorkerHandle | null = null;
    let firstDone: string | null = null;
    const logs: string[] = [];
    handle = await worker('visible-2', {
      kinds: ['ALIGN'],
      concurrency: 1,
      log: (m) => {
        logs.push(m);
        const done = /^\[ALIGN (\S+)\] completed/.exec(m);
        if (done && !firstDone) {
          firstDone = done[1]!;
          void handle?.stop();
        }
      },
    });
    await handle.stopped;
    workers.pop();
    expect(firstDone).not.toBeNull();
    const after = await jobsOf(experimentId, 'ALIGN');
    const completed = after.filter((j) => j.status === 'COMPLETED');
    expect(completed.map((j) => j.id)).toEqual([firstDone]);
    expect(after.filter((j) => j.status === 'QUEUED')).toHaveLength(aligns.length - 1);
    // The finished pair is there with every method (semi, max, mi, mi-semi, cka, sparse); no other pair is.
    const pair = (completed[0]!.payload as { pair: { a: string; b: string; layer: string } }).pair;
    const visible = await db.prisma.alignment.findMany({ where: { experimentId }, include: { networkA: true, networkB: true, _count: { select: { matches: true, sparsePaths: true } } } });
    expect(visible.map((a) => a.method).sort()).toEqual(['CKA', 'HUNGARIAN', 'MI', 'MI_SEMI', 'SEMI', 'SPARSE']);
    expect(visible.every((a) => a.networkA.name === pair.a && a.networkB.name === pair.b && a.layerName === pair.layer && a.status === 'COMPLETED')).toBe(true);
    const hungarian = visible.find((a) => a.method === 'HUNGARIAN')!;
    expect(hungarian._count.matches).toBe((hungarian.summary as { unitsA: number }).unitsA);
    const running = await db.prisma.experiment.findUniqueOrThrow({ where: { id: experimentId } });
    expect(running.status).toBe('RUNNING');
    expect(running.phase).toBe(`aligning (1/${aligns.length} pairs)`);
    expect(await db.prisma.chanceBaseline.count({ where: { experimentId } })).toBe(0);

    await worker('visible-3', { kinds: ['ALIGN'] });
    expect((await experimentDone(experimentId)).status).toBe('COMPLETED');
    expect(await db.prisma.alignment.count({ where: { experimentId } })).toBe(aligns.length * 6);
    expect(await db.prisma.chanceBaseline.count({ where: { experimentId } })).toBeGreaterThan(0);
  }, 300_000);

  it('runs RECORD exactly once when the last TRAIN jobs complete at the same moment', async () => {
    for (let round = 0; round < 4; round++) {
      const exp = await db.prisma.experiment.create({ data: { teamId, name: `fan-in-${round}`, dataset: 'synthetic', probe: {}, spec: tinySpec() as never, specHash: `fan-in-${round}`, source: 'SPEC', status: 'RUNNING' } });
      await db.prisma.job.create({ data: { teamId, kind: 'EXPERIMENT', experimentId: exp.id, payload: { experimentId: exp.id }, status: 'COMPLETED', dedupeKey: `experiment:${exp.id}` } });
      const trains = [];
      for (let k = 0; k < 6; k++) {
        const net = await db.prisma.network.create({ data: { experimentId: exp.id, name: `n${k}`, arch: 'a', archSpec: {}, seed: k } });
        trains.push(
          await db.prisma.job.create({
            data: { teamId, kind: 'TRAIN', experimentId: exp.id, networkId: net.id, payload: { experimentId: exp.id, networkId: net.id }, status: 'RUNNING', workerId: `w${k}`, dedupeKey: `train:${net.id}` },
          }),
        );
      }
      const boss = await services.boss();
      const counted = await Promise.all(trains.map((j, k) => completePipelineJob(db.prisma, boss, j, `w${k}`, { k })));
      expect(counted).toEqual([true, true, true, true, true, true]);
      // A completion by a worker that no longer owns the job does not count.
      expect(await completePipelineJob(db.prisma, boss, trains[0]!, 'someone-else', {})).toBe(false);
      const records = await jobsOf(exp.id, 'RECORD');
      expect(records).toHaveLength(1);
      expect(records[0]!.bossId).toBeTruthy(); // handed to pg-boss
      expect((await db.prisma.experiment.findUniqueOrThrow({ where: { id: exp.id } })).phase).toBe('recording');
      await services.cancelJob(records[0]!.id);
    }
  });

  it('fails a job with an invalid spec at once, naming the problem; cancel stops every step, retry carries on to the end', async () => {
    const bad = await createExperiment('bad', tinySpec({ seeds: [1, 1] }));
    await worker('bad', { trainConcurrency: 1 });
    const failed = await until('the bad job to fail', async () => {
      const j = await db.prisma.job.findUniqueOrThrow({ where: { id: bad.jobId } });
      return j.status === 'FAILED' ? j : null;
    });
    expect(failed.error).toMatch(/seeds must not repeat a seed/);
    expect(failed.attempts).toBe(1);
    expect((await db.prisma.experiment.findUniqueOrThrow({ where: { id: bad.experimentId } })).status).toBe('FAILED');
    expect(await jobsOf(bad.experimentId, 'TRAIN')).toHaveLength(0);

    const logs: string[] = [];
    await workers.pop()!.stop();
    await worker('long', { trainConcurrency: 1, concurrency: 1 }, logs);
    const long = await createExperiment('long', tinySpec({ training: { epochs: 30, batchSize: 8, optimizer: 'adam', learningRate: 0.01 } }));
    const training = await until('a TRAIN job to train', async () => {
      const js = await jobsOf(long.experimentId, 'TRAIN');
      return js.find((j) => j.status === 'RUNNING' && j.phase?.startsWith('epoch')) ?? null;
    });
    await services.cancelJob(training.id);
    await until('the worker to give the job up', async () => logs.some((l) => l.includes(training.id) && l.includes('cancelled')));
    const stopped = await jobsOf(long.experimentId, 'TRAIN');
    expect(stopped).toHaveLength(8);
    // Nothing of the experiment runs or waits any more; nothing was recorded.
    expect(stopped.filter((j) => j.status === 'QUEUED' || j.status === 'RUNNING')).toEqual([]);
    expect(stopped.filter((j) => j.status === 'CANCELLED').length).toBeGreaterThanOrEqual(7);
    expect(await jobsOf(long.experimentId, 'RECORD')).toHaveLength(0);
    expect((await db.prisma.experiment.findUniqueOrThrow({ where: { id: long.experimentId } })).status).toBe('CANCELLED');
    await new Promise((r) => setTimeout(r, 500));
    expect((await jobsOf(long.experimentId, 'TRAIN')).filter((j) => j.status === 'RUNNING')).toEqual([]);

    await services.retryJob(training.id);
    expect((await db.prisma.experiment.findUniqueOrThrow({ where: { id: long.experimentId } })).status).toBe('RUNNING');
    const done = await experimentDone(long.experimentId);
    expect(done.error).toBeNull();
    expect(done.status).toBe('COMPLETED');
    expect((await jobsOf(long.experimentId)).every((j) => j.status === 'COMPLETED')).toBe(true);
    expect(await db.prisma.alignment.count({ where: { experimentId: long.experimentId } })).toBeGreaterThan(0);
  }, 300_000);

  it('fails a job whose payload is malformed at once, in one line naming the JSON path (no crash, no retry)', async () => {
    const exp = await db.prisma.experiment.create({ data: { teamId, name: 'bad-payload', dataset: 'synthetic', probe: {}, spec: {}, specHash: 'bad-payload', source: 'RESULT' } });
    const job = await enqueueJob(db.prisma, await services.boss(), { teamId, kind: 'IMPORT', experimentId: exp.id, payload: { dir: 42, placeholder: 'yes' }, maxAttempts: 3 });
    await worker('bad-payload');
    const failed = await until('the malformed job to fail', async () => {
      const j = await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } });
      return j.status === 'FAILED' ? j : null;
    });
    expect(failed.error).toBe('IMPORT job payload is malformed: dir must be a non-empty string; placeholder must be true or false');
    expect(failed.attempts).toBe(1);
    await db.prisma.job.deleteMany({ where: { experimentId: exp.id } });
    await db.prisma.experiment.delete({ where: { id: exp.id } });
  }, 120_000);

  /** Remove an experiment with its queued pg-boss deliveries, so later workers do not churn through them. */
  async function purge(experimentId: string): Promise<void> {
    await db.pool.query(`DELETE FROM pgboss.job WHERE data->>'jobId' IN (SELECT id FROM "Job" WHERE "experimentId" = $1)`, [experimentId]);
    await db.prisma.job.deleteMany({ where: { experimentId } });
    await db.prisma.experiment.delete({ where: { id: experimentId } });
  }

  it('plans 5,000 seeds in batches (no long transaction) and fans out 5,000 TRAIN jobs, all sent', async () => {
    const seeds = Array.from({ length: 5000 }, (_, i) => i);
    const { experimentId, jobId } = await createExperiment('many-seeds', tinySpec({ architectures: [(tinySpec().architectures as unknown[])[0]], seeds, chance: false }));
    const logs: string[] = [];
    // A deployment that raised its limits (the default refuses 5,000 networks at submission).
    await worker('planner', { kinds: ['EXPERIMENT'], concurrency: 1, specLimits: { maxNetworks: 10_000, maxAlignmentPairs: 1e9 } }, logs);
    const plan = await until('the plan', async () => {
      const j = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
      return j.status === 'COMPLETED' || j.status === 'FAILED' ? j : null;
    }, 240_000);
    expect(plan.error, logs.join('\n')).toBeNull();
    expect(plan.attempts).toBe(1);
    expect(await db.prisma.network.count({ where: { experimentId } })).toBe(5000);
    await until('every TRAIN job sent to the queue', async () => (await db.prisma.job.count({ where: { experimentId, kind: 'TRAIN', bossId: { not: null } } })) === 5000, 120_000);
    expect(await db.prisma.job.count({ where: { experimentId, kind: 'TRAIN' } })).toBe(5000);
    await workers.pop()!.stop();
    await purge(experimentId);
  }, 400_000);

  it('a RECORD retry replaces what its earlier attempt stored: no orphaned artifacts', async () => {
    const { experimentId } = await createExperiment('record-twice', tinySpec({ architectures: [(tinySpec().architectures as unknown[])[0]] }));
    await worker('rec-1', { kinds: ['EXPERIMENT', 'TRAIN', 'RECORD'], trainConcurrency: 1, concurrency: 1 });
    const record = await until('the RECORD step', async () => (await jobsOf(experimentId, 'RECORD')).find((j) => j.status === 'COMPLETED'));
    await workers.pop()!.stop();
    const artifacts = () => db.prisma.artifact.findMany({ where: { experimentId }, select: { key: true }, orderBy: { key: 'asc' } });
    const before = await artifacts();
    expect(before.filter((a) => a.key.startsWith('layer/')).length).toBe(4 * 2); // 4 networks (2 trained, 2 twins) × 2 recorded layers
    // The same step again, as a retry after a crash past its commit runs it.
    await runRecordJob({
      prisma: db.prisma,
      job: record,
      workerId: 'retry',
      signal: new AbortController().signal,
      workDir: path.join(scratch, 'rec-2'),
      progress: () => {},
      log: () => {},
      assertOwner: async () => {},
      loadData: async () => tinyData(),
      trainConcurrency: 1,
    });
    const after = await artifacts();
    expect(after.length).toBe(before.length);
    // Fresh layer ids, fresh keys: the earlier attempt's within-correlation artifacts are gone.
    expect(after.filter((a) => a.key.startsWith('layer/')).map((a) => a.key)).not.toEqual(before.filter((a) => a.key.startsWith('layer/')).map((a) => a.key));
    await purge(experimentId);
  }, 300_000);

  it('loses nothing when its worker process is SIGKILLed mid-training: another worker resumes the TRAIN job from its checkpoint artifact', async () => {
    const epochs = 60;
    const { experimentId } = await createExperiment(
      'killed',
      tinySpec({ architectures: [(tinySpec().architectures as unknown[])[0]], seeds: [1], training: { epochs, batchSize: 8, optimizer: 'adam', learningRate: 0.01 } }),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'test-fixtures/worker-process.ts'), db.connectionString, path.join(scratch, 'machine-1')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let childOut = '';
    child.stdout.on('data', (d: Buffer) => (childOut += d.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill once a checkpoint of epoch 3 or later is in the database, well before training ends. The epoch is the
    // one the stored archive holds (Network.epochsDone runs ahead of the checkpoint upload).
    const atKill = await until('checkpointed epochs', async () => {
      const net = await db.prisma.network.findFirst({ where: { experimentId, name: 'tiny-a-s1' } });
      const ck = net && (await db.prisma.artifact.findFirst({ where: { networkId: net.id, kind: 'CHECKPOINT' }, select: { metadata: true } }));
      const epoch = (ck?.metadata as { epoch?: number } | undefined)?.epoch;
      return typeof epoch === 'number' && epoch >= 3 ? epoch : null;
    });
    // The growing per-step series was written while training ran (throttled), before the worker died.
    const beforeKill = await db.prisma.network.findFirstOrThrow({ where: { experimentId, name: 'tiny-a-s1' } });
    child.kill('SIGKILL');
    await exited;
    expect(atKill).toBeLessThan(epochs);
    expect((beforeKill.stepMetrics as unknown[]).length).toBeGreaterThan(0);
    const killedNet = await db.prisma.network.findFirstOrThrow({ where: { experimentId, name: 'tiny-a-s1' } });
    const trainJob = (await jobsOf(experimentId, 'TRAIN')).find((j) => j.networkId === killedNet.id && j.status === 'RUNNING');
    expect(trainJob).toBeDefined(); // its worker is gone
    expect(childOut).toContain(trainJob!.id);

    const resumedLogs: string[] = [];
    await worker('machine-2', { trainConcurrency: 1, staleSeconds: 3, heartbeatSeconds: 0.5 }, resumedLogs);
    const exp = await experimentDone(experimentId, 180_000);
    expect(exp.error).toBeNull();
    expect(exp.status).toBe('COMPLETED');
    const job = await db.prisma.job.findUniqueOrThrow({ where: { id: trainJob!.id } });
    expect(job.status).toBe('COMPLETED');
    expect(job.attempts, `${childOut}\n---\n${resumedLogs.join('\n')}`).toBe(2);
    expect(resumedLogs.join('\n')).toMatch(/lost its worker/);
    expect(resumedLogs.join('\n')).toMatch(/restored \d+ checkpoint files of tiny-a-s1/);
    expect((job.result as { resumedFrom: number }).resumedFrom).toBeGreaterThanOrEqual(atKill);
    const net = await db.prisma.network.findFirstOrThrow({ where: { experimentId, name: 'tiny-a-s1' } });
    // One metrics entry per epoch, 1..epochs: the resumed run continued, it did not start over.
    expect((net.metrics as Array<{ epoch: number }>).map((m) => m.epoch)).toEqual(Array.from({ length: epochs }, (_, i) => i + 1));
    // So did the per-step series: 120 images, batch 8 → 15 steps an epoch, 900 steps, K = 5 → 180 points at steps
    // 5, 10, …, 900, none missing or repeated across the resume.
    const steps = net.stepMetrics as Array<{ step: number; epoch: number; samples: number }>;
    expect(steps.map((p) => p.step)).toEqual(Array.from({ length: 180 }, (_, i) => 5 * (i + 1)));
    expect(steps.at(-1)).toMatchObject({ epoch: epochs, samples: epochs * 120 });
  }, 300_000);
});
