// PNG encoder: CRC against the known check value, and a round trip through inflate.
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from './png.ts';
import { readPng } from '../../test/helpers.ts';

describe('encodePng', () => {
  it('uses the standard CRC-32 (check value of "123456789")', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips grey and RGB pixels', () => {
    const grey = Uint8Array.from({ length: 5 * 3 }, (_, i) => (i * 37) % 256);
    const g = readPng(encodePng(5, 3, 1, grey));
    expect([g.width, g.height, g.channels]).toEqual([5, 3, 1]);
    expect(Array.from(g.pixels)).toEqual(Array.from(grey));
    const rgb = Uint8Array.from({ length: 2 * 2 * 3 }, (_, i) => 255 - i);
    expect(Array.from(readPng(encodePng(2, 2, 3, rgb)).pixels)).toEqual(Array.from(rgb));
    expect(() => encodePng(2, 2, 3, new Uint8Array(5))).toThrow(/expected 12 bytes/);
  });
});
