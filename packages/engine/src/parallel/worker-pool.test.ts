import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtModulePath } from './start-worker.ts';
import { runInWorkers, WorkerJobError } from './worker-pool.ts';

const fixture = new URL('./worker-pool.fixture.ts', import.meta.url);
type Squared = { value: number; thread: number; backend: string };

describe('runInWorkers', () => {
  it('runs every job in worker threads, returns outputs in input order and streams progress', async () => {
    const progress: Array<[number, number]> = [];
    const out = await runInWorkers<number, Squared, { step: number }>(fixture, 'square', [1, 2, 3, 4, 5], {
      concurrency: 2,
      backend: 'cpu',
      onProgress: (i, p) => progress.push([i, p.step]),
    });
    expect(out.map((o) => o.value)).toEqual([1, 4, 9, 16, 25]);
    // At most two workers (a fast one may take every job), none of them the main thread (threadId 0).
    const threads = new Set(out.map((o) => o.thread));
    expect(threads.size).toBeLessThanOrEqual(2);
    expect(threads.has(0)).toBe(false);
    expect(out.every((o) => o.backend === 'cpu')).toBe(true);
    for (let i = 0; i < 5; i++) {
      expect(progress.filter(([j]) => j === i).map(([, s]) => s)).toEqual([1, 2]);
    }
  });

  it('lets each worker select its own backend (wasm by default here)', async () => {
    const out = await runInWorkers<number, Squared>(fixture, 'square', [3], {});
    expect(out[0]!.value).toBe(9);
    expect(['tensorflow', 'wasm']).toContain(out[0]!.backend);
  });

  it('propagates a job error with the job identity and stops the run', async () => {
    const err = await runInWorkers<number, number>(fixture, 'failNegative', [1, 2, -7, 4], {
      concurrency: 2,
      backend: false,
      jobName: (x, i) => `net #${i} (input ${x})`,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerJobError);
    expect((err as WorkerJobError).jobIndex).toBe(2);
    expect((err as Error).message).toBe('net #2 (input -7) failed: negative input -7');
    expect((err as WorkerJobError).workerStack).toMatch(/failNegative/);
  });

  it('a failing job stops workers busy in native ONNX Runtime products without aborting the process', async () => {
    // Terminating a thread inside a synchronous native call aborts the whole process (Napi::Error); the pool asks
    // busy workers to abort and terminates them between calls. Repeated: the crash was timing-dependent.
    for (let round = 0; round < 4; round++) {
      await expect(runInWorkers(fixture, 'productsOrFail', [0, 0, -150 - 40 * round], { concurrency: 3, backend: false })).rejects.toThrow(/failing after/);
    }
    // The process is still here, and the pool still works.
    expect(await runInWorkers(fixture, 'failNegative', [1, 2], { concurrency: 2, backend: false })).toEqual([1, 2]);
  });

  it('starts each worker on its first job without waiting for the parent, and moves transferred outputs', async () => {
    const run = runInWorkers<number, { values: Float64Array; startedAt: number }>(new URL('./worker-pool-light.fixture.ts', import.meta.url), 'halves', [4, 100_000], { concurrency: 2, backend: false });
    // The parent is busy (synchronously) for a while: the workers start their jobs meanwhile, with no round trip.
    const busyUntil = Date.now() + 3000;
    while (Date.now() < busyUntil);
    const out = await run;
    expect(out.every((o) => o.startedAt < busyUntil)).toBe(true);
    expect([...out[0]!.values]).toEqual([0, 0.5, 1, 1.5]);
    expect(out[1]!.values.length).toBe(100_000);
    expect(out[1]!.values[99_999]).toBe(49_999.5);
  });

  it('reports a worker that dies, naming its job', async () => {
    await expect(runInWorkers(fixture, 'crash', [0], { backend: false })).rejects.toThrow(/job 0 failed: its worker exited unexpectedly \(code 3\)/);
  });

  it('names a missing export', async () => {
    await expect(runInWorkers(fixture, 'notAFunction', [0], { backend: false })).rejects.toThrow(/has no exported function notAFunction/);
  });

  it('cancels through an AbortSignal: running jobs see ctx.signal, the run rejects with the reason', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'convergent-pool-'));
    try {
      const files = [0, 1].map((i) => path.join(dir, `job${i}`));
      const controller = new AbortController();
      const started: number[] = [];
      const run = runInWorkers<string, string, string>(fixture, 'untilAborted', files, {
        backend: false,
        concurrency: 2,
        abortGraceMs: 5000,
        signal: controller.signal,
        onProgress: (i) => {
          started.push(i);
          if (started.length === 2) controller.abort(new Error('user pressed ctrl-c'));
        },
      });
      await expect(run).rejects.toThrow('user pressed ctrl-c');
      expect(started.sort()).toEqual([0, 1]);
      // Both jobs observe the abort and stop cleanly within the grace period.
      for (let t = 0; t < 500 && !files.every((f) => existsSync(f)); t++) await new Promise((r) => setTimeout(r, 10));
      expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual(['stopped', 'stopped']);
      // An already-aborted signal rejects at once.
      await expect(runInWorkers(fixture, 'square', [1], { signal: controller.signal })).rejects.toThrow('user pressed ctrl-c');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works from a plain node process running the built engine, the way the convergent bin does (no tsx)', () => {
    const pool = fileURLToPath(new URL('../../dist/src/parallel/worker-pool.js', import.meta.url));
    // The job named by its source URL, as the engine's own callers do: the pool maps it to the build.
    const script = `
      const { runInWorkers } = await import(${JSON.stringify(pool)});
      const out = await runInWorkers(new URL(${JSON.stringify(fixture.href)}), 'square', [6, 7], { backend: 'cpu' });
      console.log(JSON.stringify(out.map((o) => o.value)));
    `;
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.stderr).toBe('');
    expect(res.stdout.trim()).toBe('[36,49]');
  });

  it('loads built JavaScript only: a job module without a build names the build command, TypeScript elsewhere is refused', async () => {
    await expect(runInWorkers(new URL('./no-such-job.ts', import.meta.url), 'run', [1], { backend: false })).rejects.toThrow(
      /@convergent\/engine is not built: dist\/src\/parallel\/no-such-job\.js is missing .*run `npm run build -w @convergent\/engine`/,
    );
    await expect(runInWorkers(path.join(tmpdir(), 'job.ts'), 'run', [1], { backend: false })).rejects.toThrow(/worker threads load built JavaScript, not TypeScript/);
    expect(builtModulePath(fixture)).toBe(fileURLToPath(new URL('../../dist/src/parallel/worker-pool.fixture.js', import.meta.url)));
    // A compiled caller's `new URL('./x.ts', import.meta.url)` points into dist/ with a .ts name: only the extension changes.
    expect(builtModulePath(new URL('../../dist/src/parallel/worker-pool.fixture.ts', import.meta.url))).toBe(builtModulePath(fixture));
  });

  it('a worker that fails to load is named as the worker, not as the job it was handed', async () => {
    const err = await runInWorkers(fixture, 'noSuchExport', [1, 2], { concurrency: 2, backend: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerJobError);
    expect((err as WorkerJobError).jobIndex).toBe(-1);
    expect((err as Error).message).toMatch(/^worker \d \(noSuchExport from .*\) failed: .*has no exported function noSuchExport/);
  });
});
