import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../backend/select-backend.ts';
import { GramProduct } from './gram-product.ts';
import { MomentAccumulator, type JointMoments } from './moments.ts';
import { closeProductPool, defaultProductThreads, PooledGram, SLOT_PHASE, startProductPool, type ProductTask, type ProductWorkerHandle } from './product-pool.ts';
import { mulberry } from '../../test/planted.ts';

const rng = mulberry;

/** Wide enough that every 1,024-row chunk is worth a worker (rows · e² ≥ 5e8). */
const N = 6000;
const W = 700;
const groups = [
  { offset: 0, count: 100 },
  { offset: 100, count: W - 100 },
];
const x = (() => {
  const r = rng(11);
  const out = new Float32Array(N * W);
  for (let i = 0; i < N; i++) {
    const z = r() - 0.5;
    for (let j = 0; j < W; j++) out[i * W + j] = Math.max(0, (j % 7) * z + r() - 0.4) + (j === 3 ? 50 : 0);
  }
  return out;
})();

function accumulate(threads: number, batches: number[]): { m: JointMoments; workerChunks: number } {
  const acc = new MomentAccumulator(W, { groups, threads, chunkRows: 1024 });
  let start = 0;
  for (const len of [...batches, N - batches.reduce((s, v) => s + v, 0)]) {
    acc.update(x.subarray(start * W, (start + len) * W), len);
    start += len;
  }
  const m = acc.finalize();
  return { m, workerChunks: acc.workerChunks };
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

// The pool serves the wasm products; with ONNX Runtime's products (multi-threaded themselves) it stays unused.
const savedProducts = process.env.CONVERGENT_PRODUCTS;
beforeAll(async () => {
  process.env.CONVERGENT_PRODUCTS = 'tfjs';
  await selectBackend();
});

afterAll(async () => {
  if (savedProducts === undefined) delete process.env.CONVERGENT_PRODUCTS;
  else process.env.CONVERGENT_PRODUCTS = savedProducts;
  await closeProductPool();
});

describe('product workers', () => {
  it('give the single-thread statistics, whatever the batch split, and do take chunks', async () => {
    expect(await startProductPool(1)).toBe(1);
    for (const batches of [[], [2500], [1, 999, 3000]]) {
      const one = accumulate(1, batches);
      expect(one.workerChunks).toBe(0);
      const par = accumulate(2, batches);
      expect(par.workerChunks).toBeGreaterThan(0);
      // Same float32 chunk products, float64 sums in another order.
      expect(maxAbsDiff(par.m.cov, one.m.cov) / maxAbs(one.m.cov)).toBeLessThan(1e-12);
      expect(maxAbsDiff(par.m.corr, one.m.corr)).toBeLessThan(1e-12);
      expect(maxAbsDiff(par.m.mean, one.m.mean)).toBeLessThan(1e-12);
      const ex = par.m.groupExtras!.sumSqProducts;
      expect(maxAbsDiff(ex, one.m.groupExtras!.sumSqProducts) / maxAbs(ex)).toBeLessThan(1e-12);
    }
  });

  it('merge and toState collect the workers’ chunks first', async () => {
    await startProductPool(1);
    const a = new MomentAccumulator(W, { groups, threads: 2, chunkRows: 1024 });
    const b = new MomentAccumulator(W, { groups, threads: 2, chunkRows: 1024 });
    a.update(x.subarray(0, 3000 * W), 3000);
    b.update(x.subarray(3000 * W), N - 3000);
    a.merge(MomentAccumulator.fromState(structuredClone(b.toState()), { threads: 1 }));
    const a1 = new MomentAccumulator(W, { groups, threads: 1, chunkRows: 1024 });
    const b1 = new MomentAccumulator(W, { groups, threads: 1, chunkRows: 1024 });
    a1.update(x.subarray(0, 3000 * W), 3000);
    b1.update(x.subarray(3000 * W), N - 3000);
    a1.merge(b1);
    expect(a.workerChunks + b.workerChunks).toBeGreaterThan(0);
    expect(maxAbsDiff(a.finalize().corr, a1.finalize().corr)).toBeLessThan(1e-12);
  });

  /** A stand-in worker: never runs (tasks stay queued) or fails each task it gets. */
  /** A stand-in for a worker thread: 'idle' never takes a chunk it is posted, 'failing' fails every chunk. */
  function scriptedWorker(kind: 'idle' | 'failing'): ProductWorkerHandle {
    return {
      status: 1,
      post(task: ProductTask) {
        if (kind === 'idle') return;
        const base = task.ticket * 4;
        Atomics.compareExchange(task.states, task.slot, base + SLOT_PHASE.POSTED, base + SLOT_PHASE.RUNNING);
        task.errors.set(new TextEncoder().encode('out of memory'));
        Atomics.store(task.states, task.slot, base + SLOT_PHASE.FAILED);
      },
    };
  }

  it('takes back chunks a worker has not started and computes them itself', () => {
    const e = 50;
    const rows = 300;
    const gram = new GramProduct(tf);
    const s = new Float64Array(e * e);
    const pooled = new PooledGram(e, rows, [scriptedWorker('idle')], (u, r) => gram.add(u, r, e, s));
    const exact = new Float64Array(e * e);
    for (let k = 0; k < 3; k++) {
      const slot = pooled.acquire(rows);
      if (k === 2) {
        // Two chunks queued already: the third is this thread's.
        expect(slot).toBeUndefined();
        continue;
      }
      expect(slot).toBeDefined();
      slot!.u.set(x.subarray(k * rows * e, (k + 1) * rows * e));
      pooled.submit(slot!.index, rows);
      gram.add(slot!.u, rows, e, exact);
    }
    pooled.drain(s);
    expect(pooled.workerChunks).toBe(0);
    expect(maxAbsDiff(s, exact)).toBe(0);
  });

  it('reports a failed worker chunk as an error, not as statistics', () => {
    const e = 50;
    const pooled = new PooledGram(e, 100, [scriptedWorker('failing')], () => undefined);
    const slot = pooled.acquire(100)!;
    pooled.submit(slot.index, 100);
    expect(() => pooled.drain(new Float64Array(e * e))).toThrow(/product worker failed \(out of memory\); set CONVERGENT_MOMENT_THREADS=1/);
  });

  it('reads CONVERGENT_MOMENT_THREADS and rejects bad values', () => {
    const saved = process.env.CONVERGENT_MOMENT_THREADS;
    try {
      process.env.CONVERGENT_MOMENT_THREADS = '1';
      expect(defaultProductThreads()).toBe(1);
      process.env.CONVERGENT_MOMENT_THREADS = 'two';
      expect(() => defaultProductThreads()).toThrow(/CONVERGENT_MOMENT_THREADS=two is not a positive integer/);
      expect(() => new MomentAccumulator(3, { threads: 0 })).toThrow(/threads must be a positive integer/);
    } finally {
      if (saved === undefined) delete process.env.CONVERGENT_MOMENT_THREADS;
      else process.env.CONVERGENT_MOMENT_THREADS = saved;
    }
  });

  it('does not keep a process alive: a script that used the pool exits without closing it', () => {
    // The fixture's build, in plain node (no tsx), as the bin runs.
    const script = fileURLToPath(new URL('../../dist/src/stats/product-pool.fixture.js', import.meta.url));
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, CONVERGENT_PRODUCTS: 'tfjs' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^worker chunks [1-9]\d*/);
  });
});
