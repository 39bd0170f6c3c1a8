/**
 * Run-time choice of the tfjs compute backend.
 *
 * Order: native TensorFlow (`@tensorflow/tfjs-node-gpu`, then `@tensorflow/tfjs-node`) → webgpu (Dawn for Node, the
 * `webgpu` package, over Vulkan) → wasm → cpu. `CONVERGENT_BACKEND=tensorflow|webgpu|wasm|cpu` (or
 * `selectBackend({ force })`) forces one; a forced backend that cannot load is an error naming why, never a silent
 * fallback.
 *
 * webgpu in auto mode takes a hardware adapter only: a software Vulkan driver (Mesa lavapipe/llvmpipe, SwiftShader)
 * runs the shaders on the CPU, slower than wasm, so it is skipped unless forced (tests and CI force it to check the
 * kernels). One GPU device per process: only the main thread opens it; worker threads of a webgpu process compute
 * on wasm (their jobs are CPU work: statistics ranges, sparse-prediction targets), and training runs in the main
 * thread when the backend is webgpu. The device is closed explicitly (`closeGpu()` in ./gpu-lifetime.ts, called by
 * the CLI when a command ends, by any other process when its event loop drains): waiting for the queue, disposing
 * tfjs's backend, destroying the device.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
// The align path imports tfjs-core, not the full @tensorflow/tfjs (layers, converter, webgl: ~0.45 s of start-up it
// never uses); the cpu backend is registered as the fallback the full package registered (free: wasm shares its code).
import '@tensorflow/tfjs-backend-cpu';
import { registerWasmConvKernels } from './wasm-conv-kernels.ts';
import { registerWasmMatMulKernels } from './wasm-matmul-kernels.ts';
import { registerWasmPoolKernels } from './wasm-pool-kernels.ts';
import { registerWasmSumKernel } from './wasm-sum-kernel.ts';
import { registerWasmIdentityKernel } from './wasm-identity-kernel.ts';
import { loadOrtProducts, ortProductsFailure } from './ort-products.ts';
import { onGpuOpened } from './gpu-lifetime.ts';

export type BackendName = 'tensorflow' | 'webgpu' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow', 'webgpu', 'wasm', 'cpu'];

export interface BackendInfo {
  /** tfjs backend name actually in use. */
  name: BackendName;
  /**
   * Where it came from, e.g. `@tensorflow/tfjs-backend-wasm`, followed by `; products: …` naming the engine of the
   * large dense CPU products (statistics pass, sparse-prediction Gram, spectral affinity).
   */
  detail: string;
  /** Engine of the large dense CPU products: `onnxruntime` when it loaded, else `tfjs` (the backend above). */
  products: 'onnxruntime' | 'tfjs';
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

/** What a WebGPU adapter says about itself (GPUAdapterInfo). */
export interface AdapterInfo {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
}

/** Software (CPU) Vulkan/WebGPU implementations: usable when forced, never picked automatically. */
export function isSoftwareAdapter(info: AdapterInfo): boolean {
  return /lavapipe|llvmpipe|swiftshader|software|\bcpu\b/i.test(`${info.vendor} ${info.architecture} ${info.device} ${info.description}`);
}

/** Where the Vulkan loader looks for driver manifests (ICD json files), in its order. */
function vulkanIcdFiles(): string[] {
  const listed = process.env.VK_DRIVER_FILES || process.env.VK_ICD_FILENAMES;
  if (listed) return listed.split(':').filter((f) => f !== '');
  const dirs = ['/etc/vulkan/icd.d', '/usr/local/share/vulkan/icd.d', '/usr/share/vulkan/icd.d'];
  const files: string[] = [];
  for (const dir of dirs) {
    try {
      for (const f of readdirSync(dir)) if (f.endsWith('.json')) files.push(`${dir}/${f}`);
    } catch {
      // no such directory
    }
  }
  return files;
}

const SOFTWARE_ICD = /lvp|lavapipe|llvmpipe|swiftshader/i;

/**
 * The hardware Vulkan drivers this machine lists (ICD manifests that are not a software rasteriser). Auto selection
 * loads Dawn only when there is one: on a CPU-only machine it would find lavapipe at best (slower than wasm), after
 * ~0.8 s of start-up and driver warnings on stderr.
 */
export function hardwareVulkanDrivers(): string[] {
  return vulkanIcdFiles().filter((f) => !SOFTWARE_ICD.test(f.split('/').pop() ?? f));
}

/** GPU device nodes (NVIDIA's /dev/nvidia*, DRM render nodes): Mesa installs hardware ICDs on machines without a GPU. */
export function gpuDeviceNodes(): string[] {
  const nodes: string[] = [];
  try {
    for (const f of readdirSync('/dev')) if (/^nvidia\d+$/.test(f)) nodes.push(`/dev/${f}`);
  } catch {
    // not Linux-like
  }
  try {
    for (const f of readdirSync('/dev/dri')) if (f.startsWith('renderD')) nodes.push(`/dev/dri/${f}`);
  } catch {
    // no DRM
  }
  return nodes;
}

let webgpuProbe: Promise<{ info: AdapterInfo } | { reason: string }> | undefined;

/**
 * Load Dawn (the `webgpu` package), expose `navigator.gpu` and its globals, and ask for an adapter. Never throws:
 * the answer is the adapter's info or a one-line reason (package missing, no Vulkan loader, no adapter).
 */
export function probeWebgpu(): Promise<{ info: AdapterInfo } | { reason: string }> {
  webgpuProbe ??= (async () => {
    let gpu: { requestAdapter(options?: object): Promise<unknown> };
    try {
      const dawn = (await import('webgpu')) as unknown as { create(flags: string[]): typeof gpu; globals: object };
      gpu = dawn.create([]);
      Object.assign(globalThis, dawn.globals);
      const nav = (globalThis as { navigator?: object }).navigator;
      if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
      else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
    } catch (err) {
      const text = String((err as Error)?.message ?? err).split('\n')[0] ?? '';
      const vulkan = /libvulkan/i.test(text) ? ' (no Vulkan loader: install libvulkan1)' : '';
      return { reason: `the webgpu package (Dawn) did not load${vulkan}: ${text}` };
    }
    let adapter: { info?: Partial<AdapterInfo> } | null;
    try {
      adapter = (await gpu.requestAdapter({ powerPreference: 'high-performance' })) as typeof adapter;
    } catch (err) {
      return { reason: `requesting a WebGPU adapter failed: ${String((err as Error)?.message ?? err).split('\n')[0]}` };
    }
    if (!adapter) {
      return {
        reason:
          'no WebGPU adapter (Dawn found no usable Vulkan driver: on an NVIDIA machine install libvulkan1 and point VK_DRIVER_FILES at the NVIDIA ICD json; on a CPU machine Mesa >= 23 lavapipe from bookworm-backports)',
      };
    }
    const i = adapter.info ?? {};
    return { info: { vendor: i.vendor ?? '', architecture: i.architecture ?? '', device: i.device ?? '', description: i.description ?? '' } };
  })();
  return webgpuProbe;
}

function adapterText(info: AdapterInfo): string {
  return [info.vendor, info.architecture, info.device, info.description].filter((x) => x !== '').join(' / ') || 'unnamed adapter';
}

/** Why webgpu was not used in auto mode (for diagnostics; undefined when it was, or was not tried). */
let webgpuSkipped: string | undefined;

async function tryWebgpu(forced: boolean): Promise<{ detail: string } | { reason: string }> {
  if (!isMainThread) return { reason: 'webgpu is opened by the main thread only (one GPU device per process)' };
  if (!forced && hardwareVulkanDrivers().length === 0) {
    const icds = vulkanIcdFiles();
    return { reason: `no hardware Vulkan driver (${icds.length ? `only ${icds.map((f) => f.split('/').pop()).join(', ')}` : 'no ICD manifest'}); CONVERGENT_BACKEND=webgpu tries anyway` };
  }
  if (!forced && gpuDeviceNodes().length === 0) {
    return { reason: 'no GPU device node (/dev/nvidia*, /dev/dri/renderD*); CONVERGENT_BACKEND=webgpu tries anyway' };
  }
  const probe = await probeWebgpu();
  if ('reason' in probe) return probe;
  if (!forced && isSoftwareAdapter(probe.info)) {
    return { reason: `the only WebGPU adapter is a software one (${adapterText(probe.info)}), slower than wasm; CONVERGENT_BACKEND=webgpu uses it anyway` };
  }
  try {
    // Registers 'webgpu' only when navigator.gpu exists, so it is imported after the probe.
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!(await tf.setBackend('webgpu'))) return { reason: `tfjs could not start its webgpu backend on ${adapterText(probe.info)}` };
  } catch (err) {
    return { reason: `tfjs-backend-webgpu failed on ${adapterText(probe.info)}: ${String((err as Error)?.message ?? err).split('\n')[0]}` };
  }
  onGpuOpened(closeWebgpu);
  return { detail: `@tensorflow/tfjs-backend-webgpu on ${adapterText(probe.info)}` };
}

/** The parts of a WebGPU device (GPUDevice) that closing it uses. */
interface GpuDevice {
  queue: { onSubmittedWorkDone(): Promise<void> };
  destroy(): void;
  lost: Promise<unknown>;
}

/** The priority `@tensorflow/tfjs-backend-webgpu` registers its factory with (its base.ts). */
const WEBGPU_FACTORY_PRIORITY = 3;

/**
 * End the webgpu backend in order while JavaScript runs (see ./gpu-lifetime.ts for why): wait until the GPU has
 * finished the submitted work, switch tfjs to cpu, dispose tfjs's webgpu backend (it destroys its buffers), destroy
 * the device and wait for its `lost` promise. The factory is registered again, so a later
 * `selectBackend({ force: 'webgpu' })` opens a new device on the same Dawn instance.
 */
async function closeWebgpu(): Promise<void> {
  const backend = tf.findBackend('webgpu') as unknown as { device?: GpuDevice } | null;
  const device = backend?.device;
  if (device) await device.queue.onSubmittedWorkDone();
  if (tf.getBackend() === 'webgpu') {
    await tf.setBackend('cpu');
    (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
  }
  const factory = tf.findBackendFactory('webgpu');
  tf.removeBackend('webgpu');
  if (factory) tf.registerBackend('webgpu', factory, WEBGPU_FACTORY_PRIORITY);
  if (device) {
    device.destroy();
    await device.lost;
  }
  if (current?.name === 'webgpu') {
    current = undefined;
    pending = undefined;
  }
}

/** Why auto selection passed over webgpu, if it did. */
export function webgpuSkipReason(): string | undefined {
  return webgpuSkipped;
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
  let why: string | undefined;
  for (const name of order) {
    let detail: string | undefined;
    if (name === 'tensorflow') detail = await tryTensorflow();
    else if (name === 'webgpu') {
      // Worker threads of a process whose main thread forced webgpu compute on wasm (one device per process).
      if (forced && !isMainThread) return activate(['wasm', 'cpu'], false);
      const got = await tryWebgpu(forced);
      if ('reason' in got) {
        why = got.reason;
        webgpuSkipped = got.reason;
      } else detail = got.detail;
    } else if (name === 'wasm') detail = await tryWasm();
    else if (await tf.setBackend('cpu')) {
      detail = '@tensorflow/tfjs-backend-cpu';
      // Silence the cpu backend's one-time "install tfjs-node" banner: the choice is reported by us,
      // and every worker thread would print it again.
      (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
    }
    if (detail !== undefined) {
      await tf.ready();
      for (const hook of loadHooks) hook(name);
      const ort = await loadOrtProducts();
      const products = ort ? ort.detail : `tfjs ${name} (${ortProductsFailure() ?? 'onnxruntime-node not loaded'})`;
      return { name, detail: `${detail}; products: ${products}`, products: ort ? 'onnxruntime' : 'tfjs' };
    }
  }
  if (forced && order.length === 1 && order[0] === 'webgpu') {
    throw new Error(`CONVERGENT_BACKEND=webgpu: ${why ?? 'unavailable'}; unset CONVERGENT_BACKEND to use wasm`);
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

