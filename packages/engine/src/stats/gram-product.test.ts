import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../backend/select-backend.ts';
import { GramProduct } from './gram-product.ts';
import { loadOrtProducts, ortProductsFailure } from '../backend/ort-products.ts';

beforeAll(async () => {
  await selectBackend();
});

function randomRows(rows: number, e: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const u = new Float32Array(rows * e);
  for (let i = 0; i < u.length; i++) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    u[i] = a / 4294967296 - 0.5;
  }
  return u;
}

describe('GramProduct', () => {
  it.each(['tfjs', 'onnxruntime'] as const)('adds exactly the lower triangle on %s, for every block count', async (engine) => {
    const ort = engine === 'onnxruntime' ? await loadOrtProducts() : null;
    if (engine === 'onnxruntime' && !ort) throw new Error(`onnxruntime-node is a dependency and must load here: ${ortProductsFailure()}`);
    for (const [rows, e] of [[37, 29], [70, 41], [300, 130]] as const) {
      const u = randomRows(rows, e, rows * e + 7);
      const exact = new Float64Array(e * e);
      for (let r = 0; r < rows; r++) for (let i = 0; i < e; i++) for (let j = 0; j <= i; j++) exact[i * e + j]! += u[r * e + i]! * u[r * e + j]!;
      for (const blocks of [1, 2, 3, 5, 9]) {
        const s = new Float64Array(e * e).fill(0.25);
        const g = new GramProduct(tf, blocks, ort);
        expect(g.ort === undefined).toBe(engine === 'tfjs');
        g.add(u, rows, e, s);
        g.add(u, rows, e, s);
        let worst = 0;
        for (let i = 0; i < e; i++) {
          for (let j = 0; j < e; j++) {
            const got = s[i * e + j]!;
            if (j > i) expect(got).toBe(0.25);
            else worst = Math.max(worst, Math.abs(got - 0.25 - 2 * exact[i * e + j]!));
          }
        }
        // float32 products of |u| ≤ 0.5 summed over `rows`: a few ulps of the sum.
        expect(worst).toBeLessThan(2e-6 * rows);
      }
    }
  });

  it('adds exactly the lower triangle of UᵀU (float64 brute force), for every block count, and leaves the rest alone', () => {
    // Odd sizes: blocks of unequal width, a row count that is not a multiple of the transpose tile.
    for (const [rows, e] of [[37, 29], [70, 41]] as const) {
      const u = randomRows(rows, e, rows * e);
      const exact = new Float64Array(e * e);
      for (let r = 0; r < rows; r++) for (let i = 0; i < e; i++) for (let j = 0; j <= i; j++) exact[i * e + j]! += u[r * e + i]! * u[r * e + j]!;
      for (let blocks = 1; blocks <= 9; blocks++) {
        const s = new Float64Array(e * e).fill(0.25);
        const g = new GramProduct(tf, blocks, null);
        g.add(u, rows, e, s);
        g.add(u, rows, e, s); // scratch buffers are reused: the second call must add the same again
        for (let i = 0; i < e; i++) {
          for (let j = 0; j < e; j++) {
            const got = s[i * e + j]!;
            if (j > i) expect(got).toBe(0.25);
            else expect(Math.abs(got - 0.25 - 2 * exact[i * e + j]!)).toBeLessThan(1e-5 * rows);
          }
        }
      }
    }
  });
});
