import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeNpy } from '@convergent/engine/files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../db/test-databases.ts';
import { createJobServices, type JobServices } from './services.ts';
import { startWorker, type WorkerHandle } from './worker.ts';

// Planted structure: network B's units are a permutation of A's (plus a little noise), network C is
// independent noise. Semi-matching and max matching must recover the permutation with correlation ~1.
const N = 400;
const P = 12;
const perm = [3, 7, 0, 11, 5, 9, 1, 10, 2, 8, 4, 6]; // B unit j = A unit perm[j]

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe.each(testDatabaseKinds())('importActivations + ALIGN job on %s', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let services: JobServices;
  let worker: WorkerHandle;
  let dir: string;
  let teamId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cv-acts-'));
    const r = rng(7);
    const a = new Float32Array(N * P);
    for (let i = 0; i < a.length; i++) a[i] = Math.max(0, r() * 2 - 0.5); // ReLU-like
    const b = new Float32Array(N * P);
    for (let n = 0; n < N; n++) for (let j = 0; j < P; j++) b[n * P + j] = a[n * P + perm[j]!]! * 2 + 0.001 * r();
    const c = new Float32Array(N * P);
    for (let i = 0; i < c.length; i++) c[i] = r();
    await writeNpy(path.join(dir, 'a.npy'), a, [N, P]);
    await writeNpy(path.join(dir, 'b.npy'), b, [N, P]);
    await writeNpy(path.join(dir, 'c.npy'), c, [N, P]);
    target = await createTestDatabase(kind);
    db = await openDatabase(target.options);
    services = createJobServices(db);
    teamId = (await db.prisma.team.create({ data: { name: 'external' } })).id;
    worker = await startWorker({ database: db, workDir: path.join(dir, 'work'), pollSeconds: 0.2, log: () => {} });
  });
  afterAll(async () => {
    await worker?.stop();
    await services?.close();
    await db?.close();
    await target?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('aligns every pair of imported networks and recovers a planted permutation', async () => {
    const net = (name: string, file: string) => ({ name, architecture: 'external', seed: 0, layers: [{ name: 'fc', path: path.join(dir, file) }] });
    const { experimentId, jobId } = await services.importActivations(teamId, {
      name: 'external nets',
      dataset: 'external',
      layout: 'NHWC',
      methods: ['SEMI', 'HUNGARIAN', 'CKA', 'SPARSE'],
      networks: [net('A', 'a.npy'), net('B', 'b.npy'), net('C', 'c.npy')],
    });
    expect(jobId).not.toBeNull();
    const end = Date.now() + 90_000;
    let job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId! } });
    while (job.status !== 'COMPLETED' && job.status !== 'FAILED' && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 200));
      job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId! } });
    }
    expect(job.error).toBeNull();
    expect(job.status).toBe('COMPLETED');
    expect((await db.prisma.experiment.findUniqueOrThrow({ where: { id: experimentId } })).status).toBe('COMPLETED');
    // 3 pairs x 4 methods.
    expect(await db.prisma.alignment.count({ where: { experimentId } })).toBe(12);

    const ab = await db.prisma.alignment.findFirstOrThrow({
      where: { experimentId, method: 'HUNGARIAN', networkA: { name: 'A' }, networkB: { name: 'B' } },
      include: { matches: { orderBy: { unitA: 'asc' } } },
    });
    const expected = Array.from({ length: P }, (_, i) => perm.indexOf(i));
    expect(ab.matches.map((m) => m.unitB)).toEqual(expected);
    for (const m of ab.matches) expect(m.score).toBeGreaterThan(0.999);
    const semi = await db.prisma.alignment.findFirstOrThrow({ where: { experimentId, method: 'SEMI', networkA: { name: 'A' }, networkB: { name: 'B' } } });
    expect((semi.summary as { oneToOneFraction: number }).oneToOneFraction).toBe(1);
    const ac = await db.prisma.alignment.findFirstOrThrow({ where: { experimentId, method: 'HUNGARIAN', networkA: { name: 'A' }, networkB: { name: 'C' } } });
    expect((ac.summary as { meanCorr: number }).meanCorr).toBeLessThan(0.3);
    // Unit statistics of B: mean of unit j is twice A's mean of unit perm[j].
    const unitsA = await db.prisma.unit.findMany({ where: { layer: { network: { experimentId, name: 'A' } } }, orderBy: { index: 'asc' } });
    const unitsB = await db.prisma.unit.findMany({ where: { layer: { network: { experimentId, name: 'B' } } }, orderBy: { index: 'asc' } });
    expect(unitsB[0]!.mean).toBeCloseTo(2 * unitsA[perm[0]!]!.mean, 2);
    const layers = await db.prisma.layer.findMany({ where: { network: { experimentId } }, select: { kind: true, shape: true } });
    expect(layers).toEqual([0, 1, 2].map(() => ({ kind: 'dense', shape: [P] })));
  });

  it('stores a conv layer read as NCHW with its shape channels last, [h, w, c]', async () => {
    const [images, c, h, w] = [10, 5, 3, 2];
    const r = rng(11);
    for (const f of ['d.npy', 'e.npy']) {
      await writeNpy(path.join(dir, f), Float32Array.from({ length: images * c * h * w }, () => r()), [images, c, h, w]);
    }
    const net = (name: string, file: string) => ({ name, architecture: 'external', seed: 0, layers: [{ name: 'conv', path: path.join(dir, file) }] });
    const { experimentId, jobId } = await services.importActivations(teamId, {
      name: 'external conv nets',
      dataset: 'external',
      layout: 'NCHW',
      methods: ['HUNGARIAN'],
      networks: [net('D', 'd.npy'), net('E', 'e.npy')],
    });
    const end = Date.now() + 90_000;
    let job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId! } });
    while (job.status !== 'COMPLETED' && job.status !== 'FAILED' && Date.now() < end) {
      await new Promise((res) => setTimeout(res, 200));
      job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId! } });
    }
    expect(job.error).toBeNull();
    expect(job.status).toBe('COMPLETED');
    const layers = await db.prisma.layer.findMany({ where: { network: { experimentId } }, select: { kind: true, shape: true, unitCount: true, samples: true } });
    expect(layers).toEqual([0, 1].map(() => ({ kind: 'conv', shape: [h, w, c], unitCount: c, samples: images * h * w })));
  });
});
