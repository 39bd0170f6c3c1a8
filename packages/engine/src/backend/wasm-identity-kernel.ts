/**
 * Zero-copy `Identity` for the tfjs wasm backend.
 *
 * The stock wasm `Identity` copies its input into a new heap buffer. Gradients call it several times
 * per layer (e.g. passing dy through a bias add), which in the reference CNN's training step copies
 * ~9 ms CPU of activations per batch for nothing. Like the cpu backend's `Identity` (and wasm's own
 * `Reshape`), this one shares the input's data and bumps its reference count: no tfjs kernel writes
 * into an input, so the share is safe, and each holder frees it independently. Strings keep the stock
 * kernel.
 */
import * as tf from '@tensorflow/tfjs-core';

type Backend = { incRef(dataId: object): void };
type KernelArgs = { inputs: Record<string, tf.TensorInfo>; backend: Backend; attrs: Record<string, unknown> };
type KernelFn = (args: KernelArgs) => tf.TensorInfo;

const MARK = Symbol.for('convergent.wasmIdentityKernel');
let stockIdentity: KernelFn | undefined;

function identity(args: KernelArgs): tf.TensorInfo {
  const x = args.inputs.x!;
  if (x.dtype === 'string') return stockIdentity!(args);
  args.backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

function isOurs(): boolean {
  const config = tf.getKernel('Identity', 'wasm');
  return config !== undefined && (config.kernelFunc as unknown as Record<symbol, boolean>)[MARK] === true;
}

export function wasmIdentityKernelInstalled(): boolean {
  return isOurs();
}

/** Replace the stock copying wasm `Identity` (idempotent; after the wasm backend is imported). */
export function registerWasmIdentityKernel(): void {
  if (isOurs()) return;
  const config = tf.getKernel('Identity', 'wasm');
  if (config === undefined) throw new Error('wasm kernel Identity is not registered; import @tensorflow/tfjs-backend-wasm first');
  stockIdentity = config.kernelFunc as unknown as KernelFn;
  (identity as unknown as Record<symbol, boolean>)[MARK] = true;
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({ ...config, kernelFunc: identity as unknown as tf.KernelFunc });
}
