/**
 * MNIST-style IDX files (http://yann.lecun.com/exdb/mnist/): a 4-byte magic `0 0 type ndims`, `ndims`
 * big-endian uint32 dimensions, then the data row-major. Only unsigned bytes (type 0x08) are read:
 * that is what image and label files use. Gzip-compressed files (`.gz`, detected by content) are
 * inflated with node:zlib.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { DatasetError } from './dataset.ts';

export interface IdxArray {
  shape: number[];
  /** Row-major bytes. */
  data: Uint8Array;
}

// biome-ignore lint/complexity/useSimpleNumberKeys: the IDX format spec names its type codes in hex
const TYPE_NAMES: Record<number, string> = { 0x08: 'ubyte', 0x09: 'byte', 0x0b: 'short', 0x0c: 'int', 0x0d: 'float', 0x0e: 'double' };

/** Parse IDX bytes (already inflated). */
export function parseIdx(bytes: Uint8Array, label: string): IdxArray {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new DatasetError(`${label}: not an IDX file (bad magic number)`);
  }
  const type = bytes[2]!;
  const ndims = bytes[3]!;
  if (type !== 0x08) {
    throw new DatasetError(`${label}: IDX element type ${TYPE_NAMES[type] ?? `0x${type.toString(16)}`} is not supported; convert to unsigned bytes (0x08)`);
  }
  if (ndims < 1) throw new DatasetError(`${label}: IDX file declares no dimensions`);
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) throw new DatasetError(`${label}: IDX header is truncated`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  for (let d = 0; d < ndims; d++) shape.push(view.getUint32(4 + 4 * d, false));
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - headerBytes < count) {
    throw new DatasetError(`${label}: IDX data is truncated (shape ${shape.join('x')} needs ${count} bytes, found ${bytes.length - headerBytes})`);
  }
  return { shape, data: bytes.subarray(headerBytes, headerBytes + count) };
}

/** Read an IDX file, gzip-compressed or not. */
export async function readIdx(path: string): Promise<IdxArray> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DatasetError(`${path}: no such file; check the IDX path`);
    throw new DatasetError(`${path}: cannot read (${(err as Error).message})`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (err) {
      throw new DatasetError(`${path}: corrupt gzip data (${(err as Error).message})`);
    }
  }
  return parseIdx(bytes, path);
}
