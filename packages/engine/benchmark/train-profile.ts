/**
 * Where one training step of the reference CNN spends its CPU time, per wasm kernel:
 * `npx tsx benchmark/train-profile.ts [steps=5] [rows=30]` (wasm backend with Convergent's kernels).
 *
 * Every wasm kernel is wrapped to add the process CPU time (user + system, robust when other work shares
 * the cores) of its outermost calls; kernels called from inside another kernel count in their caller.
 * Rows are kernel + input shapes, CPU ms per step, calls per step. Use it to find what is below the
 * XNNPACK products' ~30–35 GFLOP/s before optimising (see the README's training section).
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/backend/select-backend.ts';
import { parseScriptArgs } from '../src/cli/command.ts';
import { imagesTensor, labelsTensor } from '../src/data/dataset.ts';
import { loadDataset } from '../src/data/load-dataset.ts';
import { referenceCnn } from './train-bench-job.ts';

const [stepsArg, shownArg] = parseScriptArgs('train-profile', {}, 'npx tsx benchmark/train-profile.ts [steps=5] [rows=30]').positionals;
const steps = Number(stepsArg ?? 5);
const shown = Number(shownArg ?? 30);
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

type KernelArgs = { inputs: Record<string, tf.TensorInfo | undefined> };

await selectBackend({ force: 'wasm' });
const totals = new Map<string, { ms: number; calls: number }>();
let depth = 0;
let recording = false;
for (const config of tf.getKernelsForBackend('wasm')) {
  const inner = config.kernelFunc as unknown as (args: KernelArgs) => unknown;
  tf.unregisterKernel(config.kernelName, 'wasm');
  const wrapped = (args: KernelArgs): unknown => {
    if (depth > 0 || !recording) return inner(args);
    depth++;
    const t = cpuMs();
    try {
      return inner(args);
    } finally {
      depth--;
      const key = `${config.kernelName} ${JSON.stringify(Object.values(args.inputs).map((i) => i?.shape ?? null))}`;
      const row = totals.get(key) ?? { ms: 0, calls: 0 };
      row.ms += cpuMs() - t;
      row.calls++;
      totals.set(key, row);
    }
  };
  tf.registerKernel({ ...config, kernelFunc: wrapped as unknown as tf.KernelFunc });
}

const ds = await loadDataset('mnist');
const model = referenceCnn(ds, 1);
const opt = tf.train.adam(1e-3);
let state = 1;
const step = (): void => {
  const idx = Array.from({ length: 128 }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % ds.n;
  });
  const x = imagesTensor(ds, idx);
  const y = labelsTensor(ds, idx, true);
  const loss = opt.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor), true)!;
  loss.dataSync();
  tf.dispose([x, y, loss]);
};
step();
step();
recording = true;
const c0 = cpuMs();
const w0 = performance.now();
for (let i = 0; i < steps; i++) step();
const perStep = (cpuMs() - c0) / steps;
const wall = (performance.now() - w0) / steps;
const rows = [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms);
const inKernels = rows.reduce((s, [, r]) => s + r.ms, 0) / steps;
console.log(`one step (batch 128): ${perStep.toFixed(1)} ms CPU, ${wall.toFixed(1)} ms wall; in kernels ${inKernels.toFixed(1)}, outside ${(perStep - inKernels).toFixed(1)}`);
console.log('| CPU ms / step | calls / step | kernel [input shapes] |\n| --- | --- | --- |');
for (const [key, r] of rows.slice(0, shown)) console.log(`| ${(r.ms / steps).toFixed(2)} | ${+(r.calls / steps).toFixed(2)} | ${key} |`);
