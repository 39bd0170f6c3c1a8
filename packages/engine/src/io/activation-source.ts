/**
 * Activations stored in a .npy / .npz array, served as a stream of `[rows × units]` float32 batches (row-major).
 *
 * Accepted shapes:
 * - 2-D `[samples, units]` (a dense layer: a sample is a probe image, a unit a neuron);
 * - 4-D conv maps, `[images, H, W, C]` (layout `nhwc`, the default) or `[images, C, H, W]` (layout `nchw`). A unit
 *   is a channel; its samples are the images × H × W positions, in image-major, then row, then column order. NHWC is a
 *   contiguous reshape to `images·H·W` rows; NCHW is transposed one chunk of images at a time.
 *
 * Every value is checked to be finite while streaming; the first NaN/±Inf raises an `ActivationError` naming its
 * unit and sample.
 */
import { open } from 'node:fs/promises';
import { NpyFormatError, openNpy, type NpyReader } from './npy.ts';
import { openNpz, type NpzArchive } from './npz.ts';

export type ActivationLayout = 'nhwc' | 'nchw';

/** Bad activation content (non-finite values, unusable shape); the message is one line. */
export class ActivationError extends Error {
  override name = 'ActivationError';
  constructor(
    message: string,
    /** For a non-finite value: where it is. */
    readonly at?: { unit: number; sample: number },
  ) {
    super(message);
  }
}

export interface ActivationSourceOptions {
  /** Array name inside a .npz archive (optional when the archive holds exactly one array). */
  key?: string;
  /** Layout of a 4-D array (default `nhwc`); ignored for 2-D arrays. */
  layout?: ActivationLayout;
}

export interface ActivationBatch {
  /** Index of the batch's first sample. */
  start: number;
  rows: number;
  /** `rows × units`, row-major. */
  data: Float32Array;
}

export interface ActivationSource {
  /** Path (or `archive.npz:key`) for messages. */
  readonly label: string;
  readonly shape: readonly number[];
  readonly kind: 'dense' | 'conv';
  /** Layout of a conv array; undefined for dense. */
  readonly layout: ActivationLayout | undefined;
  /** Images (dense: samples). */
  readonly images: number;
  /** Conv map height and width (1 × 1 for dense). */
  readonly height: number;
  readonly width: number;
  /** images × height × width. */
  readonly samples: number;
  readonly units: number;
  /**
   * Samples `[start, start + count)` as `count × units` float32, row-major; throws on a non-finite value. `into`
   * (at least `count × units` long) is a buffer the caller reuses: dense arrays are read into it (the result is then
   * a view of it); conv maps, which are transposed, may ignore it.
   */
  readSamples(start: number, count: number, into?: Float32Array): Promise<Float32Array>;
  /**
   * True when samples lie contiguously on disk and are read straight into `into` (dense C-order arrays): small
   * reads then cost what large ones do. False for Fortran order (a read per unit column) and conv maps.
   */
  readonly contiguous: boolean;
  /** All samples in order, `batchRows` at a time (the last batch may be shorter). */
  batches(batchRows: number): AsyncGenerator<ActivationBatch>;
  close(): Promise<void>;
}

const ACCEPTED =
  'expected 2-D [samples, units] or 4-D conv maps [images, H, W, C] (--layout nhwc, the default) or [images, C, H, W] (--layout nchw)';

function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

async function isZip(path: string): Promise<boolean> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch {
    return false; // openNpy reports the missing file
  }
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } finally {
    await fh.close();
  }
}

async function openArray(path: string, key: string | undefined): Promise<{ reader: NpyReader; archive?: NpzArchive }> {
  if (!(await isZip(path))) {
    if (key !== undefined && path.toLowerCase().endsWith('.npz')) {
      throw new NpyFormatError(`${path}: not a .npz archive (no zip header); save it with numpy.savez`);
    }
    return { reader: await openNpy(path) };
  }
  const archive = await openNpz(path);
  try {
    let name = key;
    if (name === undefined) {
      if (archive.keys.length !== 1) {
        const list = archive.keys.map((k) => `'${k}'`).join(', ');
        throw new NpyFormatError(`${path}: archive holds ${archive.keys.length} arrays (${list || 'none'}); choose one with --key NAME`);
      }
      name = archive.keys[0]!;
    }
    return { reader: await archive.open(name), archive };
  } catch (err) {
    await archive.close();
    throw err;
  }
}

/** Throw on the first non-finite value of a `rows × units` block whose first row is sample `firstSample`. */
function checkFinite(data: Float32Array, units: number, firstSample: number, describe: (sample: number) => string, label: string): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    // v - v is NaN exactly for NaN and ±Inf; one comparison per value keeps the scan cheap.
    if (v - v !== 0) {
      const unit = i % units;
      const sample = firstSample + Math.floor(i / units);
      const what = Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
      throw new ActivationError(
        `${label}: unit ${unit} has a non-finite value (${what}) at sample ${sample}${describe(sample)}; replace NaN/Inf before aligning`,
        { unit, sample },
      );
    }
  }
}

class NpyActivationSource implements ActivationSource {
  readonly kind: 'dense' | 'conv';
  readonly layout: ActivationLayout | undefined;
  readonly images: number;
  readonly height: number;
  readonly width: number;
  readonly samples: number;
  readonly units: number;
  private readonly positions: number;
  readonly contiguous: boolean;
  /** Sample rows of the last image read (see readSamples). */
  private lastImage: { index: number; rows: Float32Array } | undefined;

  constructor(
    readonly label: string,
    private readonly reader: NpyReader,
    private readonly archive: NpzArchive | undefined,
    layout: ActivationLayout,
  ) {
    const s = reader.shape;
    if (s.length === 2) {
      this.kind = 'dense';
      this.layout = undefined;
      [this.images, this.units] = [s[0]!, s[1]!];
      this.height = this.width = 1;
    } else {
      this.kind = 'conv';
      this.layout = layout;
      this.images = s[0]!;
      if (layout === 'nhwc') [this.height, this.width, this.units] = [s[1]!, s[2]!, s[3]!];
      else [this.units, this.height, this.width] = [s[1]!, s[2]!, s[3]!];
    }
    this.positions = this.height * this.width;
    this.samples = this.images * this.positions;
    this.contiguous = this.kind === 'dense' && (!reader.fortranOrder || this.units === 1);
  }

  get shape(): readonly number[] {
    return this.reader.shape;
  }

  private describe = (sample: number): string => {
    if (this.kind === 'dense') return '';
    const image = Math.floor(sample / this.positions);
    const pos = sample % this.positions;
    return ` (image ${image}, row ${Math.floor(pos / this.width)}, column ${pos % this.width})`;
  };

  async readSamples(start: number, count: number, into?: Float32Array): Promise<Float32Array> {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(count) || start < 0 || count < 0 || start + count > this.samples) {
      throw new ActivationError(`${this.label}: samples ${start}..${start + count} are outside its ${this.samples} samples`);
    }
    const U = this.units;
    let out: Float32Array;
    if (this.kind === 'dense') {
      out = await this.reader.readRows(start, count, into);
    } else {
      const P = this.positions;
      const img0 = Math.floor(start / P);
      const img1 = count === 0 ? img0 : Math.ceil((start + count) / P);
      // Sequential batches that cut through an image share it with the next batch: keep the last image's rows so
      // every image is read (and transposed) once.
      const cached = this.lastImage && this.lastImage.index === img0 && img1 > img0 ? this.lastImage.rows : undefined;
      const firstFresh = cached ? img0 + 1 : img0;
      const fresh = await this.imageRows(firstFresh, img1 - firstFresh);
      let rows = fresh;
      if (cached) {
        rows = new Float32Array(cached.length + fresh.length);
        rows.set(cached);
        rows.set(fresh, cached.length);
      }
      if (img1 > img0) this.lastImage = { index: img1 - 1, rows: rows.slice((img1 - 1 - img0) * P * U) };
      const skip = start - img0 * P;
      out = skip === 0 && rows.length === count * U ? rows : rows.slice(skip * U, (skip + count) * U);
    }
    checkFinite(out, U, start, this.describe, this.label);
    return out;
  }

  /** Images `[first, first + count)` as `count·H·W × C` sample rows. */
  private async imageRows(first: number, count: number): Promise<Float32Array> {
    const raw = await this.reader.readRows(first, count);
    if (this.layout === 'nhwc') return raw; // [images, H, W, C] is already [images·H·W, C]
    // [images, C, H·W] → [images, H·W, C], one image at a time.
    const U = this.units;
    const P = this.positions;
    const rows = new Float32Array(raw.length);
    for (let m = 0; m < count; m++) {
      const base = m * U * P;
      for (let c = 0; c < U; c++) {
        const src = base + c * P;
        for (let p = 0; p < P; p++) rows[base + p * U + c] = raw[src + p]!;
      }
    }
    return rows;
  }

  async *batches(batchRows: number): AsyncGenerator<ActivationBatch> {
    const step = Math.max(1, Math.floor(batchRows));
    for (let start = 0; start < this.samples; start += step) {
      const rows = Math.min(step, this.samples - start);
      yield { start, rows, data: await this.readSamples(start, rows) };
    }
  }

  async close(): Promise<void> {
    await this.reader.close();
    await this.archive?.close();
  }
}

/**
 * Open a .npy file, or an array of a .npz archive (detected by content, not extension), as activations.
 * Rejects arrays that are not 2-D or 4-D, or that have no units.
 */
export async function openActivationSource(path: string, options: ActivationSourceOptions = {}): Promise<ActivationSource> {
  const layout = options.layout ?? 'nhwc';
  if (layout !== 'nhwc' && layout !== 'nchw') {
    throw new ActivationError(`unknown layout '${String(layout)}'; use nhwc or nchw`);
  }
  const { reader, archive } = await openArray(path, options.key);
  const fail = async (message: string): Promise<never> => {
    await reader.close();
    await archive?.close();
    throw new ActivationError(message);
  };
  const s = reader.shape;
  if (s.length !== 2 && s.length !== 4) {
    return fail(`${reader.label}: array of shape ${shapeText(s)} is ${s.length}-D; ${ACCEPTED}`);
  }
  const source = new NpyActivationSource(reader.label, reader, archive, layout);
  if (source.units === 0) return fail(`${reader.label}: array of shape ${shapeText(s)} has no units; ${ACCEPTED}`);
  return source;
}
