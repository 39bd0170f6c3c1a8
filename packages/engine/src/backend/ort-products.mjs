/**
 * Dense float32 products on ONNX Runtime's CPU engine (`onnxruntime-node`, MLAS: multi-threaded, AVX2/FMA GEMM),
 * with a synchronous call so the moments pass (`MomentAccumulator.update`) stays synchronous.
 *
 * Plain ESM (written when workers loaded it without tsx; the engine's build copies it into dist/). One ONNX graph, built here
 * byte by byte (protobuf wire format; no python, no model file): a single `Gemm` node with `transB = 1` and symbolic
 * dimensions, `Y[m, n] = A[m, k] · B[n, k]ᵀ`. Both operands are contiguous row-major blocks, so a caller holding Uᵀ
 * (units × rows) gets any block `Uᵀ[lo:hi] · Uᵀ[0:hi]ᵀ` of UᵀU without copying.
 *
 * Loading is asynchronous (ONNX Runtime's `loadModel` returns a promise): `loadOrtProducts()` is awaited once per
 * thread (by `selectBackend()`), after which `ortProducts()` returns the loaded engine synchronously. When the package
 * or its native library cannot load, the reason is kept and callers fall back to the tfjs products.
 * `CONVERGENT_PRODUCTS=tfjs` turns ONNX Runtime off; `CONVERGENT_PRODUCTS=onnxruntime` makes a failed load an error.
 */
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const require = createRequire(import.meta.url);

// ---- protobuf wire format (just what an ONNX ModelProto needs) ----
function varint(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}
const enc = new TextEncoder();
/** Field `no` as a varint. */
const fInt = (no, value) => [...varint((no << 3) | 0), ...varint(value)];
/** Field `no` as length-delimited bytes (a string or a nested message). */
function fBytes(no, bytes) {
  const b = typeof bytes === 'string' ? Array.from(enc.encode(bytes)) : bytes;
  return [...varint((no << 3) | 2), ...varint(b.length), ...b];
}

const FLOAT = 1;
/** ValueInfoProto: a float tensor with symbolic dimensions. */
function floatInput(name, dims) {
  const shape = dims.flatMap((d) => fBytes(1, fBytes(2, d))); // TensorShapeProto.dim { dim_param }
  const tensorType = [...fInt(1, FLOAT), ...fBytes(2, shape)]; // TypeProto.Tensor { elem_type, shape }
  return [...fBytes(1, name), ...fBytes(2, fBytes(1, tensorType))]; // ValueInfoProto { name, type { tensor_type } }
}
/** AttributeProto of type INT. */
const intAttr = (name, value) => [...fBytes(1, name), ...fInt(3, value), ...fInt(20, 2)];

/**
 * ModelProto bytes of one Gemm node (opset 13, IR version 8): `Y = A · Bᵀ` (`nt`, transB = 1: A m × k, B n × k) or
 * `Y = Aᵀ · B` (`tn`, transA = 1: A k × m, B k × n).
 * @param {'nt' | 'tn'} kind
 */
export function gemmModel(kind) {
  const nt = kind === 'nt';
  const node = [...fBytes(1, 'A'), ...fBytes(1, 'B'), ...fBytes(2, 'Y'), ...fBytes(3, 'gemm'), ...fBytes(4, 'Gemm'), ...fBytes(5, intAttr(nt ? 'transB' : 'transA', 1))];
  const graph = [
    ...fBytes(1, node),
    ...fBytes(2, `convergent_gemm_${kind}`),
    ...fBytes(11, floatInput('A', nt ? ['m', 'k'] : ['k', 'm'])),
    ...fBytes(11, floatInput('B', nt ? ['n', 'k'] : ['k', 'n'])),
    ...fBytes(12, floatInput('Y', ['m', 'n'])),
  ];
  const opset = [...fBytes(1, ''), ...fInt(2, 13)];
  const model = [...fInt(1, 8), ...fBytes(2, 'convergent'), ...fBytes(7, graph), ...fBytes(8, opset)];
  return new Uint8Array(model);
}

/** Process-wide (per thread) state: the loaded engine, or why there is none. */
let engine;
let failure;
let loading;

function mode() {
  const v = process.env.CONVERGENT_PRODUCTS;
  if (v === undefined || v === '' || v === 'auto') return 'auto';
  if (v === 'tfjs' || v === 'onnxruntime') return v;
  throw new Error(`CONVERGENT_PRODUCTS=${v} is not a product engine; use onnxruntime, tfjs or auto`);
}

/** Threads for ONNX Runtime's pool: `CONVERGENT_MOMENT_THREADS`, else 1 in a worker thread, else the cores. */
function defaultThreads() {
  const env = process.env.CONVERGENT_MOMENT_THREADS;
  if (env !== undefined && env !== '' && Number.isInteger(Number(env)) && Number(env) >= 1) return Number(env);
  if (!isMainThread) return 1;
  return 0; // ONNX Runtime's default: one per physical core
}

class OrtProducts {
  constructor(binding, Tensor, sessions, version, threads) {
    this.binding = binding;
    this.Tensor = Tensor;
    this.sessions = sessions;
    this.version = version;
    this.threads = threads;
    this.name = 'onnxruntime';
    this.detail = `onnxruntime-node ${version} (MLAS${threads > 0 ? `, ${threads} thread${threads === 1 ? '' : 's'}` : ''})`;
  }

  /**
   * Y = A · Bᵀ for A (m × k) and B (n × k), float32 row-major; returns a new m × n Float32Array.
   * @param {Float32Array} a @param {number} m @param {Float32Array} b @param {number} n @param {number} k
   */
  gemmNT(a, m, b, n, k) {
    if (a.length < m * k || b.length < n * k) throw new Error(`gemmNT: operands hold ${a.length} / ${b.length} values, fewer than ${m}×${k} / ${n}×${k}`);
    const A = new this.Tensor('float32', a.length === m * k ? a : a.subarray(0, m * k), [m, k]);
    const B = new this.Tensor('float32', b.length === n * k ? b : b.subarray(0, n * k), [n, k]);
    return this.sessions.nt.run({ A, B }, { Y: null }, {}).Y.data;
  }

  /**
   * Y = Aᵀ · B for A (k × m) and B (k × n), float32 row-major; returns a new m × n Float32Array. With `a === b` this
   * is the Gram matrix of A's columns (all of it: ONNX has no symmetric rank-k product).
   * @param {Float32Array} a @param {number} m @param {Float32Array} b @param {number} n @param {number} k
   */
  gemmTN(a, m, b, n, k) {
    if (a.length < m * k || b.length < n * k) throw new Error(`gemmTN: operands hold ${a.length} / ${b.length} values, fewer than ${k}×${m} / ${k}×${n}`);
    const A = new this.Tensor('float32', a.length === m * k ? a : a.subarray(0, m * k), [k, m]);
    const B = new this.Tensor('float32', b.length === n * k ? b : b.subarray(0, n * k), [k, n]);
    return this.sessions.tn.run({ A, B }, { Y: null }, {}).Y.data;
  }
}

/**
 * Load ONNX Runtime once per thread. Resolves to the engine, or undefined when it is unavailable (see
 * `ortProductsFailure()`), or rejects when `CONVERGENT_PRODUCTS=onnxruntime` and it cannot load.
 * @param {{ threads?: number }} [options] intra-op threads (default: the cores on the main thread, 1 in a worker)
 */
export async function loadOrtProducts(options = {}) {
  const m = mode();
  if (m === 'tfjs') {
    failure = 'turned off by CONVERGENT_PRODUCTS=tfjs';
    return undefined;
  }
  if (engine) return engine;
  loading ??= (async () => {
    try {
      const { binding, initOrt } = require('onnxruntime-node/dist/binding.js');
      const { Tensor } = require('onnxruntime-common');
      const version = require('onnxruntime-node/package.json').version;
      initOrt();
      const threads = options.threads ?? defaultThreads();
      const sessions = {};
      for (const kind of ['nt', 'tn']) {
        const session = new binding.InferenceSession();
        const bytes = gemmModel(kind);
        await session.loadModel(bytes.buffer, bytes.byteOffset, bytes.byteLength, {
          intraOpNumThreads: threads,
          interOpNumThreads: 1,
          executionMode: 'sequential',
          graphOptimizationLevel: 'all',
          enableCpuMemArena: false,
        });
        sessions[kind] = session;
      }
      engine = new OrtProducts(binding, Tensor, sessions, version, threads);
      // A smoke product: a broken native library fails here, not in the middle of a pass.
      const y = engine.gemmNT(new Float32Array([1, 2, 3, 4]), 2, new Float32Array([1, 0, 0, 1]), 2, 2);
      const z = engine.gemmTN(new Float32Array([1, 2, 3, 4]), 2, new Float32Array([1, 0, 0, 1]), 2, 2);
      if (y.join() !== '1,2,3,4' || z.join() !== '1,3,2,4') throw new Error(`2×2 test products gave ${Array.from(y)} and ${Array.from(z)}`);
      failure = undefined;
      return engine;
    } catch (err) {
      engine = undefined;
      failure = `onnxruntime-node did not load (${String(err?.message ?? err).split('\n')[0]})`;
      return undefined;
    } finally {
      loading = undefined;
    }
  })();
  const result = await loading;
  if (!result && m === 'onnxruntime') throw new Error(`CONVERGENT_PRODUCTS=onnxruntime: ${failure}; reinstall onnxruntime-node or unset CONVERGENT_PRODUCTS`);
  return result;
}

/** The loaded engine of this thread, if `loadOrtProducts()` succeeded (and CONVERGENT_PRODUCTS is not tfjs). */
export function ortProducts() {
  if (process.env.CONVERGENT_PRODUCTS === 'tfjs') return undefined;
  return engine;
}

/** Why ONNX Runtime is not in use (undefined when it is, or before any load attempt). */
export function ortProductsFailure() {
  return failure;
}
