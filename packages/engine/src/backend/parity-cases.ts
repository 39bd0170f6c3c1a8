/**
 * The backend parity cases shared by `webgpu-parity.test.ts` and the GPU check (`benchmark/check-gpu.ts`): the same
 * computations on whichever tfjs backend is active, compared by the caller against the cpu backend or float64.
 * Every read is `await data()` (webgpu in Node cannot read synchronously).
 */
import * as tf from '@tensorflow/tfjs';

export type Grads = Float32Array[];

/** Pass limits: relative L2 error of gradients / trained weights vs the cpu backend; products: see productErrors. */
export const PARITY_LIMITS = { gradients: 1e-5, training: 1e-4, product: 1 } as const;


export function relErr(a: Float32Array, b: Float32Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - b[i]!) ** 2;
    den += b[i]! ** 2;
  }
  return Math.sqrt(num / Math.max(den, 1e-30));
}

/** Gradients of a conv → relu → max-pool → avg-pool → dense loss w.r.t. input and weights, on the current backend. */
export async function networkGrads(seed: number): Promise<Grads> {
  const out = tf.tidy(() => {
    const x = tf.randomUniform([3, 12, 12, 2], -1, 1, 'float32', seed) as tf.Tensor4D;
    const w1 = tf.randomUniform([3, 3, 2, 5], -1, 1, 'float32', seed + 1) as tf.Tensor4D;
    const w2 = tf.randomUniform([3, 3, 5, 4], -1, 1, 'float32', seed + 2) as tf.Tensor4D;
    const wd = tf.randomUniform([3 * 3 * 4, 7], -1, 1, 'float32', seed + 3) as tf.Tensor2D;
    const r = tf.randomUniform([3, 7], -1, 1, 'float32', seed + 4);
    const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor, d: tf.Tensor) => {
      let h = tf.relu(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'));
      h = tf.maxPool(h as tf.Tensor4D, 2, 2, 'valid');
      h = tf.relu(tf.conv2d(h as tf.Tensor4D, c as tf.Tensor4D, [2, 2], 'same'));
      h = tf.avgPool(h as tf.Tensor4D, 1, 1, 'valid');
      return tf.sum(tf.mul(tf.matMul(h.reshape([3, -1]), d as tf.Tensor2D), r));
    };
    return tf.grads(f)([x, w1, w2, wd]);
  });
  const vals = await Promise.all(out.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(out);
  return vals;
}

/** Weights of a small CNN after `steps` Adam steps on fixed data, on the current backend. */
export async function trainedWeights(steps: number): Promise<Float32Array[]> {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [10, 10, 1], filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  const optimizer = tf.train.adam(0.01);
  const x = tf.randomUniform([16, 10, 10, 1], 0, 1, 'float32', 7);
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0], 'int32'), 3);
  const vars = model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  for (let s = 0; s < steps; s++) {
    const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar, true, vars)!;
    await cost.data();
    cost.dispose();
  }
  const out = await Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
  return out;
}


/**
 * Largest error of `A·B` and `AᵀA` on the active backend against float64 sums, in units of the float32 rounding
 * bound `4e-7 · k^1.5` (k: the summed dimension) — below 1 passes. Shapes up to 512 × 300 × 128.
 */
export async function productErrors(): Promise<{ ab: number; ata: number }> {
  let ab = 0;
  let ata = 0;
  for (const [m, k, n] of [[7, 5, 3], [130, 257, 66], [512, 300, 128]] as const) {
    const a = tf.randomUniform([m, k], -1, 1, 'float32', m);
    const b = tf.randomUniform([k, n], -1, 1, 'float32', n);
    const c = tf.matMul(a, b);
    const ct = tf.matMul(a, a, true, false); // Aᵀ A: the statistics pass's product shape
    const [av, bv, cv, ctv] = (await Promise.all([a.data(), b.data(), c.data(), ct.data()])) as Float32Array[];
    tf.dispose([a, b, c, ct]);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let q = 0; q < k; q++) s += av![i * k + q]! * bv![q * n + j]!;
        ab = Math.max(ab, Math.abs(cv![i * n + j]! - s) / (4e-7 * k * Math.sqrt(k)));
      }
    }
    for (let i = 0; i < k; i += 7) {
      for (let j = 0; j < k; j += 5) {
        let s = 0;
        for (let r = 0; r < m; r++) s += av![r * k + i]! * av![r * k + j]!;
        ata = Math.max(ata, Math.abs(ctv![i * k + j]! - s) / (4e-7 * m * Math.sqrt(m)));
      }
    }
  }
  return { ab, ata };
}
