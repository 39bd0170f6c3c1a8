// Minimal PNG encoder (8-bit grey, RGB or RGBA; filter 0 on every row; zlib via node:zlib). Enough for probe
// images and sprites, which are small; no dependency needed.
import { deflateSync } from 'node:zlib';
// The zip CRC-32 of the engine's .npz writer is PNG's chunk CRC too.
import { crc32 } from '@convergent/engine/files';

export { crc32 };

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const COLOR_TYPE: Record<1 | 3 | 4, number> = { 1: 0, 3: 2, 4: 6 };

/** Encode row-major pixels [height, width, channels] (channels 1, 3 or 4) as a PNG file. */
export function encodePng(width: number, height: number, channels: 1 | 3 | 4, pixels: Uint8Array): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error(`encodePng: bad size ${width}x${height}`);
  if (pixels.length !== width * height * channels) throw new Error(`encodePng: expected ${width * height * channels} bytes, got ${pixels.length}`);
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = COLOR_TYPE[channels];
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
