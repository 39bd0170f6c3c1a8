/**
 * The GPU check: `npm run check:gpu` (through benchmark/check-gpu.sh, which sets up the Vulkan loader and the NVIDIA
 * driver manifest first). On the machine it runs on it measures, in one process, within ~8 minutes:
 *
 * 1. backend parity on webgpu (CONVERGENT_BACKEND=webgpu forced): products vs float64, conv/relu/pool/dense
 *    gradients and five Adam steps vs the cpu backend — the cases of src/backend/webgpu-parity.test.ts;
 * 2. training samples/s of the benchmark CNN (benchmark/train-bench-job.ts, batch 128, real MNIST): webgpu in this
 *    thread, wasm in a worker thread, PyTorch CPU with every core (python3-torch, if installed);
 * 3. the statistics pass (moments of a 40,000 × 1,024 float32 joint matrix, ONNX Runtime products) in GB/s;
 * 4. the demo family (examples/demo.json: 5 networks + untrained twins, one epoch) trained, recorded and aligned
 *    on webgpu by the CLI, wall time and the manifest's backend.
 *
 * It never stops at the first failure: every row says what it measured or why it could not run. On a software
 * adapter (Mesa lavapipe on a CPU machine) the long webgpu runs (full training timing, demo family) are not run.
 * `--quick` shortens everything (a smoke test of the script itself).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeGpu } from '../src/backend/gpu-lifetime.ts';
import { isSoftwareAdapter, probeWebgpu, selectBackend } from '../src/backend/select-backend.ts';
import { parseScriptArgs } from '../src/cli/command.ts';
import { networkGrads, productErrors, relErr, trainedWeights, PARITY_LIMITS } from '../src/backend/parity-cases.ts';
import { defaultCacheDir, loadDataset } from '../src/data/load-dataset.ts';
import { MomentAccumulator } from '../src/stats/moments.ts';
import { runInWorkers } from '../src/parallel/worker-pool.ts';
import { trainSteps, type TrainBenchInput, type TrainBenchOutput } from './train-bench-job.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const engineDir = path.resolve(here, '..');
const quick = parseScriptArgs('check:gpu', { quick: 'boolean' }, 'npm run check:gpu -- [--quick]').options.quick === true;
const started = performance.now();
/** Whole-check budget: the demo family gets what is left of it. */
const BUDGET_S = quick ? 120 : 450;
const left = (): number => BUDGET_S - (performance.now() - started) / 1000;
const load = (): string => os.loadavg().map((v) => v.toFixed(1)).join(' ');
const log = (s: string): void => console.error(`check:gpu: ${s}`);
const fmt = (v: number, d = 1): string => (Number.isFinite(v) ? v.toFixed(d) : '-');

interface Row {
  what: string;
  value: string;
  note: string;
}
const rows: Row[] = [];
const row = (what: string, value: string, note = ''): void => {
  rows.push({ what, value, note });
  log(`${what}: ${value}${note ? ` (${note})` : ''}`);
};

function machine(): string {
  const smi = spawnSync('nvidia-smi', ['--query-gpu=name,driver_version,memory.total', '--format=csv,noheader'], { encoding: 'utf8' });
  const gpu = smi.status === 0 ? smi.stdout.trim().split('\n').join('; ') : 'no nvidia-smi';
  return `${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}; GPU: ${gpu}; VK_DRIVER_FILES=${process.env.VK_DRIVER_FILES ?? '(unset)'}`;
}

async function parity(): Promise<boolean> {
  await selectBackend({ force: 'cpu' });
  const gradsCpu = await networkGrads(11);
  const weightsCpu = await trainedWeights(5);
  await selectBackend({ force: 'webgpu' });
  const p = await productErrors();
  const g = await networkGrads(11);
  const w = await trainedWeights(5);
  const gErr = Math.max(...g.map((v, i) => relErr(v, gradsCpu[i]!)));
  const wErr = Math.max(...w.map((v, i) => relErr(v, weightsCpu[i]!)));
  const ok = p.ab < PARITY_LIMITS.product && p.ata < PARITY_LIMITS.product && gErr < PARITY_LIMITS.gradients && wErr < PARITY_LIMITS.training;
  row('parity: products A·B, AᵀA vs float64', `${fmt(p.ab, 3)}, ${fmt(p.ata, 3)} × bound`, 'bound 4e-7·k^1.5; < 1 passes');
  row('parity: gradients vs cpu (max rel. L2)', gErr.toExponential(1), `conv/relu/max+avg pool/dense; limit ${PARITY_LIMITS.gradients}`);
  row('parity: 5 Adam steps vs cpu (max rel. L2)', wErr.toExponential(1), `limit ${PARITY_LIMITS.training}`);
  row('parity', ok ? 'PASS' : 'FAIL');
  return ok;
}

const samplesPerSecond = (o: TrainBenchOutput): number => (o.steps * o.batch * 1000) / o.wallMs;

async function trainWebgpu(base: Omit<TrainBenchInput, 'backend' | 'steps' | 'warmup'>, steps: number): Promise<number> {
  // In this thread: the one GPU device of the process lives here.
  const out = await trainSteps({ ...base, backend: 'webgpu', steps, warmup: 3 }, { progress: () => undefined } as never);
  if (!out.backend.startsWith('webgpu')) throw new Error(`ran on ${out.backend}, not webgpu`);
  return samplesPerSecond(out);
}

async function trainWasm(base: Omit<TrainBenchInput, 'backend' | 'steps' | 'warmup'>, steps: number): Promise<number> {
  const [out] = await runInWorkers<TrainBenchInput, TrainBenchOutput>(new URL('./train-bench-job.ts', import.meta.url), 'trainSteps', [{ ...base, backend: 'wasm', steps, warmup: 2 }], {
    backend: false,
    concurrency: 1,
  });
  return samplesPerSecond(out!);
}

function torchPython(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(py, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0) return py;
  }
  return undefined;
}

function trainTorch(py: string, cacheDir: string, n: number, steps: number): number {
  const base = path.join(cacheDir, 'mnist.v1');
  const threads = os.availableParallelism();
  const r = spawnSync(py, [path.join(here, 'peers', 'train_cnn.py'), `${base}.images`, `${base}.labels`, String(n), '28', '28', String(threads), String(steps)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`train_cnn.py failed: ${r.stderr.trim().split('\n').pop()}`);
  return (JSON.parse(r.stdout) as { samplesPerSecond: number }).samplesPerSecond;
}

function statisticsPass(): void {
  const N = quick ? 8000 : 40_000;
  const W = 1024;
  const x = new Float32Array(N * W);
  let s = 12345;
  for (let i = 0; i < x.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    x[i] = s / 4294967296 - 0.5;
  }
  let best = Infinity;
  for (let rep = 0; rep < 2; rep++) {
    const t = performance.now();
    const acc = new MomentAccumulator(W, { groups: [{ offset: 0, count: W / 2 }, { offset: W / 2, count: W / 2 }] });
    const batch = 4096;
    for (let r = 0; r < N; r += batch) acc.update(x.subarray(r * W, Math.min(N, r + batch) * W), Math.min(batch, N - r));
    acc.finalize();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  row(`statistics pass ${N} × ${W} float32`, `${fmt((N * W * 4) / best / 1e9, 2)} GB/s`, `${fmt(best * 1000, 0)} ms; products on the CPU (ONNX Runtime when loaded)`);
}

async function demoFamily(): Promise<void> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'convergent-check-gpu-'));
  const budget = Math.max(30, Math.floor(left()));
  const t = performance.now();
  const child = spawn(process.execPath, [path.join(engineDir, 'bin', 'convergent.mjs'), 'experiment', 'run', path.join(engineDir, 'examples', 'demo.json'), '--out', path.join(out, 'run'), '--quiet'], {
    env: { ...process.env, CONVERGENT_BACKEND: 'webgpu' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGTERM'), budget * 1000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  const seconds = (performance.now() - t) / 1000;
  const manifestPath = path.join(out, 'run', 'manifest.json');
  if (code === 0 && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { backend?: { name?: string } };
    row('demo family on webgpu (train + record + align)', `${fmt(seconds, 1)} s`, `manifest backend: ${manifest.backend?.name ?? '?'}; target < 60 s`);
  } else {
    const last = err.trim().split('\n').filter((l) => !l.startsWith('Warning:')).pop() ?? '';
    row('demo family on webgpu', code === null ? `not finished in ${budget} s` : `failed (exit ${code})`, last.slice(0, 200));
  }
  rmSync(out, { recursive: true, force: true });
}

async function main(): Promise<void> {
  log(`${new Date().toISOString()}; ${machine()}; load ${load()}`);
  const probe = await probeWebgpu();
  const reason = 'reason' in probe ? probe.reason : undefined;
  const software = 'info' in probe && isSoftwareAdapter(probe.info);
  row('webgpu adapter', 'info' in probe ? Object.values(probe.info).filter(Boolean).join(' / ') : 'none', reason ?? (software ? 'SOFTWARE adapter: a CPU, not a GPU' : ''));

  const cacheDir = defaultCacheDir();
  const ds = await loadDataset('mnist', { cacheDir });
  const base = { dataset: 'mnist' as const, cacheDir, batch: 128, seed: 1 };

  let gpuSps = NaN;
  if (reason) {
    row('parity', 'NOT RUN', reason);
    row('train CNN webgpu', 'NOT RUN', reason);
  } else {
    try {
      await parity();
    } catch (err) {
      row('parity', 'ERROR', (err as Error).message.split('\n')[0]!);
    }
    const steps = software || quick ? 3 : 40;
    try {
      gpuSps = await trainWebgpu(base, steps);
      row('train CNN webgpu', `${fmt(gpuSps, 0)} samples/s`, `${steps} steps of 128${software ? '; software adapter: a short run only' : ''}`);
    } catch (err) {
      row('train CNN webgpu', 'ERROR', (err as Error).message.split('\n')[0]!);
    }
    // This process is done with the GPU (the demo family runs in its own CLI process): end the device in order
    // rather than leave it to Node's exit (src/backend/gpu-lifetime.ts).
    try {
      await closeGpu();
    } catch (err) {
      row('close the webgpu device', 'ERROR', (err as Error).message.split('\n')[0]!);
    }
  }
  let wasmSps = NaN;
  try {
    wasmSps = await trainWasm(base, quick ? 3 : 10);
    row('train CNN wasm (1 thread)', `${fmt(wasmSps, 0)} samples/s`, `webgpu / wasm = ${fmt(gpuSps / wasmSps, 2)}x (target ≥ 10x on a GPU)`);
  } catch (err) {
    row('train CNN wasm', 'ERROR', (err as Error).message.split('\n')[0]!);
  }
  const py = torchPython();
  if (py) {
    try {
      const torchSps = trainTorch(py, cacheDir, ds.n, quick ? 3 : 20);
      row(`train CNN PyTorch CPU (${os.availableParallelism()} threads)`, `${fmt(torchSps, 0)} samples/s`, `webgpu / PyTorch = ${fmt(gpuSps / torchSps, 2)}x (target ≥ 2x on a GPU)`);
    } catch (err) {
      row('train CNN PyTorch CPU', 'ERROR', (err as Error).message.split('\n')[0]!);
    }
  } else row('train CNN PyTorch CPU', 'NOT RUN', 'python3-torch is not installed (apt-get install python3-torch)');

  statisticsPass();

  if (reason) row('demo family on webgpu', 'NOT RUN', reason);
  else if (software) row('demo family on webgpu', 'NOT RUN', 'software adapter: training 5 networks on a CPU Vulkan driver takes far longer than the check’s budget');
  else if (quick) row('demo family on webgpu', 'NOT RUN', '--quick');
  else await demoFamily();

  const w1 = Math.max(...rows.map((r) => r.what.length));
  const w2 = Math.max(...rows.map((r) => r.value.length));
  console.log(`\nGPU check, ${new Date().toISOString().slice(0, 16)} UTC, load ${load()}, ${fmt((performance.now() - started) / 1000, 0)} s`);
  console.log(machine());
  console.log(`${'check'.padEnd(w1)} | ${'result'.padEnd(w2)} | note`);
  console.log(`${'-'.repeat(w1)}-|-${'-'.repeat(w2)}-|-----`);
  for (const r of rows) console.log(`${r.what.padEnd(w1)} | ${r.value.padEnd(w2)} | ${r.note}`);
  process.exitCode = rows.some((r) => r.value === 'FAIL' || r.value === 'ERROR') ? 1 : 0;
}

await main();
