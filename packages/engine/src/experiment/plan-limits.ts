/**
 * The limits (spec/limits.ts) that need the resolved plan: presets resolved for the data, the dataset's size and
 * the recorded layers. Checked where an experiment is planned (`convergent experiment run`, the pipeline's
 * EXPERIMENT job) before anything is trained; a spec over them fails with a SpecError naming the limit.
 */
import { layerOutputShapes, residualParameters, type ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { SpecError } from '../spec/json-checks.ts';
import { fmt, layerParameters, type SpecLimits } from '../spec/limits.ts';
import type { ResolvedExperimentSpec } from './experiment-spec.ts';

/** Parameters of a resolved architecture (what tfjs counts). */
export function architectureParameters(arch: ResolvedArchitecture): number {
  const shapes = layerOutputShapes(arch);
  let input: number[] = [...arch.inputShape];
  let total = 0;
  for (const l of arch.layers) {
    if (l.type === 'conv') total += layerParameters('conv', input, l.filters, l.kernel);
    else if (l.type === 'dense') total += layerParameters('dense', input, l.units);
    else if (l.type === 'batchnorm') total += layerParameters('batchnorm', input, 0);
    else if (l.type === 'residual') total += residualParameters(l, input);
    input = shapes.get(l.name) ?? input;
  }
  return total;
}

/** Trained networks per recorded layer (layers pair by name across architectures). */
function trainedPerLayer(spec: ResolvedExperimentSpec, archs: ResolvedArchitecture[], layers: string[]): Map<string, number> {
  const out = new Map<string, number>(layers.map((l) => [l, 0]));
  for (const arch of archs) {
    const seeds = (spec.seedsByArchitecture[arch.name] ?? spec.seeds).length;
    for (const l of arch.layers) if (out.has(l.name)) out.set(l.name, out.get(l.name)! + seeds);
  }
  return out;
}

/** Network pairs the experiment aligns, over all recorded layers: every two trained networks, plus each with its untrained twin. */
export function alignmentPairCount(spec: ResolvedExperimentSpec, archs: ResolvedArchitecture[], layers: string[]): number {
  let pairs = 0;
  for (const n of trainedPerLayer(spec, archs, layers).values()) pairs += (n * (n - 1)) / 2 + (spec.chance ? n : 0);
  return pairs;
}

/** Throws a SpecError for every plan-level limit the experiment exceeds. */
export function checkPlanLimits(spec: ResolvedExperimentSpec, archs: ResolvedArchitecture[], layers: string[], trainImages: number, limits: SpecLimits): void {
  const errors: string[] = [];
  archs.forEach((arch, i) => {
    const params = architectureParameters(arch);
    if (params > limits.maxParameters) errors.push(`architectures[${i}] (${arch.name}) has ${fmt(params)} parameters, over the limit of ${fmt(limits.maxParameters)} per network`);
    const shapes = layerOutputShapes(arch);
    for (const name of layers) {
      const shape = shapes.get(name);
      const width = shape?.[shape.length - 1] ?? 0;
      if (width > limits.maxUnitsPerLayer) errors.push(`record: layer ${name} of ${arch.name} has ${fmt(width)} units, over the limit of ${fmt(limits.maxUnitsPerLayer)} units per layer; record a narrower layer`);
    }
  });
  const images = Math.min(trainImages, spec.training.trainLimit ?? Infinity);
  const passes = spec.training.epochs * images;
  if (passes > limits.maxTrainingSamples) {
    errors.push(`training.epochs ${fmt(spec.training.epochs)} × ${fmt(images)} training images = ${fmt(passes)} image passes per network, over the limit of ${fmt(limits.maxTrainingSamples)}; train fewer epochs or set training.trainLimit`);
  }
  const pairs = alignmentPairCount(spec, archs, layers);
  if (pairs > limits.maxAlignmentPairs) {
    errors.push(`seeds: ${fmt(pairs)} network pairs to align over ${layers.length} recorded layer(s), over the limit of ${fmt(limits.maxAlignmentPairs)}; use fewer seeds or record fewer layers`);
  }
  if (errors.length) throw new SpecError('invalid experiment spec', errors);
}
