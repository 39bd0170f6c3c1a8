/**
 * Dense float32 products on ONNX Runtime's CPU engine (`onnxruntime-node`, MLAS: multi-threaded, AVX2/FMA GEMM),
 * with a synchronous call so the moments pass (`MomentAccumulator.update`) stays synchronous.
 *
 * One ONNX graph, built here byte by byte (protobuf wire format; no python, no model file): a single `Gemm` node with `transB = 1` and symbolic
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
function varint(n: number): number[] {
  const out: number[] = [];
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
const fInt = (no: number, value: number): number[] => [...varint((no << 3) | 0), ...varint(value)];
/** Field `no` as length-delimited bytes (a string or a nested message). */
function fBytes(no: number, bytes: string | number[]): number[] {
  const b = typeof bytes === 'string' ? Array.from(enc.encode(bytes)) : bytes;
  return [...varint((no << 3) | 2), ...varint(b.length), ...b];
}

const FLOAT = 1;
/** ValueInfoProto: a float tensor with symbolic dimensions. */
function floatInput(name: string, dims: string[]): number[] {
  const shape = dims.flatMap((d) => fBytes(1, fBytes(2, d))); // TensorShapeProto.dim { dim_param }
  const tensorType = [...fInt(1, FLOAT), ...fBytes(2, shape)]; // TypeProto.Tensor { elem_type, shape }
  return [...fBytes(1, name), ...fBytes(2, fBytes(1, tensorType))]; // ValueInfoProto { name, type { tensor_type } }
}
/** AttributeProto of type INT. */
const intAttr = (name: string, value: number): number[] => [...fBytes(1, name), ...fInt(3, value), ...fInt(20, 2)];

/**
 * ModelProto bytes of one Gemm node (opset 13, IR version 8): `Y = A · Bᵀ` (`nt`, transB = 1: A m × k, B n × k) or
 * `Y = Aᵀ · B` (`tn`, transA = 1: A k × m, B k × n).
 */
export function gemmModel(kind: 'nt' | 'tn'): Uint8Array {
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

/** What the products need of ONNX Runtime (tests substitute nothing: they load the real one or skip). */
export interface OrtGemm {
  /** Y (m × n) = A (m × k) · B (n × k)ᵀ, float32 row-major. */
  gemmNT(a: Float32Array, m: number, b: Float32Array, n: number, k: number): Float32Array;
  /** Y (m × n) = A (k × m)ᵀ · B (k × n), float32 row-major. */
  gemmTN(a: Float32Array, m: number, b: Float32Array, n: number, k: number): Float32Array;
}

export interface OrtProducts extends OrtGemm {
  readonly name: 'onnxruntime';
  /** e.g. `onnxruntime-node 1.31.1 (MLAS, 1 thread)`. */
  readonly detail: string;
  readonly version: string;
  /** Intra-op threads asked for (0: ONNX Runtime's default, one per physical core). */
  readonly threads: number;
}

/** The parts of onnxruntime-node's internal binding used here (it ships no types for them). */
interface OrtSession {
  loadModel(buffer: ArrayBufferLike, byteOffset: number, byteLength: number, options: Record<string, unknown>): Promise<void>;
  run(feeds: Record<string, unknown>, fetches: Record<string, null>, options: Record<string, unknown>): Record<string, { data: Float32Array }>;
}
interface OrtBinding {
  InferenceSession: new () => OrtSession;
}
type OrtTensor = new (type: 'float32', data: Float32Array, dims: number[]) => unknown;

/** Process-wide (per thread) state: the loaded engine, or why there is none. */
let engine: OrtEngine | undefined;
let failure: string | undefined;
let loading: Promise<OrtEngine | undefined> | undefined;

function mode(): 'auto' | 'tfjs' | 'onnxruntime' {
  const v = process.env.CONVERGENT_PRODUCTS;
  if (v === undefined || v === '' || v === 'auto') return 'auto';
  if (v === 'tfjs' || v === 'onnxruntime') return v;
  throw new Error(`CONVERGENT_PRODUCTS=${v} is not a product engine; use onnxruntime, tfjs or auto`);
}

/** Threads for ONNX Runtime's pool: `CONVERGENT_MOMENT_THREADS`, else 1 in a worker thread, else the cores. */
function defaultThreads(): number {
  const env = process.env.CONVERGENT_MOMENT_THREADS;
  if (env !== undefined && env !== '' && Number.isInteger(Number(env)) && Number(env) >= 1) return Number(env);
  if (!isMainThread) return 1;
  return 0; // ONNX Runtime's default: one per physical core
}

class OrtEngine implements OrtProducts {
  readonly name = 'onnxruntime';
  readonly detail: string;

  constructor(
    private readonly Tensor: OrtTensor,
    private readonly sessions: Record<'nt' | 'tn', OrtSession>,
    readonly version: string,
    readonly threads: number,
  ) {
    this.detail = `onnxruntime-node ${version} (MLAS${threads > 0 ? `, ${threads} thread${threads === 1 ? '' : 's'}` : ''})`;
  }

  /**
   * Y = A · Bᵀ for A (m × k) and B (n × k), float32 row-major; returns a new m × n Float32Array.
   */
  gemmNT(a: Float32Array, m: number, b: Float32Array, n: number, k: number): Float32Array {
    if (a.length < m * k || b.length < n * k) throw new Error(`gemmNT: operands hold ${a.length} / ${b.length} values, fewer than ${m}×${k} / ${n}×${k}`);
    const A = new this.Tensor('float32', a.length === m * k ? a : a.subarray(0, m * k), [m, k]);
    const B = new this.Tensor('float32', b.length === n * k ? b : b.subarray(0, n * k), [n, k]);
    return this.sessions.nt.run({ A, B }, { Y: null }, {}).Y!.data;
  }

  /**
   * Y = Aᵀ · B for A (k × m) and B (k × n), float32 row-major; returns a new m × n Float32Array. With `a === b` this
   * is the Gram matrix of A's columns (all of it: ONNX has no symmetric rank-k product).
   */
  gemmTN(a: Float32Array, m: number, b: Float32Array, n: number, k: number): Float32Array {
    if (a.length < m * k || b.length < n * k) throw new Error(`gemmTN: operands hold ${a.length} / ${b.length} values, fewer than ${k}×${m} / ${k}×${n}`);
    const A = new this.Tensor('float32', a.length === m * k ? a : a.subarray(0, m * k), [k, m]);
    const B = new this.Tensor('float32', b.length === n * k ? b : b.subarray(0, n * k), [k, n]);
    return this.sessions.tn.run({ A, B }, { Y: null }, {}).Y!.data;
  }
}

/**
 * Load ONNX Runtime once per thread. Resolves to the engine, or undefined when it is unavailable (see
 * `ortProductsFailure()`), or rejects when `CONVERGENT_PRODUCTS=onnxruntime` and it cannot load. `threads`: intra-op
 * threads (default: the cores on the main thread, 1 in a worker).
 */
export async function loadOrtProducts(options: { threads?: number } = {}): Promise<OrtProducts | undefined> {
  const m = mode();
  if (m === 'tfjs') {
    failure = 'turned off by CONVERGENT_PRODUCTS=tfjs';
    return undefined;
  }
  if (engine) return engine;
  loading ??= (async () => {
    try {
      const { binding, initOrt } = require('onnxruntime-node/dist/binding.js') as { binding: OrtBinding; initOrt(): void };
      const { Tensor } = require('onnxruntime-common') as { Tensor: OrtTensor };
      const { version } = require('onnxruntime-node/package.json') as { version: string };
      initOrt();
      const threads = options.threads ?? defaultThreads();
      const sessions: Partial<Record<'nt' | 'tn', OrtSession>> = {};
      for (const kind of ['nt', 'tn'] as const) {
        const session = new binding.InferenceSession();
        const bytes = gemmModel(kind);
        await session.loadModel(bytes.buffer, bytes.byteOffset, bytes.byteLength, {
          intraOpNumThreads: threads,
          interOpNumThreads: 1,
          executionMode: 'sequential',
          graphOptimizationLevel: 'all',
          enableCpuMemArena: false,
          // Idle intra-op threads sleep instead of spin-waiting for the next product: between batches (file reads,
          // float64 accumulation) and after the pass (the method's JS), spinning threads burned up to 1.1 s of CPU
          // per `align --method spectral` on the 40,000 × 512 pair and took a shared core from the main thread
          // (measured 2026-12-06: CPU 4.6–5.2 s spinning, 3.4–4.0 s not, wall 7.4–8.7 s vs 9.5–11.7 s at load 11).
          extra: { session: { intra_op: { allow_spinning: '0' } } },
        });
        sessions[kind] = session;
      }
      engine = new OrtEngine(Tensor, sessions as Record<'nt' | 'tn', OrtSession>, version, threads);
      // A smoke product: a broken native library fails here, not in the middle of a pass.
      const y = engine.gemmNT(new Float32Array([1, 2, 3, 4]), 2, new Float32Array([1, 0, 0, 1]), 2, 2);
      const z = engine.gemmTN(new Float32Array([1, 2, 3, 4]), 2, new Float32Array([1, 0, 0, 1]), 2, 2);
      if (y.join() !== '1,2,3,4' || z.join() !== '1,3,2,4') throw new Error(`2×2 test products gave ${Array.from(y)} and ${Array.from(z)}`);
      failure = undefined;
      return engine;
    } catch (err) {
      engine = undefined;
      failure = `onnxruntime-node did not load (${String((err as Error | undefined)?.message ?? err).split('\n')[0]})`;
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
export function ortProducts(): OrtProducts | undefined {
  if (process.env.CONVERGENT_PRODUCTS === 'tfjs') return undefined;
  return engine;
}

/** Why ONNX Runtime is not in use (undefined when it is, or before any load attempt). */
export function ortProductsFailure(): string | undefined {
  return failure;
}
