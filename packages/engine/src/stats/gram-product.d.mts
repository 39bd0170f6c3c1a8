/** Types of `gram-product.mjs` (plain ESM; the engine's build copies it into dist/). */
import type { OrtGemm } from '../backend/ort-products.mjs';
export declare function gramBlockCount(e: number): number;

export declare class GramProduct {
  /**
   * `tf`: the tfjs namespace whose backend runs the products when ONNX Runtime is not used; `blocks` overrides
   * `gramBlockCount(e)`; `ort`: the ONNX Runtime products (default: this thread's loaded engine; null: tfjs).
   */
  constructor(tf: unknown, blocks?: number, ort?: OrtGemm | null);
  /** The ONNX Runtime products in use, if any. */
  readonly ort: OrtGemm | undefined;
  /** S (lower triangle, float64, e × e row-major) += UᵀU for U = `u` (rows × e row-major float32). */
  add(u: Float32Array, rows: number, e: number, s: Float64Array): void;
}
