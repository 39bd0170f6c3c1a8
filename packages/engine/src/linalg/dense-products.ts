/**
 * `A · Bᵀ` for float32 row-major blocks, on the fastest engine this thread has: ONNX Runtime's MLAS GEMM when it
 * loaded (`selectBackend()` loads it), else the tfjs backend (XNNPACK on wasm), else — on webgpu, whose reads cannot
 * be synchronous in Node — plain float64 loops. Synchronous, so numerical code that is synchronous stays so.
 */
import * as tf from '@tensorflow/tfjs-core';
// The align path imports tfjs-core, not the full @tensorflow/tfjs (layers, converter, webgl: ~0.45 s of start-up it
// never uses); the cpu backend is registered as the fallback the full package registered (free: wasm shares its code).
import '@tensorflow/tfjs-backend-cpu';
import { ortProducts } from '../backend/ort-products.ts';

/** Which engine `productNT` would use now. */
export function productEngine(): 'onnxruntime' | 'tfjs' | 'js' {
  if (ortProducts()) return 'onnxruntime';
  return tf.getBackend() === 'webgpu' ? 'js' : 'tfjs';
}

/**
 * Y (m × n) = A (m × k) · B (n × k)ᵀ. `bt` optionally supplies Bᵀ as a tfjs tensor (k × n) the caller keeps across
 * calls (the tfjs path then skips the transpose); other paths ignore it.
 */
export function productNT(a: Float32Array, m: number, b: Float32Array, n: number, k: number, bt?: tf.Tensor2D): Float32Array {
  const ort = ortProducts();
  if (ort) return ort.gemmNT(a, m, b, n, k);
  if (tf.getBackend() === 'webgpu') {
    const y = new Float32Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += a[i * k + c]! * b[j * k + c]!;
        y[i * n + j] = s;
      }
    }
    return y;
  }
  const out = tf.tidy(() => tf.matMul(tf.tensor2d(a.subarray(0, m * k), [m, k]), bt ?? tf.tensor2d(b.subarray(0, n * k), [n, k]).transpose()));
  const y = out.dataSync() as Float32Array;
  out.dispose();
  return y;
}
