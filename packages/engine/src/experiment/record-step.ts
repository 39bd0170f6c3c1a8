/**
 * Step 3, record: the probe set through every network of a family at once, one joint moment accumulator per
 * recorded layer (record/record-family.ts), with the recording options a spec implies (the row sample for mutual
 * information, per-image rows for kNN, the held-out split for sparse prediction, the shuffled-probe null copies,
 * the dumps). From a layer's recording: each network's layer record (`layerRecordValues`: unit stats, top images,
 * within-correlation and dump as arrays, which runExperiment writes to files and the API's store keeps), and the
 * parts one pair's alignment needs (`memberParts`, `crossParts`: bytes a job queue can store between the RECORD and
 * ALIGN steps).
 *
 * Networks come in as loaded models: `loadNetwork` loads one from the bytes of its `model.json` and `weights.bin`.
 */
import { selectBackend } from '../backend/select-backend.ts';
import { type LayerRecording, type RecordedNetwork, SHUFFLED_SUFFIX, recordFamily } from '../record/record-family.ts';
import { crossPart, memberPart, packParts } from '../record/pair-recording.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { mixSeed, receptiveField } from '../spec/build-model.ts';
import type { ImageSet } from '../train/image-set.ts';
import { loadModelFromBytes } from '../train/weights-io.ts';
import type { ResolvedExperimentSpec } from './experiment-spec.ts';
import type { ArrayValue, NetworkLayerRecord, WithArrays } from './manifest.ts';
import type { PlannedNetwork } from './plan-step.ts';

/** Share of probe images held out for held-out FVU of sparse prediction (split by image, seeded; record-family.ts). */
export const HELD_OUT_FRACTION = 0.25;

/** The recording's held-out split for a spec: only when sparse prediction is among the methods. */
export function heldOutOption(spec: Pick<ResolvedExperimentSpec, 'methods' | 'split'>): { heldOut?: { fraction: number; seed: number } } {
  return spec.methods.includes('sparse') ? { heldOut: { fraction: HELD_OUT_FRACTION, seed: mixSeed(spec.split.seed, 0x4e1d) } } : {};
}

/** The recording's shuffled-null option: a shuffled copy of every trained network, when the spec asks for chance. */
export function shuffledOption(spec: Pick<ResolvedExperimentSpec, 'chance' | 'split'>, nets: Array<Pick<PlannedNetwork, 'id' | 'role'>>): { shuffled?: { networks: string[]; seed: number } } {
  return spec.chance ? { shuffled: { networks: nets.filter((n) => n.role === 'trained').map((n) => n.id), seed: mixSeed(spec.split.seed, 0x5b0f) } } : {};
}

export interface RecordStepInput {
  /** The networks, loaded, in recording order (a layer's members follow it). */
  models: RecordedNetwork[];
  probe: ImageSet;
  spec: ResolvedExperimentSpec;
  layers: string[];
  /**
   * The plan's networks, for the shuffled-probe null (a shuffled copy of each trained one, when the spec asks for
   * chance); absent: no shuffled copies.
   */
  shuffledOf?: Array<Pick<PlannedNetwork, 'id' | 'role'>>;
  /** Keep the activations the spec's `dump` names. */
  dump?: boolean;
  /** Probe images per forward pass (default 100). */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Record a family (see the file comment): one LayerRecording per recorded layer, in `layers` order. */
export async function recordStep(input: RecordStepInput): Promise<LayerRecording[]> {
  const { spec } = input;
  await selectBackend();
  return recordFamily(input.models, input.probe, {
    layers: input.layers,
    batchSize: input.batchSize ?? 100,
    sampleRows: spec.methods.includes('mi') ? spec.mi.samples : 0,
    imageRows: spec.methods.includes('knn'),
    seed: spec.split.seed,
    ...heldOutOption(spec),
    ...(input.shuffledOf ? shuffledOption(spec, input.shuffledOf) : {}),
    ...(input.dump && spec.dump ? { dump: spec.dump } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
}

/** A network ready for `recordStep`, from the bytes of its saved `model.json` and `weights.bin`. The caller disposes it. */
export async function loadNetwork(network: { id: string; spec: ResolvedArchitecture; modelJson: Uint8Array; weightsBin: Uint8Array }): Promise<RecordedNetwork> {
  await selectBackend();
  return { id: network.id, spec: network.spec, model: await loadModelFromBytes(network.modelJson, network.weightsBin, `network ${network.id}`) };
}

/** One network's record of a recorded layer, its arrays (within-correlation, the optional dump) as values. */
export type NetworkLayerValues = WithArrays<NetworkLayerRecord>;

/**
 * Each network's record of one recorded layer (unit stats, top images, float32 within-correlation [units, units],
 * and the dump [rows, units] when recorded), in member order; the shuffled-probe copies have none.
 */
export function layerRecordValues(rec: LayerRecording, netById: Map<string, Pick<PlannedNetwork, 'arch'>>): Array<{ network: string; layer: NetworkLayerValues }> {
  const m = rec.moments;
  const out: Array<{ network: string; layer: NetworkLayerValues }> = [];
  for (const mem of rec.members) {
    if (mem.networkId.endsWith(SHUFFLED_SUFFIX)) continue;
    const { offset, count } = mem.group;
    const within = new Float32Array(count * count);
    for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) within[i * count + j] = m.corr[(offset + i) * m.width + offset + j]!;
    const activations: ArrayValue | undefined = mem.dump ? { data: mem.dump.data, shape: [mem.dump.rows, count], dtype: 'float32' } : undefined;
    let dead = 0;
    const unitStats = Array.from({ length: count }, (_, u) => {
      const isDead = m.dead[offset + u] === 1;
      if (isDead) dead++;
      return { index: u, mean: m.mean[offset + u]!, std: m.std[offset + u]!, dead: isDead, top: mem.top[u]! };
    });
    out.push({
      network: mem.networkId,
      layer: {
        name: rec.name,
        kind: mem.kind,
        shape: mem.shape,
        units: count,
        samples: rec.samples,
        receptiveField: receptiveField(netById.get(mem.networkId)!.arch, rec.name),
        deadCount: dead,
        unitStats,
        within: { data: within, shape: [count, count], dtype: 'float32' },
        ...(activations ? { activations } : {}),
      },
    });
  }
  return out;
}

/** Each member's part of a layer's recording (shuffled copies included), packed: what one side of a pair needs. */
export function memberParts(rec: LayerRecording): Array<{ network: string; bytes: Uint8Array }> {
  return rec.members.map((m, i) => ({ network: m.networkId, bytes: packParts(memberPart(rec, i)) }));
}

/**
 * The cross parts one aligned pair needs, packed: A × B, then (a between pair with a shuffled-probe null) A × B's
 * shuffled copy. With the members' parts, `pairRecordingFromParts` (align-step.ts) rebuilds the pair's recording.
 */
export function crossParts(rec: LayerRecording, pair: { a: string; b: string; shuffled?: string; members: { a: number; b: number; shuffled?: number } }): Array<{ a: string; b: string; bytes: Uint8Array }> {
  const out = [{ a: pair.a, b: pair.b, bytes: packParts(crossPart(rec, pair.members.a, pair.members.b)) }];
  if (pair.shuffled !== undefined && pair.members.shuffled !== undefined) out.push({ a: pair.a, b: pair.shuffled, bytes: packParts(crossPart(rec, pair.members.a, pair.members.shuffled)) });
  return out;
}
