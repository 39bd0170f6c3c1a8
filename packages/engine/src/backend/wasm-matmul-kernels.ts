/**
 * Matrix products on the tfjs wasm backend without transpose flags.
 *
 * XNNPACK has no transposed-operand GEMM, so tfjs-backend-wasm 4.22 runs `BatchMatMul` /
 * `_FusedMatMul` with `transposeA` or `transposeB` through a scalar loop: ~8x slower than an explicit
 * `Transpose` followed by the plain product (measured: dense 3136→128 weight gradient at batch 128,
 * 76 ms vs 11 ms CPU). Every dense layer's backward pass asks for exactly those flags, so these
 * wrappers transpose the flagged operand explicitly and call the stock kernel without flags.
 */
import * as tf from '@tensorflow/tfjs-core';

type Backend = { disposeData(dataId: object): boolean };
type KernelArgs = { inputs: Record<string, tf.TensorInfo>; backend: Backend; attrs: Record<string, unknown> };
type KernelFn = (args: KernelArgs) => tf.TensorInfo;

const MARK = Symbol.for('convergent.wasmMatMulKernel');
const stock = new Map<string, KernelFn>();

/** Swap the last two axes with the stock wasm Transpose kernel. */
function transposeLast2(x: tf.TensorInfo, backend: Backend): tf.TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  const transpose = tf.getKernel('Transpose', 'wasm')!.kernelFunc as unknown as KernelFn;
  return transpose({ inputs: { x }, backend, attrs: { perm } });
}

function withoutTransposeFlags(kernelName: string): KernelFn {
  return (args) => {
    const base = stock.get(kernelName)!;
    const { inputs, backend, attrs } = args;
    if (!attrs.transposeA && !attrs.transposeB) return base(args);
    const owned: tf.TensorInfo[] = [];
    let a = inputs.a!;
    let b = inputs.b!;
    if (attrs.transposeA) owned.push((a = transposeLast2(a, backend)));
    if (attrs.transposeB) owned.push((b = transposeLast2(b, backend)));
    try {
      return base({ inputs: { ...inputs, a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of owned) backend.disposeData(t.dataId);
    }
  };
}

function isOurs(kernelName: string): boolean {
  const config = tf.getKernel(kernelName, 'wasm');
  return config !== undefined && (config.kernelFunc as unknown as Record<symbol, boolean>)[MARK] === true;
}

/** Whether both matmul kernels on wasm are the flag-free wrappers. */
export function wasmMatMulKernelsInstalled(): boolean {
  return isOurs('BatchMatMul') && isOurs('_FusedMatMul');
}

/** Wrap the stock wasm `BatchMatMul` and `_FusedMatMul` (idempotent; after the wasm backend is imported). */
export function registerWasmMatMulKernels(): void {
  for (const kernelName of ['BatchMatMul', '_FusedMatMul']) {
    if (isOurs(kernelName)) continue;
    const config = tf.getKernel(kernelName, 'wasm');
    if (config === undefined) throw new Error(`wasm kernel ${kernelName} is not registered; import @tensorflow/tfjs-backend-wasm first`);
    stock.set(kernelName, config.kernelFunc as unknown as KernelFn);
    const fn = withoutTransposeFlags(kernelName);
    (fn as unknown as Record<symbol, boolean>)[MARK] = true;
    tf.unregisterKernel(kernelName, 'wasm');
    // Keep the stock setupFunc: it binds the wasm function the wrapped kernel calls.
    tf.registerKernel({ ...config, kernelFunc: fn as unknown as tf.KernelFunc });
  }
}
