/**
 * A recorded layer cut into storable parts, so alignment can run as one job per network pair on any machine:
 * - a member part per network: its units' moments (mean, std, dead, within-network correlation and covariance,
 *   CKA sums) and its columns of the paired row sample (mutual information);
 * - a cross part per pair: the between-network correlation and covariance blocks and the pair's CKA sum.
 * `pairRecording(a, b, cross)` reassembles a two-member `LayerRecording` whose `alignPair(rec, 0, 1)` reads exactly
 * the numbers `alignPair(full, ia, ib)` reads, so per-pair jobs compute what the one-process run computes.
 * `packParts` / `unpackParts` turn a part into one byte array (uint32 LE header length, JSON header, 8-byte aligned
 * little-endian arrays).
 */
import type { JointMoments } from '../stats/moments.ts';
import type { LayerMember, LayerRecording } from './record-family.ts';

export interface MemberPart {
  layer: string;
  networkId: string;
  kind: LayerMember['kind'];
  shape: number[];
  units: number;
  /** Samples the moments were accumulated over. */
  n: number;
  /** Samples per unit (images × positions), as in LayerRecording. */
  samples: number;
  mean: Float64Array;
  std: Float64Array;
  dead: Uint8Array;
  /** units × units */
  corr: Float64Array;
  cov: Float64Array;
  /** CKA sums of this group: Σ a_i and Σ a_i² (absent when the accumulator had no groups). */
  sumSq?: number;
  sumSqSelf?: number;
  /** Its columns of the row sample, float32 [rows, units]. */
  sample?: { data: Float32Array; rows: number };
  /** Its columns of the per-image rows (mutual kNN), float32 [images, units]. */
  images?: { data: Float32Array; rows: number };
  /** Held-out split (LayerRecording.heldOut): its within blocks of the fit and held-out correlations. */
  heldFitCorr?: Float64Array;
  heldCorr?: Float64Array;
  heldInfo?: { images: number; fitImages: number; seed: number };
}

export interface CrossPart {
  layer: string;
  a: string;
  b: string;
  /** p × q blocks (A's units as rows). */
  corr: Float64Array;
  cov: Float64Array;
  /** Σ a_i b_i of the two groups. */
  sumSqAB?: number;
  /** Held-out split: the p × q blocks of the fit and held-out correlations. */
  heldFitCorr?: Float64Array;
  heldCorr?: Float64Array;
}

function block(src: Float64Array, width: number, r0: number, rows: number, c0: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) out.set(src.subarray((r0 + i) * width + c0, (r0 + i) * width + c0 + cols), i * cols);
  return out;
}

function groupIndex(m: JointMoments, member: LayerMember): number {
  return m.groups.findIndex((g) => g.offset === member.group.offset && g.count === member.group.count);
}

/** Member `i` of a recorded layer as a storable part. */
export function memberPart(rec: LayerRecording, i: number): MemberPart {
  const mem = rec.members[i]!;
  const m = rec.moments;
  const { offset, count } = mem.group;
  const part: MemberPart = {
    layer: rec.name,
    networkId: mem.networkId,
    kind: mem.kind,
    shape: mem.shape,
    units: count,
    n: m.n,
    samples: rec.samples,
    mean: m.mean.slice(offset, offset + count),
    std: m.std.slice(offset, offset + count),
    dead: m.dead.slice(offset, offset + count),
    corr: block(m.corr, m.width, offset, count, offset, count),
    cov: block(m.cov, m.width, offset, count, offset, count),
  };
  const g = groupIndex(m, mem);
  if (m.groupExtras && g >= 0) {
    part.sumSq = m.groupExtras.sumSq[g]!;
    part.sumSqSelf = m.groupExtras.sumSqProducts[g * m.groups.length + g]!;
  }
  if (rec.sample) {
    const { data, rows } = rec.sample;
    const cols = new Float32Array(rows * count);
    for (let r = 0; r < rows; r++) cols.set(data.subarray(r * m.width + offset, r * m.width + offset + count), r * count);
    part.sample = { data: cols, rows };
  }
  if (rec.images) {
    const { data, rows } = rec.images;
    const cols = new Float32Array(rows * count);
    for (let r = 0; r < rows; r++) cols.set(data.subarray(r * m.width + offset, r * m.width + offset + count), r * count);
    part.images = { data: cols, rows };
  }
  if (rec.heldOut) {
    part.heldFitCorr = block(rec.heldOut.fitCorr, m.width, offset, count, offset, count);
    part.heldCorr = block(rec.heldOut.heldCorr, m.width, offset, count, offset, count);
    part.heldInfo = { images: rec.heldOut.images, fitImages: rec.heldOut.fitImages, seed: rec.heldOut.seed };
  }
  return part;
}

/** The between blocks of members `ia` (rows) and `ib` of a recorded layer. */
export function crossPart(rec: LayerRecording, ia: number, ib: number): CrossPart {
  const A = rec.members[ia]!;
  const B = rec.members[ib]!;
  const m = rec.moments;
  const part: CrossPart = {
    layer: rec.name,
    a: A.networkId,
    b: B.networkId,
    corr: block(m.corr, m.width, A.group.offset, A.group.count, B.group.offset, B.group.count),
    cov: block(m.cov, m.width, A.group.offset, A.group.count, B.group.offset, B.group.count),
  };
  const ga = groupIndex(m, A);
  const gb = groupIndex(m, B);
  if (m.groupExtras && ga >= 0 && gb >= 0) part.sumSqAB = m.groupExtras.sumSqProducts[ga * m.groups.length + gb]!;
  if (rec.heldOut) {
    part.heldFitCorr = block(rec.heldOut.fitCorr, m.width, A.group.offset, A.group.count, B.group.offset, B.group.count);
    part.heldCorr = block(rec.heldOut.heldCorr, m.width, A.group.offset, A.group.count, B.group.offset, B.group.count);
  }
  return part;
}

/** A two-member recording (A = member 0, B = member 1) from the parts of a pair. */
export function pairRecording(a: MemberPart, b: MemberPart, cross: CrossPart): LayerRecording {
  if (a.layer !== b.layer || cross.layer !== a.layer || cross.a !== a.networkId || cross.b !== b.networkId) {
    throw new Error(`pair parts do not fit together: ${a.networkId}/${a.layer}, ${b.networkId}/${b.layer}, cross ${cross.a}__${cross.b}/${cross.layer}`);
  }
  if (a.n !== b.n) throw new Error(`pair parts of ${a.layer} come from different recordings (${a.n} vs ${b.n} samples)`);
  const p = a.units;
  const q = b.units;
  const w = p + q;
  const square = (aa: Float64Array, bb: Float64Array, ab: Float64Array): Float64Array => {
    const out = new Float64Array(w * w);
    for (let i = 0; i < p; i++) {
      out.set(aa.subarray(i * p, (i + 1) * p), i * w);
      out.set(ab.subarray(i * q, (i + 1) * q), i * w + p);
    }
    for (let j = 0; j < q; j++) {
      for (let i = 0; i < p; i++) out[(p + j) * w + i] = ab[i * q + j]!;
      out.set(bb.subarray(j * q, (j + 1) * q), (p + j) * w + p);
    }
    return out;
  };
  const concat = <T extends Float64Array | Uint8Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(w);
    out.set(x, 0);
    out.set(y, p);
    return out;
  };
  const groups = [
    { offset: 0, count: p },
    { offset: p, count: q },
  ];
  const moments: JointMoments = {
    n: a.n,
    width: w,
    mean: concat(a.mean, b.mean, (n) => new Float64Array(n)),
    std: concat(a.std, b.std, (n) => new Float64Array(n)),
    dead: concat(a.dead, b.dead, (n) => new Uint8Array(n)),
    cov: square(a.cov, b.cov, cross.cov),
    corr: square(a.corr, b.corr, cross.corr),
    groups,
  };
  if (a.sumSq !== undefined && b.sumSq !== undefined && cross.sumSqAB !== undefined) {
    moments.groupExtras = {
      sumSq: Float64Array.of(a.sumSq, b.sumSq),
      sumSqProducts: Float64Array.of(a.sumSqSelf!, cross.sumSqAB, cross.sumSqAB, b.sumSqSelf!),
    };
  }
  const member = (x: MemberPart, offset: number): LayerMember => ({ networkId: x.networkId, group: { offset, count: x.units }, kind: x.kind, shape: x.shape, units: x.units, top: [] });
  const rec: LayerRecording = { name: a.layer, members: [member(a, 0), member(b, p)], moments, samples: a.samples };
  if (a.heldFitCorr && a.heldCorr && b.heldFitCorr && b.heldCorr && cross.heldFitCorr && cross.heldCorr && a.heldInfo) {
    rec.heldOut = { fitCorr: square(a.heldFitCorr, b.heldFitCorr, cross.heldFitCorr), heldCorr: square(a.heldCorr, b.heldCorr, cross.heldCorr), ...a.heldInfo };
  }
  if (a.sample && b.sample) {
    if (a.sample.rows !== b.sample.rows) throw new Error(`row samples of ${a.networkId} and ${b.networkId} at ${a.layer} differ in length`);
    const rows = a.sample.rows;
    const data = new Float32Array(rows * w);
    for (let r = 0; r < rows; r++) {
      data.set(a.sample.data.subarray(r * p, (r + 1) * p), r * w);
      data.set(b.sample.data.subarray(r * q, (r + 1) * q), r * w + p);
    }
    rec.sample = { data, rows };
  }
  if (a.images && b.images) {
    if (a.images.rows !== b.images.rows) throw new Error(`image rows of ${a.networkId} and ${b.networkId} at ${a.layer} differ in length`);
    const rows = a.images.rows;
    const data = new Float32Array(rows * w);
    for (let r = 0; r < rows; r++) {
      data.set(a.images.data.subarray(r * p, (r + 1) * p), r * w);
      data.set(b.images.data.subarray(r * q, (r + 1) * q), r * w + p);
    }
    rec.images = { data, rows };
  }
  return rec;
}

// ---- bytes

type Typed = Float64Array | Float32Array | Uint8Array;
const DTYPES = { f8: Float64Array, f4: Float32Array, u1: Uint8Array } as const;
type Dtype = keyof typeof DTYPES;

function dtypeOf(a: Typed): Dtype {
  if (a instanceof Float64Array) return 'f8';
  if (a instanceof Float32Array) return 'f4';
  return 'u1';
}

/** One byte array holding the plain fields of `part` (JSON) and its typed arrays (raw, little-endian). */
export function packParts(part: MemberPart | CrossPart): Uint8Array {
  const arrays: Array<{ key: string; a: Typed }> = [];
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(part)) {
    if (ArrayBuffer.isView(v)) arrays.push({ key: k, a: v as Typed });
    else if ((k === 'sample' || k === 'images') && v) {
      arrays.push({ key: k, a: (v as { data: Float32Array }).data });
      plain[`${k}Rows`] = (v as { rows: number }).rows;
    } else plain[k] = v;
  }
  let offset = 0;
  const index = arrays.map(({ key, a }) => {
    const entry = { key, dtype: dtypeOf(a), length: a.length, offset };
    offset += Math.ceil(a.byteLength / 8) * 8;
    return entry;
  });
  const header = new TextEncoder().encode(JSON.stringify({ plain, index }));
  const start = Math.ceil((4 + header.length) / 8) * 8;
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  arrays.forEach(({ a }, i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + index[i]!.offset));
  return out;
}

/** The inverse of packParts (arrays are copied out, so `bytes` may be reused). */
export function unpackParts<T extends MemberPart | CrossPart>(bytes: Uint8Array, label = 'recording part'): T {
  const fail = (why: string): never => {
    throw new Error(`${label} is not a packed recording part (${why}); record the experiment again`);
  };
  if (bytes.length < 4) fail('too short');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + headerLength > bytes.length) fail('header runs past the end');
  let header: { plain: Record<string, unknown>; index: Array<{ key: string; dtype: Dtype; length: number; offset: number }> };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)));
  } catch {
    return fail('unreadable header');
  }
  const start = Math.ceil((4 + headerLength) / 8) * 8;
  const out: Record<string, unknown> = { ...header.plain };
  delete out.sampleRows;
  delete out.imagesRows;
  for (const { key, dtype, length, offset } of header.index) {
    const Ctor = DTYPES[dtype];
    if (!Ctor) fail(`unknown dtype ${dtype}`);
    const byteLength = length * Ctor.BYTES_PER_ELEMENT;
    if (start + offset + byteLength > bytes.length) fail(`${key} runs past the end`);
    const copy = bytes.slice(start + offset, start + offset + byteLength);
    const a = new Ctor(copy.buffer, 0, length);
    out[key] = key === 'sample' || key === 'images' ? { data: a, rows: header.plain[`${key}Rows`] as number } : a;
  }
  return out as unknown as T;
}
