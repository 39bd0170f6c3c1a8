/**
 * Shared plumbing of the alignment benchmark (`npm run bench -w @convergent/engine`).
 *
 * Each file in `benchmark/sections/*.ts` exports `async function bench(ctx: BenchContext): Promise<BenchRow[]>`;
 * `align.bench.ts` runs them in name order and prints one table. A section times our engine and, on the SAME
 * data, a Python peer (`benchmark/peers/*.py`, numpy / scipy / sklearn) that prints one JSON object on stdout.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';

export interface BenchRow {
  /** What was timed, e.g. `statistics N=40000 p=q=512`. */
  task: string;
  /** Our wall time in milliseconds. */
  ours: number;
  /** The peer's wall time in milliseconds (measured inside the peer process, excluding its data loading). */
  peer?: number;
  /** e.g. `numpy corrcoef`. */
  peerName?: string;
  /** Anything a reader needs to interpret the row (agreement of results, settings). */
  note?: string;
  /** CPU time (all threads) in ms of ours and of the peer, when measured: robust on a shared, loaded machine. */
  oursCpu?: number;
  peerCpu?: number;
}

export interface BenchContext {
  /** A scratch directory for this run (deleted afterwards). */
  tmpDir: string;
  /** Run `benchmark/peers/<script>` with args under PEER_PYTHON; resolves to its parsed JSON stdout. */
  python: (script: string, args: string[]) => Promise<any>;
  /**
   * Realistic activations, row-major `n x p` float32: ReLU of correlated Gaussians. All calls with the same `n`
   * share one latent signal (64 factors, independent of `seed`); `seed` picks the network's loadings, bias and
   * noise, so two seeds behave like two networks of one family (related but not identical units). Cached.
   */
  data: (n: number, p: number, seed: number) => Float32Array;
  /** Write a row-major float32 matrix as raw little-endian bytes into tmpDir; returns its path (numpy: fromfile). */
  writeMatrix: (name: string, data: Float32Array, rows: number, cols: number) => string;
  /** Median-of-`repeats` wall time in ms of an async or sync function (one untimed warm-up run first). */
  time: (fn: () => unknown, repeats?: number) => Promise<number>;
  /**
   * Median-of-`repeats` wall time and the CPU time (user + system, all threads of this process) of the same run,
   * in ms. `warmup: false` skips the untimed first run (for multi-second tasks).
   */
  measure: (fn: () => unknown, repeats?: number, warmup?: boolean) => Promise<{ wall: number; cpu: number }>;
  /** When true (`--quick`), sections use smaller sizes so the run takes seconds (development only). */
  quick: boolean;
  /**
   * When true (`--wide`), the whole-process section runs the widening study instead of its default cases:
   * max matching and cka on the 40,000 × 512 pair and on a 20,000 × 4,096 pair (the paper's fc widths).
   */
  wide: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const PEERS_DIR = path.join(here, 'peers');
/**
 * The peers need numpy, scipy and scikit-learn, which Debian installs for its own interpreter
 * (python3-numpy, -scipy, -sklearn); a `python3` earlier on PATH (pyenv, venv) may lack them.
 */
const PEER_PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Deterministic uniform generator (mulberry32) → standard normals by Box–Muller. */
export function gaussianStream(seed: number): () => number {
  let a = seed >>> 0;
  let spare: number | undefined;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const th = 2 * Math.PI * uniform();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
}

function gaussians(count: number, seed: number): Float32Array {
  const g = gaussianStream(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = g();
  return out;
}

const LATENT = 64;
const latentCache = new Map<number, Float32Array>();
const dataCache = new Map<string, Float32Array>();

/** The generator behind `BenchContext.data` (tfjs backend must be selected first). */
export function realisticActivations(n: number, p: number, seed: number): Float32Array {
  const key = `${n}:${p}:${seed}`;
  const cached = dataCache.get(key);
  if (cached) return cached;
  let z = latentCache.get(n);
  if (!z) {
    z = gaussians(n * LATENT, 0x5eed ^ n);
    latentCache.set(n, z);
  }
  const loadings = gaussians(LATENT * p, 1000 + seed);
  // Sparse-ish loadings: each unit listens mostly to a few factors, like a feature detector.
  for (let i = 0; i < loadings.length; i++) loadings[i] = loadings[i]! * (Math.abs(loadings[i]!) > 1 ? 0.5 : 0.05);
  const noise = gaussians(n * p, 2000 + seed);
  const bias = gaussians(p, 3000 + seed);
  const out = tf.tidy(() => {
    const signal = tf.matMul(tf.tensor2d(z!, [n, LATENT]), tf.tensor2d(loadings, [LATENT, p]));
    const pre = signal.add(tf.tensor2d(noise, [n, p]).mul(0.5)).add(tf.tensor1d(bias).mul(0.5).sub(0.3));
    return tf.relu(pre).dataSync() as Float32Array;
  });
  const copy = new Float32Array(out);
  dataCache.set(key, copy);
  return copy;
}

export function makeContext(tmpDir: string, quick: boolean, wide = false): BenchContext {
  return {
    tmpDir,
    quick,
    wide,
    data: realisticActivations,
    writeMatrix(name, data, rows, cols) {
      if (data.length !== rows * cols) throw new Error(`writeMatrix ${name}: ${data.length} values, not ${rows}x${cols}`);
      const file = path.join(tmpDir, `${name}.f32`);
      writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      return file;
    },
    python(script, args) {
      return new Promise((resolve, reject) => {
        const child = spawn(PEER_PYTHON, [path.join(PEERS_DIR, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('error', reject);
        child.on('close', (code) => {
          if (code !== 0) return reject(new Error(`python3 ${script} exited ${code}: ${err.trim().split('\n').pop()}`));
          try {
            resolve(JSON.parse(out));
          } catch {
            reject(new Error(`python3 ${script} printed no JSON: ${out.slice(0, 200)}`));
          }
        });
      });
    },
    async measure(fn, repeats = 3, warmup = true) {
      if (warmup) await fn();
      const runs: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < repeats; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await fn();
        const wall = performance.now() - t0;
        const c = process.cpuUsage(c0);
        runs.push({ wall, cpu: (c.user + c.system) / 1000 });
      }
      runs.sort((a, b) => a.wall - b.wall);
      return runs[Math.floor(runs.length / 2)]!;
    },
    async time(fn, repeats = 3) {
      await fn();
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)]!;
    },
  };
}
