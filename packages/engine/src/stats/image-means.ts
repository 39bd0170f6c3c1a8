/**
 * One row per image from a stream of sample rows, for measures over images (mutual kNN): the mean of each image's
 * `positions` consecutive rows (a conv layer's channels averaged over all positions, i.e. global average pooling; a
 * dense layer has one row per image, kept as is). Rows arrive image-major (image, then position) in batches that may
 * split an image; only the image in progress is accumulated in float64, finished images are kept as float32.
 */
export class ImageMeans {
  readonly width: number;
  readonly positions: number;
  readonly images: number;
  private readonly out: Float32Array;
  private readonly partial: Float64Array;
  private seen = 0;

  constructor(width: number, positions: number, images: number) {
    if (!Number.isInteger(width) || width < 1) throw new Error(`image means: width must be a positive integer, got ${width}`);
    if (!Number.isInteger(positions) || positions < 1) throw new Error(`image means: positions must be a positive integer, got ${positions}`);
    if (!Number.isInteger(images) || images < 1) throw new Error(`image means: images must be a positive integer, got ${images}`);
    this.width = width;
    this.positions = positions;
    this.images = images;
    this.out = new Float32Array(images * width);
    this.partial = new Float64Array(width);
  }

  /** Offer the next `rows` sample rows (row-major rows × width). */
  update(batch: Float32Array | Float64Array, rows: number): void {
    const w = this.width;
    const P = this.positions;
    if (batch.length < rows * w) throw new Error(`image means: batch holds ${batch.length} values, fewer than ${rows} rows x ${w}`);
    if (this.seen + rows > this.images * P) throw new Error(`image means: ${this.seen + rows} rows offered, more than ${this.images} images x ${P} positions`);
    for (let r = 0; r < rows; r++) {
      const src = r * w;
      for (let u = 0; u < w; u++) this.partial[u] = this.partial[u]! + batch[src + u]!;
      this.seen++;
      if (this.seen % P === 0) {
        const dst = (this.seen / P - 1) * w;
        for (let u = 0; u < w; u++) {
          this.out[dst + u] = this.partial[u]! / P;
          this.partial[u] = 0;
        }
      }
    }
  }

  /** Images completed so far. */
  get completed(): number {
    return Math.floor(this.seen / this.positions);
  }

  /** The per-image rows (images × width, row-major); every image must be complete. */
  rows(): { data: Float32Array; rows: number } {
    if (this.seen !== this.images * this.positions) {
      throw new Error(`image means: ${this.seen} of ${this.images} x ${this.positions} rows seen; the stream ended inside image ${this.completed}`);
    }
    return { data: this.out, rows: this.images };
  }
}
