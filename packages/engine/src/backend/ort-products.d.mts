/** Types of `ort-products.mjs` (plain ESM; the engine's build copies it into dist/). */

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

/** ModelProto bytes of a one-node Gemm graph (`nt`: A · Bᵀ, `tn`: Aᵀ · B). */
export declare function gemmModel(kind: 'nt' | 'tn'): Uint8Array;
/** Load ONNX Runtime once per thread; undefined when unavailable (reason: `ortProductsFailure()`). */
export declare function loadOrtProducts(options?: { threads?: number }): Promise<OrtProducts | undefined>;
/** This thread's loaded engine, if any. */
export declare function ortProducts(): OrtProducts | undefined;
/** Why ONNX Runtime is not in use (undefined when it is or before any attempt). */
export declare function ortProductsFailure(): string | undefined;
