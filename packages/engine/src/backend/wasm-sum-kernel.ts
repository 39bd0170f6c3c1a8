/**
 * `Sum` over leading axes on the tfjs wasm backend, as one JS pass.
 *
 * The stock wasm `Sum` reduces innermost axes only, so a reduction over leading axes (every conv /
 * dense bias gradient: `sum(dy, [0, 1, 2])` over NHWC) first transposes the whole tensor: 17–49 ms CPU
 * for a 128x28x28x32 gradient. Here long reductions run as `ones[1, rows] @ x[rows, cols]` in XNNPACK
 * (~1 ms, one streaming pass), short ones as a JS row pass into float64 accumulators. Other
 * reductions go to the stock kernel.
 */
import * as tf from '@tensorflow/tfjs-core';

type Backend = {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  disposeData(dataId: object): boolean;
};
type KernelArgs = { inputs: Record<string, tf.TensorInfo>; backend: Backend; attrs: Record<string, unknown> };
type KernelFn = (args: KernelArgs) => tf.TensorInfo;

const MARK = Symbol.for('convergent.wasmSumKernel');
/** From this many rows the sum runs as a ones-vector product in XNNPACK instead of a JS loop. */
const MATMUL_MIN_ROWS = 4096;
let stockSum: KernelFn | undefined;

function sum(args: KernelArgs): tf.TensorInfo {
  const x = args.inputs.x!;
  const rank = x.shape.length;
  const axes = tf.util.parseAxisParam(args.attrs.axis as number | number[], x.shape).sort((p, q) => p - q);
  const leading = axes.length > 0 && axes.length < rank && axes.every((a, i) => a === i);
  if (x.dtype !== 'float32' || !leading) return stockSum!(args);
  const rows = x.shape.slice(0, axes.length).reduce((p, q) => p * q, 1);
  const kept = x.shape.slice(axes.length);
  const cols = kept.reduce((p, q) => p * q, 1);
  const outShape = args.attrs.keepDims ? [...axes.map(() => 1), ...kept] : kept;
  if (rows >= MATMUL_MIN_ROWS) {
    // Long reductions: ones[1, rows] @ x[rows, cols] in XNNPACK, a streaming pass at memory speed.
    const backend = args.backend;
    const ones = backend.makeOutput([1, 1, rows], 'float32');
    backend.typedArrayFromHeap(ones).fill(1);
    const matMul = tf.getKernel('BatchMatMul', 'wasm')!.kernelFunc as unknown as KernelFn;
    const prod = matMul({ inputs: { a: ones, b: { dataId: x.dataId, shape: [1, rows, cols], dtype: 'float32' } }, backend, attrs: { transposeA: false, transposeB: false } });
    backend.disposeData(ones.dataId);
    return { dataId: prod.dataId, shape: outShape, dtype: 'float32' };
  }
  const out = args.backend.makeOutput(outShape, 'float32');
  const src = args.backend.typedArrayFromHeap(x);
  const acc = new Float64Array(cols);
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    for (let c = 0; c < cols; c++) acc[c]! += src[o + c]!;
  }
  args.backend.typedArrayFromHeap(out).set(acc);
  return out;
}

function isOurs(): boolean {
  const config = tf.getKernel('Sum', 'wasm');
  return config !== undefined && (config.kernelFunc as unknown as Record<symbol, boolean>)[MARK] === true;
}

export function wasmSumKernelInstalled(): boolean {
  return isOurs();
}

/** Put the leading-axes fast path in front of the stock wasm `Sum` (idempotent). */
export function registerWasmSumKernel(): void {
  if (isOurs()) return;
  const config = tf.getKernel('Sum', 'wasm');
  if (config === undefined) throw new Error('wasm kernel Sum is not registered; import @tensorflow/tfjs-backend-wasm first');
  stockSum = config.kernelFunc as unknown as KernelFn;
  (sum as unknown as Record<symbol, boolean>)[MARK] = true;
  tf.unregisterKernel('Sum', 'wasm');
  tf.registerKernel({ ...config, kernelFunc: sum as unknown as tf.KernelFunc });
}
