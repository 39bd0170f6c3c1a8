/**
 * NumPy `.npz` archives (a zip of `.npy` files, as written by `np.savez` / `np.savez_compressed`).
 *
 * Reading never loads the whole archive: the central directory is parsed (zip64 included — numpy writes zip64
 * entries), a stored entry is read in place through positional reads, and a deflated entry is inflated by
 * streaming into a temporary file that is removed when its reader closes. Writing builds stored or deflated
 * (node:zlib) entries and renames the finished archive into place.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, deflateRawSync } from 'node:zlib';
import { encodeNpy, NpyFormatError, openNpy, writeFileAtomic, type NpyReader, type NpyTypedArray, type NpyWriteOptions } from './npy.ts';

export interface NpzEntry {
  /** Array name as numpy reports it (`np.load(f).files`): the file name without `.npy`. */
  key: string;
  /** File name inside the zip. */
  fileName: string;
  compression: 'stored' | 'deflate';
  compressedSize: number;
  size: number;
  crc32: number;
  /** Offset of the entry's local header. */
  localHeaderOffset: number;
}

export interface NpzArchive {
  readonly path: string;
  readonly entries: readonly NpzEntry[];
  /** Entry keys in archive order. */
  readonly keys: readonly string[];
  /** A streamed reader of one entry; close it when done (a deflated entry's temporary file goes with it). */
  open(key: string): Promise<NpyReader>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// CRC-32 (zip polynomial), for writing and for checking inflated entries.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

async function readAt(fh: FileHandle, position: number, length: number, label: string): Promise<DataView> {
  const buf = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new NpyFormatError(`${label}: archive is truncated`);
    done += bytesRead;
  }
  return new DataView(buf.buffer);
}

function u64(view: DataView, at: number): number {
  const v = view.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new NpyFormatError('zip64 size too large');
  return Number(v);
}

async function readCentralDirectory(fh: FileHandle, size: number, label: string): Promise<NpzEntry[]> {
  const notZip = `${label}: not a .npz archive or truncated (no zip end-of-central-directory record); save it with numpy.savez`;
  if (size < 22) throw new NpyFormatError(notZip);
  // The end record sits in the last 22 bytes plus an optional comment of up to 65535 bytes.
  const tailLen = Math.min(size, 22 + 65535);
  const tailStart = size - tailLen;
  const tail = await readAt(fh, tailStart, tailLen, label);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NpyFormatError(notZip);
  let count = tail.getUint16(eocd + 10, true);
  let cdSize = tail.getUint32(eocd + 12, true);
  let cdOffset = tail.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.getUint32(loc, true) !== SIG_ZIP64_LOCATOR) throw new NpyFormatError(`${label}: zip64 locator missing; archive is damaged`);
    const z64Offset = u64(tail, loc + 8);
    const z64 = await readAt(fh, z64Offset, 56, label);
    if (z64.getUint32(0, true) !== SIG_ZIP64_EOCD) throw new NpyFormatError(`${label}: zip64 end record missing; archive is damaged`);
    count = u64(z64, 32);
    cdSize = u64(z64, 40);
    cdOffset = u64(z64, 48);
  }
  if (cdOffset + cdSize > size) throw new NpyFormatError(`${label}: archive is truncated (central directory past the end of file)`);
  const cd = await readAt(fh, cdOffset, cdSize, label);
  const entries: NpzEntry[] = [];
  let at = 0;
  for (let e = 0; e < count; e++) {
    if (at + 46 > cdSize || cd.getUint32(at, true) !== SIG_CENTRAL) throw new NpyFormatError(`${label}: damaged zip central directory`);
    const flags = cd.getUint16(at + 8, true);
    const method = cd.getUint16(at + 10, true);
    const crc = cd.getUint32(at + 16, true);
    let compressedSize = cd.getUint32(at + 20, true);
    let uncompressed = cd.getUint32(at + 24, true);
    const nameLen = cd.getUint16(at + 28, true);
    const extraLen = cd.getUint16(at + 30, true);
    const commentLen = cd.getUint16(at + 32, true);
    let localHeaderOffset = cd.getUint32(at + 42, true);
    const nameBytes = new Uint8Array(cd.buffer, at + 46, nameLen);
    const fileName = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
    // Zip64 extra field: 64-bit values for exactly those fields that hold 0xFFFFFFFF, in this order.
    let x = at + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.getUint16(x, true);
      const len = cd.getUint16(x + 2, true);
      if (id === 0x0001) {
        let p = x + 4;
        if (uncompressed === 0xffffffff) (uncompressed = u64(cd, p)), (p += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(cd, p)), (p += 8);
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(cd, p);
      }
      x += 4 + len;
    }
    at = xEnd + commentLen;
    if (flags & 0x1) throw new NpyFormatError(`${label}: entry ${fileName} is encrypted; not supported`);
    if (method !== 0 && method !== 8) {
      throw new NpyFormatError(`${label}: entry ${fileName} uses zip compression method ${method}; only stored and deflate are supported`);
    }
    if (fileName.endsWith('/')) continue; // directory entry
    entries.push({
      key: fileName.endsWith('.npy') ? fileName.slice(0, -4) : fileName,
      fileName,
      compression: method === 0 ? 'stored' : 'deflate',
      compressedSize,
      size: uncompressed,
      crc32: crc,
      localHeaderOffset,
    });
  }
  return entries;
}

async function dataOffset(fh: FileHandle, entry: NpzEntry, size: number, label: string): Promise<number> {
  const local = await readAt(fh, entry.localHeaderOffset, 30, label);
  if (local.getUint32(0, true) !== SIG_LOCAL) throw new NpyFormatError(`${label}: damaged local header for ${entry.fileName}`);
  const start = entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  if (start + entry.compressedSize > size) {
    throw new NpyFormatError(`${label}: archive is truncated (entry ${entry.fileName} runs past the end of file)`);
  }
  return start;
}

/** Temporary folders of open deflated entries; removed by their readers, or at process exit at the latest. */
const liveTempDirs = new Set<string>();
let exitHookInstalled = false;

function trackTempDir(dir: string): void {
  liveTempDirs.add(dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const d of liveTempDirs) rmSync(d, { recursive: true, force: true });
    });
  }
}

async function removeTempDir(dir: string): Promise<void> {
  liveTempDirs.delete(dir);
  await rm(dir, { recursive: true, force: true });
}

/** Inflate a deflated entry into a fresh temporary file, checking its size and CRC. */
async function inflateToTemp(path: string, start: number, entry: NpzEntry, label: string): Promise<{ file: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'convergent-npz-'));
  trackTempDir(dir);
  const file = join(dir, 'entry.npy');
  let crc = 0;
  let bytes = 0;
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      crc = crc32(chunk, crc);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    if (entry.compressedSize === 0) throw new Error('empty deflate stream');
    const source = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
    await pipeline(source, createInflateRaw(), check, createWriteStream(file));
  } catch (err) {
    await removeTempDir(dir);
    throw new NpyFormatError(`${label}: entry ${entry.fileName} cannot be inflated (${(err as Error).message}); the archive is damaged or truncated`);
  }
  if (bytes !== entry.size || crc !== entry.crc32) {
    await removeTempDir(dir);
    throw new NpyFormatError(`${label}: entry ${entry.fileName} fails its size/CRC check; the archive is damaged`);
  }
  return { file, dir };
}

/** Open a .npz archive: lists its entries now, opens arrays on demand. */
export async function openNpz(path: string): Promise<NpzArchive> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new NpyFormatError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot open (${(err as Error).message})`);
  }
  let size: number;
  let entries: NpzEntry[];
  try {
    const info = await fh.stat();
    if (info.isDirectory()) throw new NpyFormatError(`${path}: is a directory, not a .npz archive`);
    size = info.size;
    entries = await readCentralDirectory(fh, size, path);
  } catch (err) {
    await fh.close();
    throw err;
  }
  const keys = entries.map((e) => e.key);
  let closed = false;
  return {
    path,
    entries,
    keys,
    async open(key: string): Promise<NpyReader> {
      if (closed) throw new NpyFormatError(`${path}: archive is closed`);
      const entry = entries.find((e) => e.key === key || e.fileName === key);
      if (!entry) {
        throw new NpyFormatError(`${path}: no array '${key}' in the archive; it holds ${keys.map((k) => `'${k}'`).join(', ') || 'nothing'}`);
      }
      const label = `${path}:${entry.key}`;
      const start = await dataOffset(fh, entry, size, path);
      if (entry.compression === 'stored') return openNpy(path, { offset: start, length: entry.compressedSize, label });
      const { file, dir } = await inflateToTemp(path, start, entry, path);
      return openNpy(file, { label, onClose: () => removeTempDir(dir) });
    },
    async close() {
      if (closed) return;
      closed = true;
      await fh.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

export interface NpzInput extends NpyWriteOptions {
  /** Row-major (C order) data. */
  data: NpyTypedArray;
  shape: readonly number[];
}

function dosDateTime(): { time: number; date: number } {
  // A fixed timestamp (1980-01-01 00:00) keeps archives byte-for-byte reproducible.
  return { time: 0, date: (0 << 9) | (1 << 5) | 1 };
}

/**
 * Write arrays as a .npz archive (`np.load` reads it); `compress: true` deflates each entry like
 * `np.savez_compressed`. Keys become `KEY.npy` inside the zip. The file appears atomically.
 */
export async function writeNpz(
  path: string,
  entries: Record<string, NpzInput> | ReadonlyArray<readonly [string, NpzInput]>,
  options: { compress?: boolean } = {},
): Promise<void> {
  const list = Array.isArray(entries) ? (entries as ReadonlyArray<readonly [string, NpzInput]>) : Object.entries(entries);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const { time, date } = dosDateTime();
  const seen = new Set<string>();
  for (const [key, input] of list) {
    if (key === '' || seen.has(key)) throw new NpyFormatError(`writeNpz: array names must be unique and non-empty ('${key}')`);
    seen.add(key);
    const parts = encodeNpy(input.data, input.shape, input);
    const raw = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    let o = 0;
    for (const p of parts) raw.set(p, o), (o += p.length);
    const crc = crc32(raw);
    const body = options.compress ? new Uint8Array(deflateRawSync(raw)) : raw;
    if (raw.length >= 0xffffffff || offset >= 0xffffffff) {
      throw new NpyFormatError(`writeNpz: entry '${key}' is over 4 GiB; write it as a separate .npy file`);
    }
    const name = new TextEncoder().encode(`${key}.npy`);
    const method = options.compress ? 8 : 0;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, SIG_LOCAL, true);
    local.setUint16(4, 20, true); // version needed: 2.0
    local.setUint16(6, 0x800, true); // UTF-8 names
    local.setUint16(8, method, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, raw.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    const cen = new DataView(new ArrayBuffer(46));
    cen.setUint32(0, SIG_CENTRAL, true);
    cen.setUint16(4, 20, true); // made by
    cen.setUint16(6, 20, true);
    cen.setUint16(8, 0x800, true);
    cen.setUint16(10, method, true);
    cen.setUint16(12, time, true);
    cen.setUint16(14, date, true);
    cen.setUint32(16, crc, true);
    cen.setUint32(20, body.length, true);
    cen.setUint32(24, raw.length, true);
    cen.setUint16(28, name.length, true);
    cen.setUint32(38, 0o100644 << 16, true); // external attributes: regular file, rw-r--r--
    cen.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, body);
    central.push(new Uint8Array(cen.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((a, c) => a + c.length, 0);
  if (offset + cdSize >= 0xffffffff || list.length >= 0xffff) throw new NpyFormatError('writeNpz: archive too large for a plain zip');
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, SIG_EOCD, true);
  end.setUint16(8, list.length, true);
  end.setUint16(10, list.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  await writeFileAtomic(path, [...chunks, ...central, new Uint8Array(end.buffer)]);
}
