/**
 * Random streams of a network (stream version 2).
 *
 * Every random stream of a trained network — each layer's initialiser, each dropout layer's mask per step, and, with
 * `dataOrder: "per-network"`, the data order per epoch — derives from the network's identity: its resolved
 * architecture and its seed. Two networks share a stream only if they are the same network (same architecture, same
 * seed); the same network built twice draws the same numbers, so training stays bit-identical and resumable.
 *
 * Definitions (stable: changing any of them changes every network, and needs a new STREAM_VERSION):
 *
 * - `canonicalJson(v)`: JSON with object keys sorted (by UTF-16 code units), no whitespace, `undefined` members
 *   dropped, numbers as `JSON.stringify` writes them.
 * - `hash64(text)` = SplitMix64-finalise(FNV-1a-64(UTF-8 bytes of text)). FNV-1a (offset 0xcbf29ce484222325, prime
 *   0x100000001b3) absorbs the bytes; the SplitMix64 finaliser (Steele et al. 2014: x ^= x>>>30; x *= 0xbf58476d1ce4e5b9;
 *   x ^= x>>>27; x *= 0x94d049bb133111eb; x ^= x>>>31) spreads every input bit over every output bit, which FNV alone
 *   does poorly for the low bits.
 * - architecture identity: the resolved spec (preset names resolved, every default filled, every layer named) with
 *   the layers' `record` flags removed (which layers are recorded does not change the network).
 * - network key = hash64(canonicalJson({ architecture: <identity>, seed })), written as 16 hex digits.
 * - stream seed = the high 32 bits of hash64(`<network key>/<stream>/<part>/<part>...`), an unsigned 32-bit integer.
 *   Streams: `init/<layer>/kernel` (every kernel initialiser; a residual block's projection is the layer
 *   `<block>-proj`), `dropout/<layer>/<step>` (the mask of one training step), `data-order/<epoch>` (per-network order).
 * - the shared data order of a family: `data-order/<epoch>` under the family key hash64(`family/<dataOrderSeed>`),
 *   where an experiment passes its split seed, so every network of the experiment sees the same order.
 *
 * Version 1 (before): initialisers and dropout seeded from (seed, layer index, k) and the data order from (seed,
 * epoch) only, so networks of different architectures with the same seed shared streams.
 */

/** The stream version this engine trains with; a result without a recorded version was made with version 1. */
export const STREAM_VERSION = 2;

export const DATA_ORDERS = ['shared', 'per-network'] as const;
/** `shared`: every network of a family sees the same data order (the paper's setting); `per-network`: its own. */
export type DataOrder = (typeof DATA_ORDERS)[number];

/** What a result records about its random streams (`version` 1 = the old seeding, without `dataOrder`). */
export interface StreamInfo {
  version: number;
  /** Version ≥ 2: the data order the networks were trained with. */
  dataOrder?: DataOrder;
}

const MASK64 = (1n << 64n) - 1n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const encoder = new TextEncoder();

/** FNV-1a, 64-bit, over the UTF-8 bytes of `text`. */
export function fnv1a64(text: string): bigint {
  let h = FNV_OFFSET;
  for (const b of encoder.encode(text)) h = ((h ^ BigInt(b)) * FNV_PRIME) & MASK64;
  return h;
}

/** The SplitMix64 finaliser (a bijection on 64-bit integers with full avalanche). */
export function splitmix64(x: bigint): bigint {
  let z = x & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** hash64(text) = splitmix64(fnv1a64(text)). */
export function hash64(text: string): bigint {
  return splitmix64(fnv1a64(text));
}

/** JSON with sorted object keys and no whitespace; `undefined` members are dropped (as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined && typeof o[k] !== 'function')
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** The architecture as far as it defines the network: the resolved spec without the layers' `record` flags. */
export function architectureIdentity(spec: { name: string; inputShape: readonly number[]; layers: readonly object[] }): unknown {
  const strip = (l: object): object => {
    const { record: _record, ...rest } = l as Record<string, unknown>;
    return Array.isArray(rest.layers) ? { ...rest, layers: (rest.layers as object[]).map(strip) } : rest;
  };
  return { name: spec.name, inputShape: [...spec.inputShape], layers: spec.layers.map(strip) };
}

/** The 64-bit key (16 hex digits) every random stream of the network (architecture, seed) derives from. */
export function networkKey(spec: { name: string; inputShape: readonly number[]; layers: readonly object[] }, seed: number): string {
  return hex64(hash64(canonicalJson({ architecture: architectureIdentity(spec), seed })));
}

/** The key of a family's shared streams (the shared data order), from a family-level seed (the split seed). */
export function familyKey(seed: number): string {
  return hex64(hash64(`family/${seed}`));
}

/** The seed (unsigned 32-bit) of stream `name/parts...` under `key`. */
export function streamSeed(key: string, name: string, ...parts: Array<string | number>): number {
  const h = hash64([key, name, ...parts].join('/'));
  return Number(h >> 32n);
}

function hex64(x: bigint): string {
  return x.toString(16).padStart(16, '0');
}

