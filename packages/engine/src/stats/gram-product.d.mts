/** Types of `gram-product.mjs` (plain ESM so the product worker can load it without tsx). */
export declare function gramBlockCount(e: number): number;

export declare class GramProduct {
  /** `tf`: the tfjs namespace whose backend runs the products; `blocks` overrides `gramBlockCount(e)`. */
  constructor(tf: unknown, blocks?: number);
  /** S (lower triangle, float64, e × e row-major) += UᵀU for U = `u` (rows × e row-major float32). */
  add(u: Float32Array, rows: number, e: number, s: Float64Array): void;
}
