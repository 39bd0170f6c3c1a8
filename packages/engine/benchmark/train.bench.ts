/**
 * Training benchmark: `npm run bench:train -w @convergent/engine -- [--quick] [--dataset fashion-mnist]`.
 *
 * Trains the reference CNN (conv5x5x32 same relu → maxpool2 → conv5x5x64 same relu → maxpool2 →
 * dense128 relu → dense10; Adam; batch 128; 28x28x1 real MNIST) on every available tfjs backend, each
 * in its own worker thread, then the same network in PyTorch (CPU, Debian python3-torch) with 1 and 2
 * threads, and 2 wasm workers training 2 networks at once. Prints samples/s by wall clock and per
 * CPU-second (process CPU time: robust when other work shares the machine), and ratios against PyTorch
 * at the same core count. Also: our wasm kernels vs the stock ones, and dataset load times.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScriptArgs } from '../src/cli/command.ts';
import { defaultCacheDir, loadDataset, type BuiltinDataset } from '../src/data/load-dataset.ts';
import { runInWorkers } from '../src/parallel/worker-pool.ts';
import type { KernelTiming, TrainBenchInput, TrainBenchOutput } from './train-bench-job.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const job = new URL('./train-bench-job.ts', import.meta.url);
const { options } = parseScriptArgs('bench:train', { quick: 'boolean', dataset: 'string' }, 'npm run bench:train -w @convergent/engine -- [--quick] [--dataset fashion-mnist]');
const quick = options.quick === true;
const dataset = ((options.dataset as string | undefined) ?? 'mnist') as BuiltinDataset;
const BATCH = 128;
const WASM_STEPS = quick ? 3 : 10;
const TORCH_STEPS = quick ? 3 : 10;

const fmt = (v: number | null | undefined, digits = 0): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(v < 10 ? Math.max(digits, 2) : digits);
const load = (): string => os.loadavg().map((v) => v.toFixed(1)).join(' ');

interface Row {
  config: string;
  wall: number;
  cpu?: number;
  peer?: string;
  peerCpu?: number;
  peerWall?: number;
  note?: string;
}

function torchPython(): string | undefined {
  // Debian's python3-torch lives in the system interpreter; a pyenv `python3` may not see it.
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import torch'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

interface TorchResult {
  samplesPerSecond: number;
  samplesPerCpuSecond: number;
  torch: string;
  lastLoss: number;
}

function runTorch(py: string, cacheDir: string, n: number, threads: number): TorchResult {
  const base = path.join(cacheDir, `${dataset}.v1`);
  const r = spawnSync(
    py,
    [path.join(here, 'peers', 'train_cnn.py'), `${base}.images`, `${base}.labels`, String(n), '28', '28', String(threads), String(TORCH_STEPS)],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`train_cnn.py failed: ${r.stderr.trim().split('\n').pop()}`);
  return JSON.parse(r.stdout) as TorchResult;
}

async function main(): Promise<void> {
  const cacheDir = defaultCacheDir();
  console.error(`dataset ${dataset}, batch ${BATCH}, load average ${load()}, ${os.availableParallelism()} cores`);

  // Dataset load: first parse (fresh cache dir) vs cached.
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'convergent-cache-'));
  let t = performance.now();
  await loadDataset(dataset, { cacheDir: fresh });
  const parseMs = performance.now() - t;
  t = performance.now();
  const ds = await loadDataset(dataset, { cacheDir: fresh });
  const cachedMs = performance.now() - t;
  rmSync(fresh, { recursive: true, force: true });
  await loadDataset(dataset, { cacheDir }); // make sure the shared cache exists for the workers and PyTorch
  const base: Omit<TrainBenchInput, 'backend' | 'steps' | 'warmup'> = { dataset, cacheDir, batch: BATCH, seed: 1 };

  const rows: Row[] = [];
  const one = async (input: TrainBenchInput): Promise<TrainBenchOutput | string> => {
    try {
      const [out] = await runInWorkers<TrainBenchInput, TrainBenchOutput>(job, 'trainSteps', [input], { backend: false, concurrency: 1 });
      return out!;
    } catch (err) {
      return (err as Error).message;
    }
  };
  const perSec = (o: TrainBenchOutput, ms: number): number => (o.steps * o.batch * 1000) / ms;
  const say = (label: string, o: TrainBenchOutput | string): void =>
    console.error(typeof o === 'string' ? `  ${label}: ${o}` : `  ${label}: ${fmt(perSec(o, o.wallMs))} samples/s wall, ${fmt(perSec(o, o.cpuMs))} per CPU-second`);

  const py = torchPython();
  console.error('PyTorch ...');
  const torch1 = py ? runTorch(py, cacheDir, ds.n, 1) : undefined;
  const torch2 = py ? runTorch(py, cacheDir, ds.n, 2) : undefined;
  if (torch1 && torch2) console.error(`  PyTorch: 1 thread ${fmt(torch1.samplesPerCpuSecond)}, 2 threads ${fmt(torch2.samplesPerCpuSecond)} samples per CPU-second`);

  console.error('wasm (Convergent kernels) ...');
  const wasm = await one({ ...base, backend: 'wasm', steps: WASM_STEPS, warmup: 2 });
  say('wasm', wasm);
  if (typeof wasm === 'string') rows.push({ config: 'tfjs wasm + Convergent kernels, 1 worker', wall: NaN, note: wasm });
  else {
    rows.push({
      config: 'tfjs wasm + Convergent kernels, 1 worker',
      wall: perSec(wasm, wasm.wallMs),
      cpu: perSec(wasm, wasm.cpuMs),
      peer: 'PyTorch 1 thread',
      peerWall: torch1?.samplesPerSecond,
      peerCpu: torch1?.samplesPerCpuSecond,
      note: `loss ${wasm.firstLoss.toFixed(2)} → ${wasm.lastLoss.toFixed(2)} over ${wasm.steps} steps`,
    });
  }

  console.error('2 wasm workers at once ...');
  try {
    const outs = await runInWorkers<TrainBenchInput, TrainBenchOutput>(
      job,
      'trainSteps',
      [1, 2].map((seed) => ({ ...base, seed, backend: 'wasm' as const, steps: WASM_STEPS, warmup: 2 })),
      { backend: false, concurrency: 2 },
    );
    const samples = outs.reduce((s, o) => s + o.steps * o.batch, 0);
    // Aggregate over the span where both ran; CPU time is process-wide, so take the larger report.
    const span = Math.max(...outs.map((o) => o.end)) - Math.min(...outs.map((o) => o.start));
    const cpu = Math.max(...outs.map((o) => o.cpuMs));
    rows.push({
      config: 'tfjs wasm + Convergent kernels, 2 workers (2 nets at once), aggregate',
      wall: (samples * 1000) / span,
      cpu: (samples * 1000) / cpu,
      peer: 'PyTorch 2 threads',
      peerWall: torch2?.samplesPerSecond,
      peerCpu: torch2?.samplesPerCpuSecond,
      note: 'CPU figure: process CPU over the longer worker window (approximate)',
    });
  } catch (err) {
    rows.push({ config: 'tfjs wasm, 2 workers', wall: NaN, note: (err as Error).message });
  }

  console.error('cpu backend ...');
  // The pure-JS cpu backend needs minutes per batch of 128: time 1 step of batch 8 after one warm-up
  // step (its throughput per sample barely depends on the batch). An order of magnitude, no more.
  const cpu = await one({ ...base, backend: 'cpu', steps: 1, warmup: 1, batch: 8 });
  say('cpu', cpu);
  if (typeof cpu === 'string') rows.push({ config: 'tfjs cpu', wall: NaN, note: cpu });
  else rows.push({ config: 'tfjs cpu (pure JS)', wall: perSec(cpu, cpu.wallMs), cpu: perSec(cpu, cpu.cpuMs), peer: 'PyTorch 1 thread', peerWall: torch1?.samplesPerSecond, peerCpu: torch1?.samplesPerCpuSecond, note: `${cpu.steps} steps of batch ${cpu.batch}` });

  const tfnative = await one({ ...base, backend: 'tensorflow', steps: WASM_STEPS, warmup: 2 });
  if (typeof tfnative === 'string') rows.push({ config: 'tfjs tensorflow (tfjs-node-gpu / tfjs-node)', wall: NaN, note: 'not installed here' });
  else rows.push({ config: `tfjs ${tfnative.backend}`, wall: perSec(tfnative, tfnative.wallMs), cpu: perSec(tfnative, tfnative.cpuMs), peer: 'PyTorch 1 thread', peerWall: torch1?.samplesPerSecond, peerCpu: torch1?.samplesPerCpuSecond });

  if (torch1) rows.push({ config: `PyTorch ${torch1.torch} CPU, 1 thread`, wall: torch1.samplesPerSecond, cpu: torch1.samplesPerCpuSecond });
  if (torch2) rows.push({ config: `PyTorch ${torch2.torch} CPU, 2 threads`, wall: torch2.samplesPerSecond, cpu: torch2.samplesPerCpuSecond });
  if (!py) rows.push({ config: 'PyTorch', wall: NaN, note: 'python3-torch not found' });

  console.error('kernels ...');
  let kernels: KernelTiming[] = [];
  try {
    kernels = (await runInWorkers<unknown, KernelTiming[]>(job, 'kernelTimes', [null], { backend: false }))[0]!;
  } catch (err) {
    console.error(`kernel timings failed: ${(err as Error).message}`);
  }

  console.log(`\nTraining throughput, reference CNN, batch ${BATCH}, ${dataset} (load average at end: ${load()})\n`);
  console.log('| configuration | samples/s (wall) | samples per CPU-second | peer | peer samples/s (wall / CPU-s) | ratio (CPU-s) | ratio (wall) | note |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const ratioCpu = r.cpu && r.peerCpu ? `${(r.cpu / r.peerCpu).toFixed(2)}x` : '-';
    const ratioWall = r.wall && r.peerWall ? `${(r.wall / r.peerWall).toFixed(2)}x` : '-';
    const peer = r.peer ? `${fmt(r.peerWall)} / ${fmt(r.peerCpu)}` : '-';
    console.log(`| ${r.config} | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${r.peer ?? '-'} | ${peer} | ${ratioCpu} | ${ratioWall} | ${r.note ?? ''} |`);
  }
  if (kernels.length > 0) {
    console.log('\nwasm kernels, CPU ms per call (batch 128, reference-net shapes)\n');
    console.log('| kernel | shape | stock tfjs-backend-wasm 4.22 | Convergent | speed-up |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const k of kernels) {
      const speed = k.stockMs ? `${(k.stockMs / k.oursMs).toFixed(1)}x` : 'stock has no kernel: cannot train';
      console.log(`| ${k.kernel} | ${k.shape} | ${k.stockMs === null ? 'missing' : fmt(k.stockMs, 1)} | ${fmt(k.oursMs, 1)} | ${speed} |`);
    }
  }
  console.log(`\n${dataset}: first load (parse npm JSON + write cache) ${fmt(parseMs)} ms, cached load ${fmt(cachedMs)} ms (${ds.n} images)`);
  if (!existsSync(cacheDir)) console.log(`(cache dir ${cacheDir} missing)`);
}

main().catch((err: unknown) => {
  console.error(`bench:train failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
