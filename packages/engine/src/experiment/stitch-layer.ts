/**
 * Stitching at one recorded layer of an experiment (stitch/): every ordered pair of trained networks that have the
 * layer (a → b: b's upper layers on a map from a's activations), and as chance the untrained twin of a's
 * architecture → b with maps fitted the same way. Maps come from the layer's probe-set statistics; accuracy is on
 * held-out validation images.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LayerRecording } from '../record/record-family.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { pairStatistics } from '../stats/moments.ts';
import { stitchMaps } from '../stitch/stitch-maps.ts';
import { stitchPair } from '../stitch/stitch-pair.ts';
import type { ImageSet } from '../train/image-set.ts';
import type { StitchPairRecord } from './manifest.ts';

export interface StitchLayerOptions {
  penalty: number;
  images: number;
  signal?: AbortSignal;
  onPair?: (done: number, total: number) => void;
}

export async function layerStitching(
  rec: LayerRecording,
  networks: Map<string, { spec: ResolvedArchitecture; model: tf.LayersModel; role: 'trained' | 'untrained' }>,
  heldOut: ImageSet,
  options: StitchLayerOptions,
): Promise<{ images: number; majorityRate: number; pairs: StitchPairRecord[] }> {
  const net = (i: number) => networks.get(rec.members[i]!.networkId)!;
  const trained = rec.members.map((_, i) => i).filter((i) => net(i).role === 'trained');
  const untrained = rec.members.map((_, i) => i).filter((i) => net(i).role === 'untrained');
  const jobs: Array<{ a: number; b: number; kind: 'between' | 'chance' }> = [];
  for (const b of trained) for (const a of trained) if (a !== b) jobs.push({ a, b, kind: 'between' });
  for (const b of trained) {
    const archs = [...new Set(trained.filter((a) => a !== b).map((a) => net(a).spec.name))];
    for (const arch of archs) {
      const twin = untrained.find((u) => net(u).spec.name === arch);
      if (twin !== undefined) jobs.push({ a: twin, b, kind: 'chance' });
    }
  }
  const pairs: StitchPairRecord[] = [];
  const own = new Map<number, number>();
  let images = Math.min(options.images, heldOut.count);
  let majorityRate = 0;
  for (const [k, job] of jobs.entries()) {
    options.signal?.throwIfAborted();
    const A = rec.members[job.a]!;
    const B = rec.members[job.b]!;
    const maps = stitchMaps(pairStatistics(rec.moments, A.group, B.group), { penalty: options.penalty });
    const known = own.get(job.b);
    const r = await stitchPair(net(job.a), net(job.b), rec.name, maps, heldOut, {
      count: options.images,
      ...(known !== undefined ? { ownAccuracy: known } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    own.set(job.b, r.ownAccuracy);
    images = r.images;
    majorityRate = r.majorityRate;
    pairs.push({ a: A.networkId, b: B.networkId, kind: job.kind, ownAccuracy: r.ownAccuracy, maps: r.maps });
    options.onPair?.(k + 1, jobs.length);
  }
  return { images, majorityRate, pairs };
}
