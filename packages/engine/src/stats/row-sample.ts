/**
 * Seeded reservoir sample of rows (Vitter's algorithm R), streamed over batches: keeps `capacity` rows chosen
 * uniformly at random from everything seen, in one pass, with memory capacity x width.
 *
 * The choice depends only on the seed and the running row index, never on the values: two reservoirs with the same
 * seed fed the same number of rows (e.g. network A and network B on the same probe set) keep the SAME rows, so their
 * samples stay paired for mutual information.
 */
export class RowReservoir {
  readonly width: number;
  readonly capacity: number;
  private readonly buf: Float32Array;
  /** Original row index of each kept slot. */
  private readonly index: Float64Array;
  private seen = 0;
  private state: number;

  constructor(width: number, capacity: number, seed = 0) {
    if (!Number.isInteger(width) || width < 1) throw new Error(`reservoir width must be a positive integer, got ${width}`);
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`reservoir capacity must be a positive integer, got ${capacity}`);
    this.width = width;
    this.capacity = capacity;
    this.buf = new Float32Array(width * capacity);
    this.index = new Float64Array(capacity);
    this.state = (seed ^ 0x9e3779b9) >>> 0;
  }

  /** Uniform in [0, 1) (mulberry32). */
  private uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Offer `rows` more rows (row-major rows x width). */
  update(batch: Float32Array | Float64Array, rows: number): void {
    const w = this.width;
    if (batch.length < rows * w) throw new Error(`reservoir update: batch holds ${batch.length} values, fewer than ${rows} rows x ${w}`);
    for (let r = 0; r < rows; r++) {
      const t = this.seen++;
      let slot = t;
      if (t >= this.capacity) {
        // Keep row t with probability capacity / (t + 1), replacing a uniformly chosen slot.
        slot = Math.floor(this.uniform() * (t + 1));
        if (slot >= this.capacity) continue;
      }
      this.buf.set(batch.subarray(r * w, (r + 1) * w), slot * w);
      this.index[slot] = t;
    }
  }

  /** Rows offered so far. */
  get seenRows(): number {
    return this.seen;
  }

  /** Rows held: min(seen, capacity). */
  get rows(): number {
    return Math.min(this.seen, this.capacity);
  }

  /** The kept rows in their original order (row-major rows x width) and their original indices. */
  sample(): { data: Float32Array; rows: number; indices: Float64Array } {
    const rows = this.rows;
    const order = Array.from({ length: rows }, (_, i) => i).sort((a, b) => this.index[a]! - this.index[b]!);
    const data = new Float32Array(rows * this.width);
    const indices = new Float64Array(rows);
    order.forEach((slot, k) => {
      data.set(this.buf.subarray(slot * this.width, (slot + 1) * this.width), k * this.width);
      indices[k] = this.index[slot]!;
    });
    return { data, rows, indices };
  }
}
