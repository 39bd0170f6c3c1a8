import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../db/test-databases.ts';
import { tinyData, tinySpec } from '../import/test-fixtures/tiny-experiment.ts';
import { createJobServices, type JobServices } from './services.ts';
import { startWorker, type WorkerHandle } from './worker.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(testDatabaseKinds())('jobs on %s', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let services: JobServices;
  let teamId: string;
  let scratch: string;
  const workers: WorkerHandle[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await openDatabase(target.options);
    services = createJobServices(db);
    teamId = (await db.prisma.team.create({ data: { name: 'workers' } })).id;
    scratch = mkdtempSync(path.join(os.tmpdir(), 'cv-work-'));
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
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

  it('runs an experiment job to completion, showing its progress on the Job row', async () => {
    const { experimentId, jobId } = await createExperiment('happy', tinySpec());
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('QUEUED');
    workers.push(
      await startWorker({ database: db, workDir: path.join(scratch, 'w1'), loadData: async () => tinyData(), trainConcurrency: 1, pollSeconds: 0.2, log: (m) => logs.push(m) }),
    );
    const phases = new Set<string>();
    const job = await until('the job to finish', async () => {
      const j = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
      if (j.phase) phases.add(j.phase.split(' ')[0]!);
      return j.status === 'COMPLETED' || j.status === 'FAILED' ? j : null;
    });
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ status: 'COMPLETED', fraction: 1, attempts: 1 });
    expect([...phases].some((p) => p === 'training' || p === 'storing' || p === 'aligning')).toBe(true);
    const exp = await db.prisma.experiment.findUniqueOrThrow({ where: { id: experimentId }, include: { networks: true } });
    expect(exp.status).toBe('COMPLETED');
    expect(exp.networks).toHaveLength(6); // 2 architectures x 2 seeds + 2 untrained
    const trained = exp.networks.find((n) => n.name === 'tiny-a-s1')!;
    expect(trained.metrics).toHaveLength(1);
    expect(await db.prisma.alignment.count({ where: { experimentId, status: 'COMPLETED' } })).toBeGreaterThan(0);
    // The scratch checkpoint artifact is gone once the result is stored.
    expect(await db.prisma.artifact.count({ where: { experimentId, kind: 'CHECKPOINT' } })).toBe(0);
  });

  it('fails a job with an invalid spec at once, naming the problem, and cancels on request', async () => {
    const bad = await createExperiment('bad', tinySpec({ seeds: [1, 1] }));
    const failed = await until('the bad job to fail', async () => {
      const j = await db.prisma.job.findUniqueOrThrow({ where: { id: bad.jobId } });
      return j.status === 'FAILED' ? j : null;
    });
    expect(failed.error).toMatch(/seeds must not repeat a seed/);
    expect(failed.attempts).toBe(1);
    expect((await db.prisma.experiment.findUniqueOrThrow({ where: { id: bad.experimentId } })).status).toBe('FAILED');

    const long = await createExperiment('long', tinySpec({ training: { epochs: 400, batchSize: 16, optimizer: 'adam', learningRate: 0.01 } }));
    await until('the long job to train', async () => {
      const j = await db.prisma.job.findUniqueOrThrow({ where: { id: long.jobId } });
      return j.status === 'RUNNING' && j.phase?.startsWith('training') ? j : null;
    });
    await services.cancelJob(long.jobId);
    await until('the worker to give the job up', async () => logs.some((l) => l.includes(long.jobId) && l.includes('cancelled')));
    const job = await db.prisma.job.findUniqueOrThrow({ where: { id: long.jobId } });
    expect(job.status).toBe('CANCELLED');
    expect((await db.prisma.experiment.findUniqueOrThrow({ where: { id: long.experimentId } })).status).toBe('CANCELLED');
    await workers.pop()!.stop();
  });

  it('loses nothing when its worker process is SIGKILLed mid-training: another worker resumes from the checkpoint artifact', async () => {
    const epochs = 60;
    const { experimentId, jobId } = await createExperiment(
      'killed',
      tinySpec({ architectures: [(tinySpec().architectures as unknown[])[0]], seeds: [1], training: { epochs, batchSize: 8, optimizer: 'adam', learningRate: 0.01 } }),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'test-fixtures/worker-process.ts'), db.connectionString, path.join(scratch, 'machine-1')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let childOut = '';
    child.stdout.on('data', (d: Buffer) => (childOut += d.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill once a few epochs are checkpointed in the database, well before training ends.
    const atKill = await until('checkpointed epochs', async () => {
      const net = await db.prisma.network.findFirst({ where: { experimentId, name: 'tiny-a-s1' } });
      const ck = await db.prisma.artifact.findFirst({ where: { experimentId, kind: 'CHECKPOINT' }, select: { id: true } });
      return net && ck && net.epochsDone >= 3 ? net.epochsDone : null;
    });
    child.kill('SIGKILL');
    await exited;
    expect(atKill).toBeLessThan(epochs);
    expect(childOut).toContain(jobId);
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('RUNNING'); // its worker is gone

    const resumedLogs: string[] = [];
    workers.push(
      await startWorker({
        database: db,
        workDir: path.join(scratch, 'machine-2'),
        loadData: async () => tinyData(),
        trainConcurrency: 1,
        staleSeconds: 3,
        heartbeatSeconds: 0.5,
        pollSeconds: 0.2,
        log: (m) => resumedLogs.push(m),
      }),
    );
    const job = await until('the resumed job to finish', async () => {
      const j = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
      return j.status === 'COMPLETED' || j.status === 'FAILED' ? j : null;
    }, 180_000);
    expect(job.error).toBeNull();
    expect(job.status).toBe('COMPLETED');
    expect(job.attempts).toBe(2);
    expect(resumedLogs.join('\n')).toMatch(/lost its worker/);
    expect(resumedLogs.join('\n')).toMatch(/restored \d+ checkpoint files/);
    const net = await db.prisma.network.findFirstOrThrow({ where: { experimentId, name: 'tiny-a-s1' } });
    // One metrics entry per epoch, 1..epochs: the resumed run continued, it did not start over.
    expect((net.metrics as Array<{ epoch: number }>).map((m) => m.epoch)).toEqual(Array.from({ length: epochs }, (_, i) => i + 1));
    expect((await db.prisma.experiment.findUniqueOrThrow({ where: { id: experimentId } })).status).toBe('COMPLETED');
  });
});
