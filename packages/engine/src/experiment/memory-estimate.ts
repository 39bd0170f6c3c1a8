/**
 * Memory an experiment needs on this machine, estimated from its plan before anything is allocated, so that
 * `convergent experiment run` refuses up front ("needs about 25.3 GB, 13.0 GB available") instead of growing to
 * the machine's limit and failing with "Invalid typed array length".
 *
 * The estimate counts the large allocations, each a lower bound of what tfjs and the accumulators take:
 *  - training, per network trained at once: weights, gradients and optimizer slots (float32), and a batch's
 *    activations with their gradients (float32, x3 for tfjs's temporaries);
 *  - the dataset in memory (uint8 images);
 *  - recording: per recorded layer the joint moment accumulator over every network's units (float64 W² sums, and
 *    W² covariance and correlation results), plus one probe batch of activations.
 */
import { constants } from 'node:buffer';
import { layerOutputShapes, type ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { architectureParameters } from './plan-limits.ts';
import type { ResolvedExperimentSpec } from './experiment-spec.ts';
import { availableMemory, type MemoryEstimate, type MemoryPart } from '../backend/machine-memory.ts';

export { availableMemory, type MemoryEstimate, type MemoryPart };


const OPTIMIZER_SLOTS: Record<string, number> = { adam: 2, momentum: 1, sgd: 0 };

export interface EstimateInput {
  spec: ResolvedExperimentSpec;
  archs: ResolvedArchitecture[];
  /** The plan's networks (run-experiment's PlannedNetwork). */
  networks: Array<{ arch: ResolvedArchitecture; role: 'trained' | 'untrained' }>;
  layers: string[];
  /** Networks trained at once. */
  concurrency: number;
  imageShape: [number, number, number];
  /** Images held in memory (train + validation + probe), by this process and by each training worker. */
  images: number;
  trainImages: number;
  probeImages: number;
  /** Probe images per recording batch. */
  recordBatch: number;
}

export function estimateExperimentMemory(input: EstimateInput): MemoryEstimate {
  const { spec, archs, networks, layers } = input;
  const parts: MemoryPart[] = [];
  let largest = { what: '', elements: 0 };
  const consider = (what: string, elements: number) => {
    if (elements > largest.elements) largest = { what, elements };
  };

  // ---- training: the most expensive architectures, as many at once as train concurrently
  const slots = OPTIMIZER_SLOTS[spec.training.optimizer] ?? 2;
  const trainImages = input.trainImages;
  const perArch = archs.map((arch) => {
    const params = architectureParameters(arch);
    const shapes = layerOutputShapes(arch);
    let activations = 0;
    for (const s of shapes.values()) activations += s.reduce((a, b) => a * b, 1);
    let input: number[] = [...arch.inputShape];
    for (const l of arch.layers) {
      const out = shapes.get(l.name) ?? input;
      if (l.type === 'dense') consider(`${arch.name} ${l.name} weights`, (input[input.length - 1] ?? 0) * l.units);
      input = out;
    }
    const batch = Math.min(spec.training.batchSize, Math.max(1, trainImages));
    return { arch: arch.name, bytes: 4 * params * (2 + slots) + 4 * 3 * batch * activations };
  });
  const trained = networks.filter((n) => n.role === 'trained');
  const atOnce = Math.max(1, Math.min(input.concurrency, trained.length));
  const costly = trained.map((n) => perArch.find((a) => a.arch === n.arch.name)?.bytes ?? 0).sort((a, b) => b - a).slice(0, atOnce);
  parts.push({ what: `training ${atOnce} network${atOnce === 1 ? '' : 's'} at once`, bytes: costly.reduce((a, b) => a + b, 0) });

  // ---- data
  const [h, w, c] = input.imageShape;
  parts.push({ what: 'images in memory', bytes: input.images * h * w * c * (atOnce > 1 ? 1 + atOnce : 1) });

  // ---- recording: one joint accumulator per recorded layer over all networks that have it
  let recording = 0;
  for (const layer of layers) {
    let width = 0;
    let positions = 1;
    for (const n of networks) {
      const shape = layerOutputShapes(n.arch).get(layer);
      if (!shape) continue;
      // With chance, every trained network also has a shuffled-probe copy in the joint vector (record-family.ts).
      const copies = spec.chance && n.role === 'trained' ? 2 : 1;
      width += copies * (shape[shape.length - 1] ?? 0);
      if (shape.length === 3) positions = Math.max(positions, shape[0]! * shape[1]!);
    }
    // Held-out split (sparse): the fit and held-out parts' correlations are kept besides the full moments.
    const split = spec.methods.includes('sparse') ? 2 : 0;
    recording += 8 * (3 + split) * width * width + 4 * Math.min(input.recordBatch, input.probeImages) * positions * width;
    consider(`the joint correlation matrix of layer ${layer}`, width * width);
  }
  parts.push({ what: 'recording', bytes: recording });

  return { bytes: parts.reduce((a, p) => a + p.bytes, 0), parts, largestArray: largest };
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/** Throws when the estimate does not fit `available` bytes or a single array is over the typed-array limit. */
export function checkMemory(estimate: MemoryEstimate, available: number): void {
  if (estimate.largestArray.elements > constants.MAX_LENGTH) {
    throw new Error(
      `this experiment cannot run: ${estimate.largestArray.what} would have ${estimate.largestArray.elements.toLocaleString('en-US')} elements, over the ${constants.MAX_LENGTH.toLocaleString('en-US')} one array can hold; use fewer units or fewer networks`,
    );
  }
  if (estimate.bytes > available) {
    const detail = estimate.parts.filter((p) => p.bytes > 0).map((p) => `${p.what} ${gb(p.bytes)}`).join(', ');
    throw new Error(
      `this experiment needs about ${gb(estimate.bytes)} of memory (${detail}) but ${gb(available)} is available; use fewer or narrower layers, fewer networks at once (--concurrency 1), fewer seeds, or a larger machine`,
    );
  }
}
