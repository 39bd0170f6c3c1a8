import { describe, expect, it } from 'vitest';
import { ImageMeans } from './image-means.ts';

describe('ImageMeans', () => {
  it('averages each image’s positions whatever the batch boundaries', () => {
    const images = 5;
    const P = 3;
    const w = 2;
    const rows = Float64Array.from({ length: images * P * w }, (_, i) => (i * 7) % 11);
    const expected = new Float32Array(images * w);
    for (let im = 0; im < images; im++) for (let u = 0; u < w; u++) {
      let s = 0;
      for (let p = 0; p < P; p++) s += rows[(im * P + p) * w + u]!;
      expected[im * w + u] = s / P;
    }
    for (const cuts of [[15], [1, 14], [4, 4, 4, 3], [2, 13], [7, 1, 1, 6]]) {
      const m = new ImageMeans(w, P, images);
      let at = 0;
      for (const n of cuts) {
        m.update(rows.subarray(at * w, (at + n) * w), n);
        at += n;
      }
      expect(Array.from(m.rows().data)).toEqual(Array.from(expected));
    }
  });

  it('keeps dense rows as they are and refuses incomplete or surplus streams', () => {
    const m = new ImageMeans(2, 1, 2);
    m.update(Float32Array.of(1, 2, 3, 4), 2);
    expect(Array.from(m.rows().data)).toEqual([1, 2, 3, 4]);
    const c = new ImageMeans(1, 4, 2);
    c.update(Float32Array.of(1, 1, 1, 1, 2), 5);
    expect(() => c.rows()).toThrow('image means: 5 of 2 x 4 rows seen; the stream ended inside image 1');
    expect(() => c.update(Float32Array.of(1, 1, 1, 1), 4)).toThrow('image means: 9 rows offered, more than 2 images x 4 positions');
  });
});
