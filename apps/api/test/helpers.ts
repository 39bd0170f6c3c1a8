// HTTP helpers for the API integration tests: GraphQL over fetch, raw file fetches, .npy and PNG decoding.
import { inflateSync } from 'node:zlib';
import { decodeNpy } from '../src/http/npy-buffer.ts';

export interface GqlResult {
  status: number;
  data?: Record<string, any>;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export async function gql(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResult, 'status'>;
  return { status: res.status, ...body };
}

/** Data of a query that must succeed. */
export async function ok(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const r = await gql(url, token, query, variables);
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** The error codes of a query that must fail. */
export async function codes(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
  const r = await gql(url, token, query, variables);
  return (r.errors ?? []).map((e) => String(e.extensions?.code));
}

export async function fetchBytes(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: Buffer; type: string | null }> {
  const res = await fetch(url, { headers });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') };
}

export function readNpy(bytes: Buffer) {
  return decodeNpy(new Uint8Array(bytes), 'response');
}

/** Decode an 8-bit, non-interlaced PNG with filter 0 rows (what the API writes). */
export function readPng(bytes: Buffer): { width: number; height: number; channels: number; pixels: Uint8Array } {
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let off = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (off < bytes.length) {
    const len = bytes.readUInt32BE(off);
    const type = bytes.toString('ascii', off + 4, off + 8);
    const data = bytes.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[data[9]!]!;
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    if (raw[y * (stride + 1)] !== 0) throw new Error('unexpected PNG filter');
    pixels.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, channels, pixels };
}
