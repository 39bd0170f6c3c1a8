/**
 * The NumPy `.npy` format itself, pure (no Node or DOM imports, so the dashboard bundles it too; exported as
 * `@convergent/engine/npy`): header parse and validation, the dtype table, byte order, Fortran order, decoding a
 * whole array held in memory, and encoding (header and data). `./npy.ts` adds streamed reading from files and
 * atomic writing on top of it; the API (`apps/api/src/http/npy-buffer.ts`) and the dashboard (`apps/web/src/lib/npy.ts`)
 * use it for arrays held as bytes.
 *
 * Format (numpy.lib.format): magic `\x93NUMPY`, major/minor version, header length (uint16 LE in v1, uint32 LE in
 * v2/v3), then a Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }` (ASCII in v1/v2,
 * UTF-8 in v3) padded so the data starts on a 64-byte boundary, then the raw array.
 *
 * Supported dtypes: float16/32/64, int8..int64, uint8..uint64, bool, either byte order. Rejected with a clear
 * error: complex, object, strings, datetimes, structured dtypes.
 *
 * Layout convention: every array this module hands out is row-major (C order) whatever the file's order; a
 * Fortran-order array is transposed.
 */
export type NpyDtype =
  | 'float16'
  | 'float32'
  | 'float64'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'bool';

/** Thrown for anything wrong with a file's content or a request against it; the message is one line. */
export class NpyFormatError extends Error {
  override name = 'NpyFormatError';
}

export interface NpyHeader {
  version: 1 | 2 | 3;
  dtype: NpyDtype;
  /** The dtype string as written in the file, e.g. `>f8`. */
  descr: string;
  littleEndian: boolean;
  itemSize: number;
  shape: number[];
  fortranOrder: boolean;
  /** Offset of the first data byte from the start of the .npy content. */
  dataOffset: number;
  /** Bytes of array data: product(shape) × itemSize. */
  dataBytes: number;
}

export const NPY_MAGIC: readonly number[] = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const KIND_SIZE: Record<string, Partial<Record<number, NpyDtype>>> = {
  f: { 2: 'float16', 4: 'float32', 8: 'float64' },
  i: { 1: 'int8', 2: 'int16', 4: 'int32', 8: 'int64' },
  u: { 1: 'uint8', 2: 'uint16', 4: 'uint32', 8: 'uint64' },
  b: { 1: 'bool' },
};

const KIND_NAMES: Record<string, string> = {
  c: 'complex',
  O: 'object (pickled Python objects)',
  U: 'unicode string',
  S: 'byte string',
  a: 'byte string',
  V: 'void/structured',
  M: 'datetime64',
  m: 'timedelta64',
};

const SUPPORTED = 'float16/32/64, int8..int64, uint8..uint64 or bool';

// ---------------------------------------------------------------------------------------------------------------
// Header parsing

/** Parse a dtype descr such as `<f4`, `>i8`, `|b1`. */
export function parseDescr(descr: string, label: string): { dtype: NpyDtype; littleEndian: boolean; itemSize: number } {
  const m = /^([<>|=]?)([a-zA-Z])(\d*)/.exec(descr);
  if (!m) throw new NpyFormatError(`${label}: unrecognised dtype '${descr}'; convert the array to float32 first`);
  const [, order = '', kind = '', sizeText = ''] = m;
  const size = Number(sizeText);
  const dtype = KIND_SIZE[kind]?.[size];
  if (dtype === undefined || m[0] !== descr) {
    const what = KIND_NAMES[kind] ?? `'${descr}'`;
    throw new NpyFormatError(
      `${label}: unsupported dtype ${what} ('${descr}'); save the array as ${SUPPORTED} (e.g. arr.astype(np.float32))`,
    );
  }
  // '=' (native) never appears in files numpy writes; read it as the common little-endian case.
  return { dtype, littleEndian: order !== '>', itemSize: size };
}

type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

/** Deepest nesting a header may use (numpy writes 2: the dict and its shape tuple). */
const MAX_HEADER_NESTING = 16;

/**
 * Minimal parser for the Python literal subset used by .npy headers (dict, str, int, bool, None, tuple, list).
 * Nesting is bounded, so a hostile header of thousands of brackets is one clear error, not a stack overflow.
 */
function parsePyLiteral(text: string, label: string): PyValue {
  let pos = 0;
  const fail = (what: string): never => {
    throw new NpyFormatError(`${label}: malformed .npy header (${what} at character ${pos}): ${JSON.stringify(text.slice(0, 120))}`);
  };
  const ws = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const value = (depth = 0): PyValue => {
    ws();
    const ch = text[pos];
    if (ch === undefined) return fail('unexpected end');
    if ((ch === '{' || ch === '(' || ch === '[') && depth >= MAX_HEADER_NESTING) return fail(`nested deeper than ${MAX_HEADER_NESTING} levels`);
    if (ch === '{') {
      pos++;
      const obj: Record<string, PyValue> = {};
      for (;;) {
        ws();
        if (text[pos] === '}') {
          pos++;
          return obj;
        }
        const key = value(depth + 1);
        if (typeof key !== 'string') fail('non-string key');
        ws();
        if (text[pos] !== ':') fail("expected ':'");
        pos++;
        obj[key as string] = value(depth + 1);
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] !== '}') fail("expected ',' or '}'");
      }
    }
    if (ch === '(' || ch === '[') {
      const close = ch === '(' ? ')' : ']';
      pos++;
      const items: PyValue[] = [];
      for (;;) {
        ws();
        if (text[pos] === close) {
          pos++;
          return items;
        }
        items.push(value(depth + 1));
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] !== close) fail(`expected ',' or '${close}'`);
      }
    }
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, pos + 1);
      if (end < 0) fail('unterminated string');
      const s = text.slice(pos + 1, end);
      pos = end + 1;
      return s;
    }
    const word = /^(-?\d+)L?|^True|^False|^None/.exec(text.slice(pos));
    if (!word) return fail('unexpected token');
    pos += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    return Number(word[1]);
  };
  const v = value();
  ws();
  if (pos !== text.length) fail('trailing characters');
  return v;
}

/**
 * Parse the fixed preamble + header dict. `bytes` must start at the magic; returns null when it holds fewer bytes
 * than the header needs (the caller then reads more), with `needed` telling how many.
 */
export function parseNpyHeader(bytes: Uint8Array, label: string): NpyHeader | { needed: number } {
  if (bytes.length < 10) return { needed: 12 };
  for (let i = 0; i < NPY_MAGIC.length; i++) {
    if (bytes[i] !== NPY_MAGIC[i]) {
      throw new NpyFormatError(`${label}: not a .npy file (bad magic bytes); save it with numpy.save`);
    }
  }
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (major < 1 || major > 3 || minor !== 0) {
    throw new NpyFormatError(`${label}: unsupported .npy format version ${major}.${minor}; versions 1.0-3.0 are supported`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const prefix = major === 1 ? 10 : 12;
  if (bytes.length < prefix) return { needed: prefix };
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (bytes.length < prefix + headerLen) return { needed: prefix + headerLen };
  const raw = bytes.subarray(prefix, prefix + headerLen);
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(raw).trim();
  const dict = parsePyLiteral(text, label);
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) {
    throw new NpyFormatError(`${label}: malformed .npy header (not a dict)`);
  }
  const { descr, fortran_order: fortran, shape } = dict as Record<string, PyValue>;
  if (Array.isArray(descr)) {
    throw new NpyFormatError(`${label}: unsupported structured dtype; save a plain numeric array (e.g. float32)`);
  }
  if (typeof descr !== 'string') throw new NpyFormatError(`${label}: malformed .npy header (no 'descr')`);
  if (typeof fortran !== 'boolean') throw new NpyFormatError(`${label}: malformed .npy header (no 'fortran_order')`);
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw new NpyFormatError(`${label}: malformed .npy header ('shape' is not a tuple of non-negative integers)`);
  }
  const { dtype, littleEndian, itemSize } = parseDescr(descr, label);
  const dims = shape as number[];
  const count = dims.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(count * itemSize)) {
    throw new NpyFormatError(`${label}: malformed .npy header (shape (${dims.join(', ')}) has more elements than any file can hold)`);
  }
  return {
    version: major as 1 | 2 | 3,
    dtype,
    descr,
    littleEndian,
    itemSize,
    shape: dims,
    fortranOrder: fortran,
    dataOffset: prefix + headerLen,
    dataBytes: count * itemSize,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

/** Reverse the bytes of each `itemSize`-byte item in place. */
export function swapBytes(bytes: Uint8Array, itemSize: number): void {
  if (itemSize === 1) return;
  for (let i = 0; i + itemSize <= bytes.length; i += itemSize) {
    for (let a = i, b = i + itemSize - 1; a < b; a++, b--) {
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
}

const HALF_TABLE = (() => {
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const frac = h & 0x3ff;
    if (exp === 0) t[h] = sign * frac * 2 ** -24;
    else if (exp === 31) t[h] = frac ? NaN : sign * Infinity;
    else t[h] = sign * (1 + frac / 1024) * 2 ** (exp - 15);
  }
  return t;
})();

/**
 * Convert `bytes` (host byte order already, starting on an 8-byte aligned offset of its buffer) holding `count`
 * items of `dtype` into `out[outOffset..]` as float32.
 */
export function decodeToFloat32(bytes: Uint8Array, dtype: NpyDtype, count: number, out: Float32Array, outOffset = 0): void {
  const { buffer, byteOffset } = bytes;
  const dst = out.subarray(outOffset, outOffset + count);
  switch (dtype) {
    case 'float32':
      dst.set(new Float32Array(buffer, byteOffset, count));
      return;
    case 'float64':
      dst.set(new Float64Array(buffer, byteOffset, count));
      return;
    case 'int8':
      dst.set(new Int8Array(buffer, byteOffset, count));
      return;
    case 'uint8':
      dst.set(new Uint8Array(buffer, byteOffset, count));
      return;
    case 'int16':
      dst.set(new Int16Array(buffer, byteOffset, count));
      return;
    case 'uint16':
      dst.set(new Uint16Array(buffer, byteOffset, count));
      return;
    case 'int32':
      dst.set(new Int32Array(buffer, byteOffset, count));
      return;
    case 'uint32':
      dst.set(new Uint32Array(buffer, byteOffset, count));
      return;
    case 'bool': {
      const src = new Uint8Array(buffer, byteOffset, count);
      for (let i = 0; i < count; i++) dst[i] = src[i] ? 1 : 0;
      return;
    }
    case 'float16': {
      const src = new Uint16Array(buffer, byteOffset, count);
      for (let i = 0; i < count; i++) dst[i] = HALF_TABLE[src[i]!]!;
      return;
    }
    case 'int64':
    case 'uint64': {
      if (HOST_LITTLE_ENDIAN) {
        // Two 32-bit halves are much faster than BigInt conversion; exact up to 2^53, rounded beyond (float32 anyway).
        const lo = new Uint32Array(buffer, byteOffset, count * 2);
        const hi = dtype === 'int64' ? new Int32Array(buffer, byteOffset, count * 2) : lo;
        for (let i = 0; i < count; i++) dst[i] = hi[2 * i + 1]! * 4294967296 + lo[2 * i]!;
      } else {
        const src = dtype === 'int64' ? new BigInt64Array(buffer, byteOffset, count) : new BigUint64Array(buffer, byteOffset, count);
        for (let i = 0; i < count; i++) dst[i] = Number(src[i]!);
      }
      return;
    }
  }
}

/**
 * Like decodeToFloat32, for data in the byte order opposite to the host's: DataView reads with an explicit byte
 * order, much faster than swapping bytes in place first (multi-byte dtypes only; 1-byte dtypes have no order).
 */
export function decodeForeignToFloat32(bytes: Uint8Array, dtype: NpyDtype, count: number, littleEndian: boolean, out: Float32Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = littleEndian;
  switch (dtype) {
    case 'float64':
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, le);
      return;
    case 'float32':
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, le);
      return;
    case 'float16':
      for (let i = 0; i < count; i++) out[i] = HALF_TABLE[view.getUint16(i * 2, le)]!;
      return;
    case 'int16':
      for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, le);
      return;
    case 'uint16':
      for (let i = 0; i < count; i++) out[i] = view.getUint16(i * 2, le);
      return;
    case 'int32':
      for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, le);
      return;
    case 'uint32':
      for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, le);
      return;
    case 'int64':
    case 'uint64': {
      const signed = dtype === 'int64';
      for (let i = 0; i < count; i++) {
        const o = i * 8;
        const hiAt = le ? o + 4 : o;
        const hi = signed ? view.getInt32(hiAt, le) : view.getUint32(hiAt, le);
        out[i] = hi * 4294967296 + view.getUint32(le ? o : o + 4, le);
      }
      return;
    }
    default:
      decodeToFloat32(bytes, dtype, count, out);
  }
}

/** Native typed array for each dtype (float16 widens to float32, bool is 0/1 bytes). */
export type NpyTypedArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

function decodeNative(bytes: Uint8Array, dtype: NpyDtype, count: number): NpyTypedArray {
  const { buffer, byteOffset } = bytes;
  switch (dtype) {
    case 'float16': {
      const out = new Float32Array(count);
      decodeToFloat32(bytes, dtype, count, out);
      return out;
    }
    case 'float32':
      return new Float32Array(buffer, byteOffset, count);
    case 'float64':
      return new Float64Array(buffer, byteOffset, count);
    case 'int8':
      return new Int8Array(buffer, byteOffset, count);
    case 'uint8':
      return new Uint8Array(buffer, byteOffset, count);
    case 'bool': {
      const out = new Uint8Array(buffer, byteOffset, count);
      for (let i = 0; i < count; i++) out[i] = out[i] ? 1 : 0;
      return out;
    }
    case 'int16':
      return new Int16Array(buffer, byteOffset, count);
    case 'uint16':
      return new Uint16Array(buffer, byteOffset, count);
    case 'int32':
      return new Int32Array(buffer, byteOffset, count);
    case 'uint32':
      return new Uint32Array(buffer, byteOffset, count);
    case 'int64':
      return new BigInt64Array(buffer, byteOffset, count);
    case 'uint64':
      return new BigUint64Array(buffer, byteOffset, count);
  }
}

/** Row-major (C) strides in elements. */
function cStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d]!;
  }
  return s;
}

/**
 * For a trailing shape `dims`, `map[f]` is the C-order flat index of the element whose Fortran-order flat index is
 * `f`.
 */
export function fortranToCIndex(dims: readonly number[]): Int32Array {
  const total = dims.reduce((a, b) => a * b, 1);
  const strides = cStrides(dims);
  const map = new Int32Array(total);
  const idx = new Array<number>(dims.length).fill(0);
  let c = 0;
  for (let f = 0; f < total; f++) {
    map[f] = c;
    // Increment the multi-index with the first dimension fastest (Fortran order), tracking the C offset.
    for (let d = 0; d < dims.length; d++) {
      idx[d]!++;
      c += strides[d]!;
      if (idx[d]! < dims[d]!) break;
      c -= strides[d]! * dims[d]!;
      idx[d] = 0;
    }
  }
  return map;
}

/** A whole array in memory, row-major (C order) regardless of the file's order. */
export interface NpyArray {
  dtype: NpyDtype;
  shape: number[];
  /** Whether the file stored it in Fortran order (`data` is row-major either way). */
  fortranOrder: boolean;
  data: NpyTypedArray;
}

/** Reorder a Fortran-order flat array into C order. */
function fortranToC<T extends NpyTypedArray>(src: T, shape: readonly number[]): T {
  const map = fortranToCIndex(shape);
  const out = new (src.constructor as new (n: number) => T)(src.length);
  for (let f = 0; f < map.length; f++) (out as unknown as number[])[map[f]!] = (src as unknown as number[])[f]!;
  return out;
}


/**
 * Decode the data bytes of an array described by `header` (exactly `header.dataBytes` bytes, owned by the caller:
 * swapped in place when their byte order is not the host's, and the returned typed array may be a view of them) into
 * its native element type, row-major.
 */
export function decodeNpyData(header: NpyHeader, data: Uint8Array): NpyArray {
  let bytes = data;
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  if (header.littleEndian !== HOST_LITTLE_ENDIAN) swapBytes(bytes, header.itemSize);
  const count = header.dataBytes / header.itemSize;
  let out = decodeNative(bytes, header.dtype, count);
  if (header.fortranOrder && header.shape.length > 1) out = fortranToC(out, header.shape);
  return { dtype: header.dtype, shape: header.shape, fortranOrder: header.fortranOrder, data: out };
}

/**
 * A whole .npy file held in memory (fetched, or stored in a database) as a row-major array of its native element
 * type. The input is not modified. Errors are NpyFormatError naming `label`.
 */
export function parseNpy(content: ArrayBuffer | Uint8Array, label = '.npy'): NpyArray {
  const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);
  const header = parseNpyHeader(bytes, label);
  if ('needed' in header) {
    throw new NpyFormatError(
      bytes.length < NPY_MAGIC.length || !NPY_MAGIC.every((b, i) => bytes[i] === b)
        ? `${label}: not a .npy file (bad magic bytes); save it with numpy.save`
        : `${label}: file is truncated inside the .npy header`,
    );
  }
  const available = bytes.length - header.dataOffset;
  if (available < header.dataBytes) {
    throw new NpyFormatError(
      `${label}: file is truncated (shape (${header.shape.join(', ')}) of ${header.descr} needs ${header.dataBytes} data bytes, found ${available})`,
    );
  }
  return decodeNpyData(header, bytes.slice(header.dataOffset, header.dataOffset + header.dataBytes));
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

export interface NpyWriteOptions {
  /** Store in Fortran (column-major) order. `data` is always given row-major. */
  fortranOrder?: boolean;
  /** Write a Uint8Array as numpy bool (`|b1`) instead of uint8. */
  bool?: boolean;
  /** Header format version (default 1, or 2 when the header does not fit v1's 16-bit length). */
  version?: 1 | 2 | 3;
}

function descrFor(data: NpyTypedArray, bool: boolean): string {
  if (data instanceof Float32Array) return '<f4';
  if (data instanceof Float64Array) return '<f8';
  if (data instanceof Int8Array) return '|i1';
  if (data instanceof Uint8Array) return bool ? '|b1' : '|u1';
  if (data instanceof Int16Array) return '<i2';
  if (data instanceof Uint16Array) return '<u2';
  if (data instanceof Int32Array) return '<i4';
  if (data instanceof Uint32Array) return '<u4';
  if (data instanceof BigInt64Array) return '<i8';
  if (data instanceof BigUint64Array) return '<u8';
  throw new NpyFormatError('writeNpy: unsupported array type; pass a Float32Array, Float64Array or (Big)Int/Uint array');
}

/** Header bytes (magic through padding) for an array. */
export function encodeNpyHeader(descr: string, shape: readonly number[], fortranOrder: boolean, version?: 1 | 2 | 3): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': ${fortranOrder ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const dictBytes = new TextEncoder().encode(dict);
  let v = version ?? 1;
  const padded = (prefix: number) => Math.ceil((prefix + dictBytes.length + 1) / 64) * 64 - prefix;
  if (v === 1 && padded(10) > 0xffff) {
    if (version === 1) throw new NpyFormatError('writeNpy: header too long for format version 1; use version 2');
    v = 2;
  }
  const prefix = v === 1 ? 10 : 12;
  const headerLen = padded(prefix);
  const out = new Uint8Array(prefix + headerLen);
  out.set(NPY_MAGIC, 0);
  out[6] = v;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (v === 1) view.setUint16(8, headerLen, true);
  else view.setUint32(8, headerLen, true);
  out.set(dictBytes, prefix);
  out.fill(0x20, prefix + dictBytes.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}

function cToFortran<T extends NpyTypedArray>(src: T, shape: readonly number[]): T {
  const map = fortranToCIndex(shape);
  const out = new (src.constructor as new (n: number) => T)(src.length);
  for (let f = 0; f < map.length; f++) (out as unknown as number[])[f] = (src as unknown as number[])[map[f]!]!;
  return out;
}

function checkShape(data: NpyTypedArray, shape: readonly number[], what: string): void {
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new NpyFormatError(`${what}: shape (${shape.join(', ')}) must be non-negative integers`);
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new NpyFormatError(`${what}: shape (${shape.join(', ')}) holds ${count} elements but the data has ${data.length}`);
  }
}

/** The complete .npy file content for an array given row-major. */
export function encodeNpy(data: NpyTypedArray, shape: readonly number[], options: NpyWriteOptions = {}): Uint8Array[] {
  checkShape(data, shape, 'encodeNpy');
  // Like numpy: an array that is contiguous in both orders (at most one dimension longer than 1) is stored as C.
  const fortran = (options.fortranOrder ?? false) && shape.filter((d) => d > 1).length > 1;
  const descr = descrFor(data, options.bool ?? false);
  const header = encodeNpyHeader(descr, shape, fortran, options.version);
  const body = fortran ? cToFortran(data, shape) : data;
  let bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (!HOST_LITTLE_ENDIAN && body.BYTES_PER_ELEMENT > 1) {
    bytes = bytes.slice();
    swapBytes(bytes, body.BYTES_PER_ELEMENT);
  }
  if (options.bool) {
    bytes = Uint8Array.from(bytes, (b) => (b ? 1 : 0));
  }
  return [header, bytes];
}

