/**
 * Run-time choice of the tfjs compute backend.
 *
 * Order: native TensorFlow (`@tensorflow/tfjs-node-gpu`, then `@tensorflow/tfjs-node`) → wasm → cpu.
 * `CONVERGENT_BACKEND=tensorflow|wasm|cpu` (or `selectBackend({ force })`) forces one; a forced backend
 * that cannot load is an error, never a silent fallback.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { registerWasmConvKernels } from './wasm-conv-kernels.ts';
import { registerWasmMatMulKernels } from './wasm-matmul-kernels.ts';
import { registerWasmPoolKernels } from './wasm-pool-kernels.ts';
import { registerWasmSumKernel } from './wasm-sum-kernel.ts';
import { registerWasmIdentityKernel } from './wasm-identity-kernel.ts';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

export interface BackendInfo {
  /** tfjs backend name actually in use. */
  name: BackendName;
  /** Where it came from, e.g. `@tensorflow/tfjs-node-gpu` or `@tensorflow/tfjs-backend-wasm (simd)`. */
  detail: string;
}

const require = createRequire(import.meta.url);
let current: BackendInfo | undefined;
let pending: Promise<BackendInfo> | undefined;
const loadHooks: Array<(name: BackendName) => void> = [];

/** Register code (e.g. custom kernels) to run once a backend is registered, before it is used. */
export function onBackendRegistered(hook: (name: BackendName) => void): void {
  loadHooks.push(hook);
}

// The stock wasm backend cannot train convolutions, and runs pooling gradients, transposed matmuls
// and bias-gradient sums through slow paths (and copies on Identity); our kernels are always installed with it.
onBackendRegistered((name) => {
  if (name !== 'wasm') return;
  registerWasmConvKernels();
  registerWasmPoolKernels();
  registerWasmMatMulKernels();
  registerWasmSumKernel();
  registerWasmIdentityKernel();
});

function parseForced(value: string | undefined): BackendName | undefined {
  if (value === undefined || value === '' || value === 'auto') return undefined;
  if ((BACKEND_ORDER as readonly string[]).includes(value)) return value as BackendName;
  throw new Error(
    `CONVERGENT_BACKEND=${value} is not a backend; use one of ${BACKEND_ORDER.join(', ')} or auto`,
  );
}

async function tryTensorflow(): Promise<string | undefined> {
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      // The native bindings register the 'tensorflow' backend on the shared tfjs-core instance.
      require(pkg);
      if (await tf.setBackend('tensorflow')) return pkg;
    } catch {
      // Not installed or libtensorflow missing: try the next option.
    }
  }
  return undefined;
}

async function tryWasm(): Promise<string | undefined> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Threads are unavailable for wasm in Node; parallelism comes from worker threads instead.
    wasm.setThreadsCount?.(1);
    if (await tf.setBackend('wasm')) return '@tensorflow/tfjs-backend-wasm';
  } catch {
    // fall through to cpu
  }
  return undefined;
}

async function activate(order: readonly BackendName[], forced: boolean): Promise<BackendInfo> {
  for (const name of order) {
    let detail: string | undefined;
    if (name === 'tensorflow') detail = await tryTensorflow();
    else if (name === 'wasm') detail = await tryWasm();
    else if (await tf.setBackend('cpu')) {
      detail = '@tensorflow/tfjs-backend-cpu';
      // Silence the cpu backend's one-time "install tfjs-node" banner: the choice is reported by us,
      // and every worker thread would print it again.
      (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
    }
    if (detail !== undefined) {
      await tf.ready();
      for (const hook of loadHooks) hook(name);
      return { name, detail };
    }
  }
  const what = forced ? `the forced backend ${order.join()}` : 'any tfjs backend';
  throw new Error(`could not initialise ${what}; unset CONVERGENT_BACKEND or install the missing package`);
}

/**
 * Select and initialise the backend once per process (idempotent; later calls return the first choice
 * unless `force` names a different backend).
 */
export async function selectBackend(options: { force?: BackendName | 'auto' } = {}): Promise<BackendInfo> {
  const forced = parseForced(options.force ?? process.env.CONVERGENT_BACKEND);
  if (current && (forced === undefined || forced === current.name)) return current;
  if (pending && forced === undefined) return pending;
  pending = activate(forced ? [forced] : BACKEND_ORDER, forced !== undefined).then((info) => {
    current = info;
    return info;
  });
  try {
    return await pending;
  } catch (err) {
    pending = undefined;
    throw err;
  }
}

