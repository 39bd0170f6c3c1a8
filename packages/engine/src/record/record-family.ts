/**
 * Record a family of networks on a probe set, streaming. For each recorded layer name, every network
 * that has the layer contributes its units side by side to ONE joint vector (network k's units are a
 * unit group), and one `MomentAccumulator` takes the joint rows batch by batch, so every within- and
 * between-network correlation comes from the same pass and no activations are held beyond a batch.
 *
 * Samples (methods.md): a dense unit has one sample per image; a conv unit (channel) one per (image, y,
 * x). Activations are the layer's output: post-activation, before pooling (pooling is its own layer).
 * Alongside: per unit the top-k images by spatial maximum (with its position), a seeded reservoir of
 * joint rows (paired across networks, for mutual information), and optional subsampled dumps.
 */
import * as tf from '@tensorflow/tfjs';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { mixSeed } from '../spec/build-model.ts';
import { type JointMoments, MomentAccumulator, type UnitGroup } from '../stats/moments.ts';
import { RowReservoir } from '../stats/row-sample.ts';
import { ImageMeans } from '../stats/image-means.ts';
import { type ImageSet, batchTensor, rangeIndices, ranges } from '../train/image-set.ts';
import { seededPermutation } from '../random/seeded-random.ts';
import type { TopImage } from './top-image.ts';

export interface RecordedNetwork {
  id: string;
  spec: ResolvedArchitecture;
  model: tf.LayersModel;
}

export interface RecordOptions {
  /** Layer names to record; a network without a layer simply does not take part in it. */
  layers: string[];
  /** Probe images per forward pass (default 100). */
  batchSize?: number;
  /** Top images kept per unit (default 9). */
  topK?: number;
  /** Rows kept per layer for mutual information (default 20000; 0 = none). */
  sampleRows?: number;
  /** Seed of the row sample and of dump positions. */
  seed?: number;
  /** Keep activations of these layers with at most `positions` spatial positions per image. */
  dump?: { layers: string[]; positions: number };
  /**
   * Keep one row per probe image for every layer (mutual kNN over images): a dense layer's activations, a conv
   * layer's channels averaged over all positions (global average pooling), joint over the networks like `sample`.
   */
  imageRows?: boolean;
  /**
   * Held-out split BY IMAGE (issue 11), for held-out FVU of sparse prediction: a seeded permutation of the probe
   * images puts the first round(fraction × images) in the held-out part, the rest in the fit part; every position
   * of an image goes with its image (positions of one image are strongly dependent, so splitting positions would
   * leak). Moments are accumulated per part and merged for the full recording, so the split costs no extra pass.
   * Skipped (no `heldOut` in the result) when either part would have fewer than 2 images.
   */
  heldOut?: { fraction: number; seed: number };
  /**
   * Shuffled-probe null (issue 11): for each listed network, one more member `<id>~shuffled` whose activations on
   * probe image i are the network's activations on another image π(i) of the same recording batch (a seeded
   * single-cycle permutation of the batch's images — every image moves — from (seed, batch start); whole images
   * move, positions stay). Pairing a network with another's shuffled member keeps every unit's distribution and
   * spatial structure but breaks the image correspondence. It reuses the batch's forward pass (no extra
   * inference); the permutation depends on `batchSize`. Shuffled members have no top images or dumps.
   */
  shuffled?: { networks: string[]; seed: number };
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface LayerMember {
  networkId: string;
  /** Columns of this network inside the joint vector. */
  group: UnitGroup;
  kind: 'conv' | 'dense';
  /** Output shape per image: [h, w, c] or [units]. */
  shape: number[];
  units: number;
  /** Per unit, best first. */
  top: TopImage[][];
  /** Subsampled activations, float32 [rows, units], when dumped. */
  dump?: { data: Float32Array; rows: number };
}

export interface LayerRecording {
  name: string;
  members: LayerMember[];
  moments: JointMoments;
  /** Seeded sample of joint rows (same rows for every network), row-major [rows, width]. */
  sample?: { data: Float32Array; rows: number };
  /** With `imageRows`: one joint row per probe image (conv: mean over positions), row-major [images, width]. */
  images?: { data: Float32Array; rows: number };
  /** Samples per unit: images × h × w. */
  samples: number;
  /**
   * With `heldOut`: joint correlations (width × width) of the fit images and of the held-out images, and the split
   * (which images: `heldOutMask(images + fitImages, fraction, seed)`).
   */
  heldOut?: HeldOutRecording;
}

export interface HeldOutRecording {
  fitCorr: Float64Array;
  heldCorr: Float64Array;
  images: number;
  fitImages: number;
  seed: number;
}

/** The held-out images of a probe set of `count` images: a mask (1 = held out), seeded, by image. */
export function heldOutMask(count: number, fraction: number, seed: number): Uint8Array | null {
  if (!(fraction > 0 && fraction < 1)) throw new Error(`held-out fraction must lie in (0, 1), got ${fraction}`);
  const held = Math.round(fraction * count);
  if (held < 2 || count - held < 2) return null;
  const order = seededPermutation(count, seed);
  const mask = new Uint8Array(count);
  for (let i = 0; i < held; i++) mask[order[i]!] = 1;
  return mask;
}

/** Member id of a network's shuffled-probe copy. */
export const SHUFFLED_SUFFIX = '~shuffled';

/** The shuffled-null permutation of a batch of n images: perm[i] = batch-relative image whose activations row i gets. */
export function shufflePermutation(n: number, seed: number, batchStart: number): Int32Array {
  const order = seededPermutation(n, mixSeed(seed, batchStart));
  const perm = new Int32Array(n);
  if (n === 1) return perm;
  // single cycle: order[k] takes the image order[k + 1]
  for (let k = 0; k < n; k++) perm[order[k]!] = order[(k + 1) % n]!;
  return perm;
}

/** Keeps the k largest (value, image, y, x) per unit, best first, ties to the earlier image. */
class TopTracker {
  readonly lists: TopImage[][];
  private readonly k: number;
  constructor(units: number, k: number) {
    this.k = k;
    this.lists = Array.from({ length: units }, () => []);
  }
  offer(unit: number, t: TopImage): void {
    const list = this.lists[unit]!;
    if (list.length === this.k && t.value <= list[list.length - 1]!.value) return;
    let i = list.length;
    while (i > 0 && list[i - 1]!.value < t.value) i--;
    list.splice(i, 0, t);
    if (list.length > this.k) list.pop();
  }
}

/** Stream the probe set through every network and accumulate each recorded layer jointly. */
export async function recordFamily(networks: RecordedNetwork[], probe: ImageSet, options: RecordOptions): Promise<LayerRecording[]> {
  const batchSize = options.batchSize ?? 100;
  const topK = options.topK ?? 9;
  const seed = options.seed ?? 0;
  const sampleRows = options.sampleRows ?? 20000;
  const dumpPositions = options.dump?.positions ?? 0;
  const dumpLayers = new Set(options.dump?.layers ?? []);
  for (const name of dumpLayers) {
    if (!options.layers.includes(name)) throw new Error(`dump layer "${name}" is not among the recorded layers (${options.layers.join(', ')})`);
  }

  const heldMask = options.heldOut ? heldOutMask(probe.count, options.heldOut.fraction, options.heldOut.seed) : null;
  // Which networks take part in which layer, and the activation model of each network.
  const perNet = networks.map((net) => {
    const names = options.layers.filter((l) => net.spec.layers.some((s) => s.name === l));
    const act = names.length > 0 ? tf.model({ inputs: net.model.inputs, outputs: names.map((n) => net.model.getLayer(n).output as tf.SymbolicTensor) }) : undefined;
    return { net, names, act };
  });
  const layers = options.layers.map((name) => {
    const members: Array<LayerMember & { tracker: TopTracker; dumpRows: Float32Array[]; shuffledOf?: string }> = [];
    let offset = 0;
    for (const { net, names, act } of perNet) {
      const k = names.indexOf(name);
      if (k < 0 || !act) continue;
      const out = act.outputs[k]!.shape.slice(1) as number[];
      const units = out[out.length - 1]!;
      const tracker = new TopTracker(units, topK);
      members.push({ networkId: net.id, group: { offset, count: units }, kind: out.length === 3 ? 'conv' : 'dense', shape: out, units, top: tracker.lists, tracker, dumpRows: [] });
      offset += units;
    }
    if (members.length === 0) throw new Error(`recorded layer "${name}" does not exist in any network (${networks.map((n) => n.spec.name).join(', ')})`);
    for (const id of options.shuffled?.networks ?? []) {
      const base = members.find((m) => m.networkId === id && !m.shuffledOf);
      if (!base) continue;
      members.push({ ...base, networkId: `${id}${SHUFFLED_SUFFIX}`, shuffledOf: id, group: { offset, count: base.units }, top: [], tracker: new TopTracker(base.units, 0), dumpRows: [] });
      offset += base.units;
    }
    const shapes = new Set(members.map((m) => m.shape.slice(0, -1).join('x')));
    if (shapes.size > 1) throw new Error(`layer "${name}" has different spatial sizes across architectures (${[...shapes].join(', ')}); record it separately per architecture`);
    const width = offset;
    const positions = members[0]!.kind === 'conv' ? members[0]!.shape[0]! * members[0]!.shape[1]! : 1;
    return {
      name,
      members,
      width,
      positions,
      acc: new MomentAccumulator(width, { groups: members.map((m) => m.group) }),
      heldAcc: heldMask ? new MomentAccumulator(width, { groups: members.map((m) => m.group) }) : undefined,
      reservoir: sampleRows > 0 ? new RowReservoir(width, sampleRows, mixSeed(seed, 0x5a3)) : undefined,
      imageRows: options.imageRows ? new ImageMeans(width, positions, probe.count) : undefined,
      // Dump positions: the same seeded subset for every image and network (paired rows).
      dumpAt: dumpLayers.has(name) ? Int32Array.from(seededPermutation(positions, mixSeed(seed, 0xd0)).subarray(0, Math.min(positions, dumpPositions))).sort() : undefined,
    };
  });

  let done = 0;
  for (const [s, e] of ranges(probe.count, batchSize)) {
    options.signal?.throwIfAborted();
    const idx = rangeIndices(s, e);
    const n = e - s;
    const x = batchTensor(probe, idx);
    // outputs[netIndex][k] for k over that network's recorded names
    const outputs = perNet.map(({ act }) => (act ? (act.predict(x) as tf.Tensor | tf.Tensor[]) : []));
    x.dispose();
    const outputOf = (net: number, name: string): tf.Tensor => {
      const o = outputs[net]!;
      const k = perNet[net]!.names.indexOf(name);
      return Array.isArray(o) ? o[k]! : o;
    };
    for (const layer of layers) {
      const parts = layer.members.map((m) => outputOf(networks.findIndex((nn) => nn.id === (m.shuffledOf ?? m.networkId)), layer.name));
      const perm = options.shuffled ? shufflePermutation(n, options.shuffled.seed, s) : undefined;
      // Joint rows: every network's units side by side, one row per (image, y, x).
      const joint = tf.tidy(() =>
        tf.concat(
          parts.map((t, i) => {
            const m = layer.members[i]!;
            const moved = m.shuffledOf && perm ? tf.gather(t, tf.tensor1d(perm, 'int32'), 0) : t;
            return moved.reshape([-1, m.units]);
          }),
          1,
        ),
      );
      const rows = joint.shape[0]!;
      // Every read is `await data()`: webgpu in Node cannot read synchronously (dataSync needs OffscreenCanvas).
      const data = (await joint.data()) as Float32Array;
      joint.dispose();
      if (layer.heldAcc && heldMask) {
        // rows are image-major: image im owns rows [im·P, (im+1)·P)
        const P = layer.positions;
        const W = layer.width;
        let heldImages = 0;
        for (let im = 0; im < n; im++) heldImages += heldMask[s + im]!;
        const fit = new Float32Array((n - heldImages) * P * W);
        const held = new Float32Array(heldImages * P * W);
        let fi = 0;
        let hi = 0;
        for (let im = 0; im < n; im++) {
          const src = data.subarray(im * P * W, (im + 1) * P * W);
          if (heldMask[s + im]) (held.set(src, hi), (hi += src.length));
          else (fit.set(src, fi), (fi += src.length));
        }
        if (n - heldImages > 0) layer.acc.update(fit, (n - heldImages) * P);
        if (heldImages > 0) layer.heldAcc.update(held, heldImages * P);
      } else layer.acc.update(data, rows);
      layer.reservoir?.update(data, rows);
      layer.imageRows?.update(data, rows);
      for (const [i, m] of layer.members.entries()) {
        if (m.shuffledOf) continue;
        const t = parts[i]!;
        const P = layer.positions;
        const [maxT, argT] = tf.tidy(() => {
          const r = t.reshape([n, P, m.units]);
          return [r.max(1), r.argMax(1)];
        });
        const [maxV, argV] = [(await maxT.data()) as Float32Array, (await argT.data()) as Int32Array];
        tf.dispose([maxT, argT]);
        const w = m.kind === 'conv' ? m.shape[1]! : 1;
        for (let im = 0; im < n; im++) {
          for (let u = 0; u < m.units; u++) {
            const pos = argV[im * m.units + u]!;
            m.tracker.offer(u, { imageIndex: s + im, y: Math.floor(pos / w), x: pos % w, value: maxV[im * m.units + u]! });
          }
        }
        if (layer.dumpAt) {
          const at = layer.dumpAt;
          const out = new Float32Array(n * at.length * m.units);
          for (let im = 0; im < n; im++) {
            for (let a = 0; a < at.length; a++) {
              const src = ((im * P + at[a]!) * layer.width) + m.group.offset;
              out.set(data.subarray(src, src + m.units), (im * at.length + a) * m.units);
            }
          }
          m.dumpRows.push(out);
        }
      }
    }
    for (const o of outputs) tf.dispose(o);
    done += n;
    options.onProgress?.(done, probe.count);
    await new Promise((r) => setImmediate(r));
  }

  return layers.map((l) => {
    const members: LayerMember[] = l.members.map(({ tracker: _t, dumpRows, shuffledOf: _s, ...m }) => {
      if (!l.dumpAt) return m;
      const rows = dumpRows.reduce((sum, d) => sum + d.length, 0) / m.units;
      const data = new Float32Array(rows * m.units);
      let off = 0;
      for (const d of dumpRows) {
        data.set(d, off);
        off += d.length;
      }
      return { ...m, dump: { data, rows } };
    });
    const sample = l.reservoir ? l.reservoir.sample() : undefined;
    // With a split, `acc` holds the fit images only: finalize the parts, then merge them into the full moments.
    let heldOut: HeldOutRecording | undefined;
    if (l.heldAcc && heldMask) {
      const heldImages = heldMask.reduce((a, b) => a + b, 0);
      heldOut = { fitCorr: l.acc.finalize().corr, heldCorr: l.heldAcc.finalize().corr, images: heldImages, fitImages: probe.count - heldImages, seed: options.heldOut!.seed };
      l.acc.merge(l.heldAcc);
    }
    return {
      name: l.name,
      members,
      ...(heldOut ? { heldOut } : {}),
      moments: l.acc.finalize(),
      ...(sample ? { sample: { data: sample.data, rows: sample.rows } } : {}),
      ...(l.imageRows ? { images: l.imageRows.rows() } : {}),
      samples: probe.count * l.positions,
    };
  });
}
