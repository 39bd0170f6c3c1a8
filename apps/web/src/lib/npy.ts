/**
 * Parse NumPy .npy files (format versions 1.0, 2.0 and 3.0) in the browser.
 *
 * The API serves correlation matrices as .npy over HTTP; GraphQL only links to them.
 * Data are returned in C (row-major) order: a Fortran-ordered file is transposed on load, so
 * `data[i * shape[1] + j]` is always element (i, j) of a 2-D array.
 */

export type NpyData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

export interface NpyArray {
  /** numpy dtype descriptor as written in the header, e.g. '<f4'. */
  dtype: string;
  shape: number[];
  /** Row-major (C order) values. 64-bit integers are widened to Float64Array. */
  data: NpyData;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

interface Kind {
  bytes: number;
  make: (n: number) => NpyData;
  read: (view: DataView, offset: number, little: boolean) => number;
}

const KINDS: Record<string, Kind> = {
  f4: { bytes: 4, make: (n) => new Float32Array(n), read: (v, o, le) => v.getFloat32(o, le) },
  f8: { bytes: 8, make: (n) => new Float64Array(n), read: (v, o, le) => v.getFloat64(o, le) },
  i1: { bytes: 1, make: (n) => new Int8Array(n), read: (v, o) => v.getInt8(o) },
  u1: { bytes: 1, make: (n) => new Uint8Array(n), read: (v, o) => v.getUint8(o) },
  b1: { bytes: 1, make: (n) => new Uint8Array(n), read: (v, o) => v.getUint8(o) },
  i2: { bytes: 2, make: (n) => new Int16Array(n), read: (v, o, le) => v.getInt16(o, le) },
  u2: { bytes: 2, make: (n) => new Uint16Array(n), read: (v, o, le) => v.getUint16(o, le) },
  i4: { bytes: 4, make: (n) => new Int32Array(n), read: (v, o, le) => v.getInt32(o, le) },
  u4: { bytes: 4, make: (n) => new Uint32Array(n), read: (v, o, le) => v.getUint32(o, le) },
  i8: { bytes: 8, make: (n) => new Float64Array(n), read: (v, o, le) => Number(v.getBigInt64(o, le)) },
  u8: { bytes: 8, make: (n) => new Float64Array(n), read: (v, o, le) => Number(v.getBigUint64(o, le)) },
};

export class NpyFormatError extends Error {
  override name = 'NpyFormatError';
}

function parseHeader(text: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new NpyFormatError(`npy header is not a numpy header dict: ${text.trim().slice(0, 120)}`);
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      const n = Number(s.replace(/L$/, ''));
      if (!Number.isInteger(n) || n < 0) throw new NpyFormatError(`npy shape has a bad dimension '${s}'`);
      return n;
    });
  return { descr, fortran: fortran === 'True', shape };
}

/** C-order strides (in elements) of a shape. */
function cStrides(shape: number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) strides[d] = strides[d + 1]! * shape[d + 1]!;
  return strides;
}

export function parseNpy(buffer: ArrayBuffer | Uint8Array): NpyArray {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length < 10 || MAGIC.some((m, i) => bytes[i] !== m)) {
    throw new NpyFormatError('not a .npy file (missing \\x93NUMPY magic); did the server return an error page?');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6]!;
  let headerLen: number;
  let headerStart: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new NpyFormatError('npy file truncated inside its header');
    headerLen = view.getUint32(8, true);
    headerStart = 12;
  } else {
    throw new NpyFormatError(`unsupported npy format version ${major}.${bytes[7]}`);
  }
  const dataStart = headerStart + headerLen;
  if (dataStart > bytes.length) throw new NpyFormatError('npy file truncated inside its header');
  const header = parseHeader(new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart)));

  const m = /^([<>|=])([a-z])(\d+)$/.exec(header.descr);
  const kind = m ? KINDS[`${m[2]}${m[3]}`] : undefined;
  if (!m || !kind) throw new NpyFormatError(`unsupported npy dtype '${header.descr}' (use float32/float64/int/uint/bool)`);
  const little = m[1] !== '>';

  const count = header.shape.reduce((a, b) => a * b, 1);
  const need = count * kind.bytes;
  if (bytes.length - dataStart < need) {
    throw new NpyFormatError(`npy data truncated: shape (${header.shape.join(', ')}) needs ${need} bytes, file has ${bytes.length - dataStart}`);
  }
  const data = kind.make(count);
  if (!header.fortran || header.shape.length < 2) {
    for (let i = 0; i < count; i++) data[i] = kind.read(view, dataStart + i * kind.bytes, little);
  } else {
    // Fortran order: element at file position p has multi-index with the first axis varying fastest.
    const shape = header.shape;
    const strides = cStrides(shape);
    const idx = new Array<number>(shape.length).fill(0);
    for (let p = 0; p < count; p++) {
      let c = 0;
      for (let d = 0; d < shape.length; d++) c += idx[d]! * strides[d]!;
      data[c] = kind.read(view, dataStart + p * kind.bytes, little);
      for (let d = 0; d < shape.length; d++) {
        idx[d]!++;
        if (idx[d]! < shape[d]!) break;
        idx[d] = 0;
      }
    }
  }
  return { dtype: header.descr, shape: header.shape, data };
}

/** A 2-D float view of an npy array (1-D arrays become one row). */
export function asMatrix(arr: NpyArray): { rows: number; cols: number; data: Float32Array } {
  if (arr.shape.length !== 2 && arr.shape.length !== 1) {
    throw new NpyFormatError(`expected a 2-D matrix, got shape (${arr.shape.join(', ')})`);
  }
  const rows = arr.shape.length === 2 ? arr.shape[0]! : 1;
  const cols = arr.shape.length === 2 ? arr.shape[1]! : arr.shape[0]!;
  const data = arr.data instanceof Float32Array ? arr.data : Float32Array.from(arr.data);
  return { rows, cols, data };
}
