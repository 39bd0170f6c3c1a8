/**
 * Float64 axpy, dot product, a transposed matrix–vector product (d axpys) and a Givens-rotation sweep as a tiny
 * WebAssembly module with 128-bit SIMD (two doubles per instruction, no bounds checks), for the inner loops of the
 * sparse solver, the symmetric eigen-solver, Lanczos and k-means. The module is assembled here byte by byte (no toolchain),
 * imports its memory, and works on byte offsets into it: the caller lays its arrays out in that memory.
 */

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const str = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

// Opcodes used below.
const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;
const GET = 0x20, SET = 0x21, CONST = 0x41, ADD = 0x6a, SHL = 0x74, AND = 0x71, GEU = 0x4f;
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, VOID = 0x40, END = 0x0b, BR = 0x0c, BRIF = 0x0d;
const F64LOAD = [0x2b, 3, 0], F64STORE = [0x39, 3, 0], FMUL = 0xa2, FADD = 0xa0;
const vload = (offset: number): number[] => [0xfd, 0x00, 3, ...uleb(offset)];
const VSTORE = [0xfd, 0x0b, 3, 0], SPLAT = [0xfd, 0x14], VADD = [0xfd, 0xf0, 0x01], VMUL = [0xfd, 0xf2, 0x01];
const lane = (i: number): number[] => [0xfd, 0x21, i];
const vstore = (offset: number): number[] => [0xfd, 0x0b, 3, ...uleb(offset)];
const splatLoad = (offset: number): number[] => [0xfd, 0x0a, 3, ...uleb(offset)];
const VSUB = [0xfd, 0xf1, 0x01], SUB = 0x6b, EQZ = 0x45, CALL = 0x10;
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
};
const i32c = (n: number): number[] => [CONST, ...sleb(n)];

/** axpy(y, x, n, d): y[0..n) += d·x[0..n), y and x byte offsets. Pairs by SIMD, an odd last element scalar. */
const axpyBody = [
  ...vec([[2, I32], [1, V128]]), // locals 4 = i (bytes), 5 = end, 6 = splat(d)
  GET, 3, ...SPLAT, SET, 6,
  GET, 2, ...i32c(3), SHL, ...i32c(-16), AND, SET, 5,
  BLOCK, VOID, LOOP, VOID,
  GET, 4, GET, 5, GEU, BRIF, 1,
  GET, 0, GET, 4, ADD,
  GET, 0, GET, 4, ADD, ...vload(0),
  GET, 1, GET, 4, ADD, ...vload(0),
  GET, 6, ...VMUL, ...VADD, ...VSTORE,
  GET, 4, ...i32c(16), ADD, SET, 4,
  BR, 0, END, END,
  GET, 2, ...i32c(1), AND, IF, VOID,
  GET, 0, GET, 4, ADD,
  GET, 0, GET, 4, ADD, ...F64LOAD,
  GET, 1, GET, 4, ADD, ...F64LOAD,
  GET, 3, FMUL, FADD, ...F64STORE,
  END,
  END,
];

/** dot(a, b, n): Σ a[i]·b[i], two SIMD accumulators (four running sums), then a scalar tail. */
const dotBody = [
  ...vec([[2, I32], [2, V128], [1, F64]]), // locals 3 = i, 4 = end, 5, 6 = accumulators, 7 = sum
  GET, 2, ...i32c(3), SHL, ...i32c(-32), AND, SET, 4,
  BLOCK, VOID, LOOP, VOID,
  GET, 3, GET, 4, GEU, BRIF, 1,
  GET, 5, GET, 0, GET, 3, ADD, ...vload(0), GET, 1, GET, 3, ADD, ...vload(0), ...VMUL, ...VADD, SET, 5,
  GET, 6, GET, 0, GET, 3, ADD, ...vload(16), GET, 1, GET, 3, ADD, ...vload(16), ...VMUL, ...VADD, SET, 6,
  GET, 3, ...i32c(32), ADD, SET, 3,
  BR, 0, END, END,
  GET, 5, GET, 6, ...VADD, SET, 5,
  GET, 5, ...lane(0), GET, 5, ...lane(1), FADD, SET, 7,
  GET, 2, ...i32c(3), SHL, SET, 4,
  BLOCK, VOID, LOOP, VOID,
  GET, 3, GET, 4, GEU, BRIF, 1,
  GET, 7, GET, 0, GET, 3, ADD, ...F64LOAD, GET, 1, GET, 3, ADD, ...F64LOAD, FMUL, FADD, SET, 7,
  GET, 3, ...i32c(8), ADD, SET, 3,
  BR, 0, END, END,
  GET, 7,
  END,
];

/**
 * rot8(p, q, cnt): one QL sweep of `cnt` Givens rotations on a PANEL of 8 matrix rows stored column-interleaved
 * (element i of the panel's 8 rows at bytes p₀ + 64·i … +63). `p` addresses element m (the sweep's top), `q` the
 * sweep's first (cos, sin) pair; rotation t acts on elements (m−1−t, m−t): x = [i], h = the carried [i+1],
 * [i+1] ← s·x + c·h, h ← c·x − s·h, and the last h lands in element m − cnt. Four independent 2-lane chains.
 */
const rotBody = [
  ...vec([[7, V128]]), // locals 3..6 = h0..h3, 7 = c, 8 = s, 9 = x
  ...[0, 1, 2, 3].flatMap((k) => [GET, 0, ...vload(16 * k), SET, 3 + k]),
  BLOCK, VOID, LOOP, VOID,
  GET, 2, EQZ, BRIF, 1,
  GET, 0, ...i32c(64), SUB, SET, 0,
  GET, 1, ...splatLoad(0), SET, 7,
  GET, 1, ...splatLoad(8), SET, 8,
  GET, 1, ...i32c(16), ADD, SET, 1,
  ...[0, 1, 2, 3].flatMap((k) => [
    GET, 0, ...vload(16 * k), SET, 9,
    GET, 0, GET, 8, GET, 9, ...VMUL, GET, 7, GET, 3 + k, ...VMUL, ...VADD, ...vstore(64 + 16 * k),
    GET, 7, GET, 9, ...VMUL, GET, 8, GET, 3 + k, ...VMUL, ...VSUB, SET, 3 + k,
  ]),
  GET, 2, ...i32c(1), SUB, SET, 2,
  BR, 0, END, END,
  ...[0, 1, 2, 3].flatMap((k) => [GET, 0, GET, 3 + k, ...vstore(16 * k)]),
  END,
];

/**
 * gemvT(y, a, x, d, k): y[0..k) += x[t]·a[t·k .. t·k + k) for t = 0 … d − 1, in that order: d calls of axpy in one
 * (y, a, x byte offsets; a is d×k row-major). Every y[c] sums its d terms in t order, like a plain dot per c.
 */
const gemvBody = [
  ...vec([[1, I32]]), // local 5 = row stride in bytes (k·8)
  GET, 4, ...i32c(3), SHL, SET, 5,
  BLOCK, VOID, LOOP, VOID,
  GET, 3, EQZ, BRIF, 1,
  GET, 0, GET, 1, GET, 4, GET, 2, ...F64LOAD, CALL, 0,
  GET, 1, GET, 5, ADD, SET, 1,
  GET, 2, ...i32c(8), ADD, SET, 2,
  GET, 3, ...i32c(1), SUB, SET, 3,
  BR, 0, END, END,
  END,
];

const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [F64]]), 0], [0x60, ...vec([[I32], [I32], [I32]]), 1, F64], [0x60, ...vec([[I32], [I32], [I32]]), 0], [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), 0]])),
  ...section(2, vec([[...str('env'), ...str('mem'), 0x02, 0x00, 1]])),
  ...section(3, vec([[0], [1], [2], [3]])),
  ...section(7, vec([[...str('axpy'), 0x00, 0], [...str('dot'), 0x00, 1], [...str('rot8'), 0x00, 2], [...str('gemvT'), 0x00, 3]])),
  ...section(10, vec([[...uleb(axpyBody.length), ...axpyBody], [...uleb(dotBody.length), ...dotBody], [...uleb(rotBody.length), ...rotBody], [...uleb(gemvBody.length), ...gemvBody]])),
]);

/** The slice of the WebAssembly API used here (the project's TypeScript libs declare no WebAssembly values). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (desc: { initial: number }) => { buffer: ArrayBuffer };
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: object | null | undefined;

export interface Float64Kernels {
  /** Float64 view of the whole memory (index = byte offset / 8). */
  f64: Float64Array;
  /** y[0..n) += d·x[0..n) with y, x as Float64 indices into `f64`. */
  axpy(y: number, d: number, x: number, n: number): void;
  /** Σ a[i]·b[i] over n elements at Float64 indices a, b of `f64`. */
  dot(a: number, b: number, n: number): number;
  /**
   * y[0..k) += Σ_t x[t]·a[t·k .. t·k + k) over t = 0 … d − 1 (a: d×k row-major), each y[c] summing its terms in t order:
   * the axpys of one matrix–vector product in one call (Float64 indices into `f64`).
   */
  gemvT(y: number, a: number, x: number, d: number, k: number): void;
  /**
   * One QL sweep of `cnt` Givens rotations on a panel of 8 rows stored column-interleaved (element i of the 8 rows
   * at Float64 indices p₀ + 8i … p₀ + 8i + 7). `p` indexes element m (the sweep's top), `q` the first of `cnt`
   * (cos, sin) pairs; rotation t acts on elements i = m−1−t and i + 1: [i+1] ← s·[i] + c·[i+1], [i] ← c·[i] − s·[i+1]
   * (the EISPACK tql2 update, same operations and rounding in both kinds).
   */
  rot8(p: number, q: number, cnt: number): void;
  /** 'wasm-simd', or 'js' where WebAssembly SIMD is unavailable (same results up to summation order). */
  kind: 'wasm-simd' | 'js';
}

/** The same kernels in plain JS (unrolled by four), for runtimes without WebAssembly SIMD. */
function jsKernels(doubles: number): Float64Kernels {
  const f64 = new Float64Array(doubles);
  return {
    f64,
    kind: 'js',
    axpy(y, d, x, n) {
      let b = 0;
      for (; b + 3 < n; b += 4) {
        f64[y + b] = f64[y + b]! + d * f64[x + b]!;
        f64[y + b + 1] = f64[y + b + 1]! + d * f64[x + b + 1]!;
        f64[y + b + 2] = f64[y + b + 2]! + d * f64[x + b + 2]!;
        f64[y + b + 3] = f64[y + b + 3]! + d * f64[x + b + 3]!;
      }
      for (; b < n; b++) f64[y + b] = f64[y + b]! + d * f64[x + b]!;
    },
    dot(a, b, n) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let c = 0;
      for (; c + 3 < n; c += 4) {
        s0 += f64[a + c]! * f64[b + c]!;
        s1 += f64[a + c + 1]! * f64[b + c + 1]!;
        s2 += f64[a + c + 2]! * f64[b + c + 2]!;
        s3 += f64[a + c + 3]! * f64[b + c + 3]!;
      }
      for (; c < n; c++) s0 += f64[a + c]! * f64[b + c]!;
      return s0 + s1 + (s2 + s3);
    },
    gemvT(y, a, x, d, k) {
      for (let t = 0; t < d; t++) {
        const xt = f64[x + t]!;
        const o = a + t * k;
        for (let c = 0; c < k; c++) f64[y + c] = f64[y + c]! + xt * f64[o + c]!;
      }
    },
    rot8(p, q, cnt) {
      const h = new Float64Array(8);
      for (let k = 0; k < 8; k++) h[k] = f64[p + k]!;
      for (let t = 0; t < cnt; t++) {
        p -= 8;
        const c = f64[q]!;
        const s = f64[q + 1]!;
        q += 2;
        for (let k = 0; k < 8; k++) {
          const x = f64[p + k]!;
          f64[p + 8 + k] = s * x + c * h[k]!;
          h[k] = c * x - s * h[k]!;
        }
      }
      for (let k = 0; k < 8; k++) f64[p + k] = h[k]!;
    },
  };
}

/**
 * Kernels over a fresh memory of at least `doubles` float64 values: WebAssembly SIMD where the runtime has it
 * (Node ≥ 16) and the values fit a 4 GiB memory, else plain JS. `force: 'js'` picks the JS ones (tests compare the
 * two).
 */
export function float64Kernels(doubles: number, force?: 'js'): Float64Kernels {
  if (compiled === undefined) {
    try {
      compiled = wasm ? new wasm.Module(MODULE_BYTES) : null;
    } catch {
      compiled = null;
    }
  }
  const pages = Math.max(1, Math.ceil((doubles * 8) / 65536));
  // A 32-bit WebAssembly memory holds at most 65,536 pages (4 GiB): larger arrays use the JS kernels.
  if (!wasm || !compiled || force === 'js' || pages > 65_536) return jsKernels(doubles);
  const mem = new wasm.Memory({ initial: pages });
  const inst = new wasm.Instance(compiled, { env: { mem } });
  const ex = inst.exports as {
    axpy: (y: number, x: number, n: number, d: number) => void;
    dot: (a: number, b: number, n: number) => number;
    rot8: (p: number, q: number, cnt: number) => void;
    gemvT: (y: number, a: number, x: number, d: number, k: number) => void;
  };
  const f64 = new Float64Array(mem.buffer);
  const wasmAxpy = ex.axpy;
  const wasmDot = ex.dot;
  const wasmRot8 = ex.rot8;
  const wasmGemvT = ex.gemvT;
  return {
    f64,
    kind: 'wasm-simd',
    axpy: (y, d, x, n) => wasmAxpy(y * 8, x * 8, n, d),
    dot: (a, b, n) => wasmDot(a * 8, b * 8, n),
    rot8: (p, q, cnt) => wasmRot8(p * 8, q * 8, cnt),
    gemvT: (y, a, x, d, k) => wasmGemvT(y * 8, a * 8, x * 8, d, k),
  };
}
