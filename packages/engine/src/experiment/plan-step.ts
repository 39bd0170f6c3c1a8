/**
 * Step 1, plan: from a validated experiment spec and its data, the architectures (resolved for the data's images and
 * classes), the recorded layers and every network (architectures × seeds, plus the untrained chance twins), with
 * every check that needs the data made before anything is trained: the plan's limits, optionally whether it fits
 * this machine's memory, and whether the spec's methods can run on these networks. `trainingCosts` estimates each
 * network's training cost, so a job queue starts the most expensive first.
 *
 * Called by `runExperiment` and by the API's EXPERIMENT (plan) job, through the public `steps.ts` entry.
 */
import { selectBackend } from '../backend/select-backend.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import { validateArchitectureSpec } from '../spec/architecture-spec.ts';
import { buildModel, forwardMultiplyAdds, mixSeed } from '../spec/build-model.ts';
import { SpecError } from '../spec/json-checks.ts';
import { DEFAULT_SPEC_LIMITS, type SpecLimits } from '../spec/limits.ts';
import { presetArchitecture } from '../spec/presets.ts';
import type { ExperimentData } from './experiment-data.ts';
import type { ResolvedExperimentSpec } from './experiment-spec.ts';
import { checkMemory, estimateExperimentMemory } from './memory-estimate.ts';
import { checkMethods } from './method-checks.ts';
import { checkPlanLimits } from './plan-limits.ts';

export const UNTRAINED = 'untrained';

/** One network of an experiment's plan: trained from `seed`, or the untrained chance twin of its architecture. */
export interface PlannedNetwork {
  id: string;
  arch: ResolvedArchitecture;
  seed: number;
  role: 'trained' | 'untrained';
}

/** The plan step's output. */
export interface ExperimentPlan {
  spec: ResolvedExperimentSpec;
  archs: ResolvedArchitecture[];
  /** Recorded layers, in recording order. */
  layers: string[];
  /** Trained networks first (architectures × seeds), then the untrained twins (planNetworks). */
  networks: PlannedNetwork[];
}

export interface PlanOptions {
  /** Plausibility limits (default DEFAULT_SPEC_LIMITS). */
  limits?: SpecLimits;
  /** Check the plan's memory estimate against `available` bytes, for a run training `concurrency` networks at once. */
  memory?: { concurrency: number; recordBatch: number; available: number };
}

/**
 * Plan an experiment (see the file comment). Throws SpecError naming the spec path for every problem the data
 * reveals (an inline architecture that does not fit the images, an unknown recorded layer, a limit, a method that
 * cannot run); nothing is trained or allocated before these checks.
 */
export function planExperiment(spec: ResolvedExperimentSpec, data: Pick<ExperimentData, 'train' | 'validation' | 'probe'>, options: PlanOptions = {}): ExperimentPlan {
  const limits = options.limits ?? DEFAULT_SPEC_LIMITS;
  const archs = resolveArchitectures(spec, data.train.shape, data.train.classes, limits);
  const layers = recordedLayers(spec, archs);
  const networks = planNetworks(spec, archs);
  // Before anything is trained or allocated: the plan's limits, then whether it fits this machine.
  checkPlanLimits(spec, archs, layers, data.train.count, limits);
  if (options.memory) {
    checkMemory(
      estimateExperimentMemory({
        spec,
        archs,
        networks,
        layers,
        concurrency: options.memory.concurrency,
        imageShape: data.train.shape,
        images: data.train.count + data.validation.count + data.probe.count,
        trainImages: Math.min(data.train.count, spec.training.trainLimit ?? Infinity),
        probeImages: data.probe.count,
        recordBatch: options.memory.recordBatch,
      }),
      options.memory.available,
    );
  }
  // Methods that cannot run on these networks and data (CCA with fewer samples than 2 (p + q), kNN with k ≥ probe
  // images, stitching an unrecorded layer) fail here, naming the numbers and the fix.
  checkMethods(spec, networks, layers, data.probe.count);
  return { spec, archs, layers, networks };
}

/**
 * Training cost per network: forward multiply-adds per sample × training samples × epochs (0 for an untrained
 * twin). Builds one model per architecture on the selected tfjs backend.
 */
export async function trainingCosts(plan: ExperimentPlan, trainImages: number): Promise<Record<string, number>> {
  await selectBackend();
  const perSample = new Map<string, number>();
  for (const arch of plan.archs) {
    const { model } = buildModel(arch, 0);
    perSample.set(arch.name, forwardMultiplyAdds(model));
    model.dispose();
  }
  const samples = Math.min(trainImages, plan.spec.training.trainLimit ?? Infinity);
  return Object.fromEntries(plan.networks.map((n) => [n.id, n.role === 'untrained' ? 0 : perSample.get(n.arch.name)! * samples * plan.spec.training.epochs]));
}

/** Turn spec architectures (preset names or inline specs) into validated specs for this data. */
export function resolveArchitectures(spec: ResolvedExperimentSpec, inputShape: [number, number, number], classes: number, limits?: SpecLimits): ResolvedArchitecture[] {
  return spec.architectures.map((a, i) => {
    if (typeof a === 'string') return presetArchitecture(a, { inputShape, classes });
    const arch = validateArchitectureSpec(a, { classes, path: `architectures[${i}]`, ...(limits ? { limits } : {}) });
    const [h, w, c] = arch.inputShape;
    if (h !== inputShape[0] || w !== inputShape[1] || c !== inputShape[2]) {
      throw new SpecError('invalid experiment spec', [`architectures[${i}].inputShape [${arch.inputShape.join(', ')}] does not match the dataset's images [${inputShape.join(', ')}]`]);
    }
    return arch;
  });
}

/**
 * Layers to record: the spec's list (each must exist somewhere) or every layer marked `record`; every layer the
 * spec asks to dump must be among them.
 */
export function recordedLayers(spec: ResolvedExperimentSpec, archs: ResolvedArchitecture[]): string[] {
  const layers = layersToRecord(spec, archs);
  for (const [i, name] of (spec.dump?.layers ?? []).entries()) {
    if (!layers.includes(name)) throw new SpecError('invalid experiment spec', [`dump.layers[${i}] "${name}" is not a recorded layer (${layers.join(', ')})`]);
  }
  return layers;
}

function layersToRecord(spec: ResolvedExperimentSpec, archs: ResolvedArchitecture[]): string[] {
  const all = new Set(archs.flatMap((a) => a.layers.map((l) => l.name)));
  if (spec.record) {
    const bad = spec.record.map((name, i) => [name, i] as const).filter(([name]) => !all.has(name));
    if (bad.length > 0) {
      throw new SpecError(
        'invalid experiment spec',
        bad.map(([name, i]) => `record[${i}] "${name}" is not a layer of any architecture (layers: ${[...all].join(', ')})`),
      );
    }
    return [...spec.record];
  }
  const names: string[] = [];
  for (const a of archs) for (const l of a.layers) if (l.record && !names.includes(l.name)) names.push(l.name);
  if (names.length === 0) throw new SpecError('invalid experiment spec', ['no layer is recorded: mark layers with "record": true or list them in "record"']);
  return names;
}

/**
 * Every network of an experiment: architectures × seeds, then, when `chance`, as many untrained twins of each
 * architecture as it has trained seeds: `<arch>-untrained` (the first), `<arch>-untrained-<k>` (k = 2, 3, …).
 * Matched chance (issue 11): the trained pair (seed i of A, seed j of B) is held against the twin pair (twin i of A,
 * twin j of B), so every trained pair has a chance pair of the same two architectures, a same-architecture pair
 * two different twins, and the chance figures have the same pair design (and network dependence) as the trained
 * ones. Consensus uses the same twin family.
 */
export function planNetworks(spec: ResolvedExperimentSpec, archs: ResolvedArchitecture[]): PlannedNetwork[] {
  const nets: PlannedNetwork[] = [];
  for (const arch of archs) for (const seed of spec.seedsByArchitecture[arch.name] ?? spec.seeds) nets.push({ id: `${safeId(arch.name)}-s${seed}`, arch, seed, role: 'trained' });
  if (spec.chance) archs.forEach((arch, i) => nets.push({ id: `${safeId(arch.name)}-${UNTRAINED}`, arch, seed: mixSeed(0xc4a2ce, i), role: 'untrained' }));
  if (spec.chance) {
    archs.forEach((arch, i) => {
      const count = (spec.seedsByArchitecture[arch.name] ?? spec.seeds).length;
      for (let k = 2; k <= count; k++) nets.push({ id: `${safeId(arch.name)}-${UNTRAINED}-${k}`, arch, seed: mixSeed(0xc4a2ce, i, k), role: 'untrained' });
    });
  }
  return nets;
}

export function safeId(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}
