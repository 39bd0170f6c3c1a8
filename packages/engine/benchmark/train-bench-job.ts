/**
 * Worker jobs of benchmark/train.bench.ts: train the reference CNN for a few steps on real data, and
 * time the replaced wasm kernels against the stock ones. Each runs in its own worker thread (its own
 * tfjs engine and backend); CPU time is process-wide, so timed jobs run one at a time unless stated.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendName } from '../src/backend/select-backend.ts';
import { imagesTensor, labelsTensor, type Dataset } from '../src/data/dataset.ts';
import { loadDataset, type BuiltinDataset } from '../src/data/load-dataset.ts';
import type { JobContext } from '../src/parallel/worker-pool.ts';

export interface TrainBenchInput {
  backend: BackendName;
  dataset: BuiltinDataset;
  cacheDir?: string;
  steps: number;
  warmup: number;
  batch: number;
  seed: number;
}

export interface TrainBenchOutput {
  backend: string;
  steps: number;
  batch: number;
  wallMs: number;
  cpuMs: number;
  /** Date.now() at the start / end of the timed steps (aggregating concurrent workers). */
  start: number;
  end: number;
  firstLoss: number;
  lastLoss: number;
}

/** conv5x5x32 same relu → maxpool2 → conv5x5x64 same relu → maxpool2 → dense128 relu → dense10. */
export function referenceCnn(ds: Pick<Dataset, 'height' | 'width' | 'channels' | 'classes'>, seed: number): tf.Sequential {
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed * 16 + k });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [ds.height, ds.width, ds.channels], filters: 32, kernelSize: 5, padding: 'same', activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 5, padding: 'same', activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: init(3) }),
      tf.layers.dense({ units: ds.classes, kernelInitializer: init(4) }),
    ],
  });
}

export async function trainSteps(input: TrainBenchInput, ctx: JobContext<string>): Promise<TrainBenchOutput> {
  const info = await selectBackend({ force: input.backend });
  const ds = await loadDataset(input.dataset, { cacheDir: input.cacheDir });
  const model = referenceCnn(ds, input.seed);
  const opt = tf.train.adam(1e-3);
  let state = input.seed >>> 0;
  const nextIndex = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % ds.n;
  };
  const step = async (): Promise<number> => {
    const idx = Array.from({ length: input.batch }, nextIndex);
    const x = imagesTensor(ds, idx);
    const y = labelsTensor(ds, idx, true);
    const loss = opt.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor), true)!;
    // `await data()`: webgpu in Node cannot read synchronously.
    const v = (await loss.data())[0]!;
    tf.dispose([x, y, loss]);
    return v;
  };
  for (let i = 0; i < input.warmup; i++) await step();
  ctx.progress(`${info.name}: warm`);
  const start = Date.now();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let firstLoss = NaN;
  let lastLoss = NaN;
  for (let i = 0; i < input.steps; i++) {
    lastLoss = await step();
    if (i === 0) firstLoss = lastLoss;
  }
  const c = process.cpuUsage(c0);
  const wallMs = performance.now() - t0;
  return {
    backend: `${info.name} (${info.detail})`,
    steps: input.steps,
    batch: input.batch,
    wallMs,
    cpuMs: (c.user + c.system) / 1000,
    start,
    end: Date.now(),
    firstLoss,
    lastLoss,
  };
}

export interface KernelTiming {
  kernel: string;
  shape: string;
  stockMs: number | null;
  oursMs: number;
}

type KernelFn = (args: { inputs: Record<string, tf.TensorInfo>; backend: unknown; attrs: Record<string, unknown> }) => tf.TensorInfo;

/** CPU ms per call of our wasm kernels and the stock ones on the reference net's shapes (batch 128). */
export async function kernelTimes(_: unknown, ctx: JobContext<string>): Promise<KernelTiming[]> {
  await import('@tensorflow/tfjs-backend-wasm');
  const stock = new Map<string, KernelFn | undefined>();
  const names = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad', 'BatchMatMul', 'Sum'];
  for (const k of names) stock.set(k, tf.getKernel(k, 'wasm')?.kernelFunc as KernelFn | undefined);
  await selectBackend({ force: 'wasm' });
  const backend = tf.backend() as unknown as { disposeData(id: object): void };
  const time = (fn: KernelFn, inputs: Record<string, tf.Tensor>, attrs: Record<string, unknown>): number => {
    const run = (): void => backend.disposeData(fn({ inputs: inputs as unknown as Record<string, tf.TensorInfo>, backend, attrs }).dataId);
    run();
    const reps = 3;
    const c0 = process.cpuUsage();
    for (let i = 0; i < reps; i++) run();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / reps;
  };
  const N = 128;
  const x2 = tf.randomNormal([N, 14, 14, 32]);
  const dy2 = tf.randomNormal([N, 14, 14, 64]);
  const w2 = tf.randomNormal([5, 5, 32, 64]);
  const x1 = tf.randomNormal([N, 28, 28, 1]);
  const dy1 = tf.randomNormal([N, 28, 28, 32]);
  const c1 = tf.relu(tf.randomNormal([N, 28, 28, 32]));
  const p1 = tf.maxPool(c1 as tf.Tensor4D, 2, 2, 'valid');
  const flat = tf.randomNormal([N, 3136]);
  const dd = tf.randomNormal([N, 128]);
  const conv = { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations: 1 };
  const cases: Array<[string, string, Record<string, tf.Tensor>, Record<string, unknown>]> = [
    ['Conv2DBackpropFilter', 'x 128x28x28x1, dy 128x28x28x32, 5x5', { x: x1, dy: dy1 }, { ...conv, filterShape: [5, 5, 1, 32] }],
    ['Conv2DBackpropFilter', 'x 128x14x14x32, dy 128x14x14x64, 5x5', { x: x2, dy: dy2 }, { ...conv, filterShape: [5, 5, 32, 64] }],
    ['Conv2DBackpropInput', 'dy 128x14x14x64, W 5x5x32x64', { dy: dy2, filter: w2 }, { ...conv, inputShape: [N, 14, 14, 32] }],
    ['MaxPoolGrad', '128x28x28x32, 2x2/2', { dy: p1, input: c1, output: p1 }, { filterSize: 2, strides: 2, pad: 'valid' }],
    ['BatchMatMul', 'dense 3136→128 weight grad (transposeA)', { a: flat, b: dd }, { transposeA: true, transposeB: false }],
    ['Sum', 'bias grad 128x28x28x32 over [0,1,2]', { x: dy1 }, { axis: [0, 1, 2], keepDims: false }],
  ];
  const out: KernelTiming[] = [];
  for (const [kernel, shape, inputs, attrs] of cases) {
    ctx.progress(kernel);
    const ours = tf.getKernel(kernel, 'wasm')!.kernelFunc as KernelFn;
    const s = stock.get(kernel);
    out.push({ kernel, shape, stockMs: s ? time(s, inputs, attrs) : null, oursMs: time(ours, inputs, attrs) });
  }
  return out;
}
