/**
 * Packs a folder into one byte array and back: how a worker's local checkpoint folder travels through
 * the database (an Artifact) to whichever worker machine resumes the job. Format: uint32 LE header
 * length, JSON header [{ path, size }], then the files' bytes in header order.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

async function listFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, child)));
    else if (entry.isFile()) out.push(child);
  }
  return out.sort();
}

/** `filter(relPath)` picks the files to include (default all). */
export async function packDirectory(root: string, filter: (rel: string) => boolean = () => true): Promise<Buffer> {
  const files = (await listFiles(root)).filter(filter);
  const contents = await Promise.all(files.map((f) => readFile(path.join(root, f))));
  const header = Buffer.from(JSON.stringify(files.map((f, i) => ({ path: f, size: contents[i]!.length }))));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  return Buffer.concat([len, header, ...contents]);
}

export async function unpackDirectory(bytes: Uint8Array, root: string): Promise<number> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = buf.readUInt32LE(0);
  const entries = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Array<{ path: string; size: number }>;
  let offset = 4 + headerLength;
  for (const e of entries) {
    if (path.isAbsolute(e.path) || e.path.split('/').includes('..')) throw new Error(`archive entry ${e.path} escapes its folder`);
    const file = path.join(root, e.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, buf.subarray(offset, offset + e.size));
    offset += e.size;
  }
  return entries.length;
}

/**
 * Pack a folder that a writer replaces as a whole (write a new folder, then rename it over the old one, like the
 * engine's checkpoints): the folder is read again when it was swapped while being read, so the archive never mixes
 * files of two versions.
 */
export async function packSwappedDirectory(root: string, attempts = 5): Promise<Buffer> {
  for (let i = 0; i < attempts; i++) {
    const before = (await stat(root)).ino;
    let bytes: Buffer;
    try {
      bytes = await packDirectory(root);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // swapped mid-read
      throw err;
    }
    if ((await stat(root)).ino === before) return bytes;
  }
  throw new Error(`${root} kept changing while it was read`);
}

/** One file of a packed archive, or null. */
export function packedFile(bytes: Uint8Array, rel: string): Buffer | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = buf.readUInt32LE(0);
  const entries = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Array<{ path: string; size: number }>;
  let offset = 4 + headerLength;
  for (const e of entries) {
    if (e.path === rel) return buf.subarray(offset, offset + e.size);
    offset += e.size;
  }
  return null;
}
