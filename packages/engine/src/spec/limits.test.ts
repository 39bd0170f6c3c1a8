// Plausibility limits: every implausible spec of issue 15 is refused by the validator with the JSON path and the
// limit in its error, parameter counts agree with tfjs's, plan-level limits (data, pairs) and the memory estimate
// refuse before anything is trained or written.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateExperimentSpec } from '../experiment/experiment-spec.ts';
import { estimateExperimentMemory, checkMemory } from '../experiment/memory-estimate.ts';
import { alignmentPairCount, architectureParameters, checkPlanLimits } from '../experiment/plan-limits.ts';
import { runExperiment } from '../experiment/run-experiment.ts';
import { planNetworks, recordedLayers, resolveArchitectures } from '../experiment/plan-step.ts';
import { syntheticImages } from '../train/test-fixtures.ts';
import { validateArchitectureSpec } from './architecture-spec.ts';
import { buildModel, parameterCount } from './build-model.ts';
import { DEFAULT_SPEC_LIMITS, resolveSpecLimits } from './limits.ts';
import { presetArchitecture, PRESET_NAMES } from './presets.ts';

const arch = (units: number, extra: object = {}) => ({
  name: 'wide',
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv', name: 'conv1', filters: 8, kernel: 3, record: true },
    { type: 'flatten', name: 'flat' },
    { type: 'dense', name: 'fc1', units, record: true },
    { type: 'dense', name: 'out', units: 10 },
  ],
  ...extra,
});
const spec = (over: Record<string, unknown> = {}) => ({
  name: 'limits',
  dataset: 'fashion-mnist',
  split: { seed: 1, validation: 100, probe: 50 },
  architectures: [arch(64)],
  seeds: [1, 2],
  training: { epochs: 2, batchSize: 32, optimizer: 'adam', learningRate: 0.01 },
  ...over,
});

function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    return ((err as { errors?: string[] }).errors ?? [(err as Error).message]) as string[];
  }
  return [];
}

describe('spec limits', () => {
  it('refuses a 2 M-unit dense layer, naming the field and the limit', () => {
    const errors = errorsOf(() => validateExperimentSpec(spec({ architectures: [arch(2_000_000)] })));
    expect(errors).toContain('architectures[0].layers[2].units 2,000,000 exceeds the limit of 16,384 units per layer');
    expect(errorsOf(() => validateArchitectureSpec(arch(2_000_000)))).toContain('layers[2].units 2,000,000 exceeds the limit of 16,384 units per layer');
  });

  it('refuses 1e9 epochs, a 1e9 batch, 5,000 seeds and oversized probe sets with their limits', () => {
    const errors = errorsOf(() =>
      validateExperimentSpec(
        spec({
          training: { epochs: 1e9, batchSize: 1e9, optimizer: 'adam', learningRate: 0.01 },
          seeds: Array.from({ length: 5000 }, (_, i) => i),
          split: { seed: 1, validation: 1e6, probe: 50 },
        }),
      ),
    );
    expect(errors).toContain('training.epochs must be a positive integer ≤ 10000');
    expect(errors).toContain('training.batchSize must be a positive integer ≤ 8192');
    expect(errors).toContain('split.validation must be a positive integer ≤ 100000');
    expect(errors.find((e) => e.startsWith('seeds '))).toBe('seeds give 5,000 networks (architectures × seeds), over the limit of 1,000 per experiment; use fewer seeds or split the experiment');
    expect(errorsOf(() => validateExperimentSpec(spec({ training: { epochs: 5000, batchSize: 32, optimizer: 'adam', learningRate: 0.01, trainLimit: 50_000 } })))).toEqual([
      'training epochs × trainLimit = 250,000,000 image passes per network, over the limit of 100,000,000; train fewer epochs or on fewer images',
    ]);
  });

  it('counts parameters as tfjs does, and refuses networks over the parameter limit', () => {
    const inline = validateArchitectureSpec({
      name: 'mixed',
      inputShape: [12, 10, 3],
      layers: [
        { type: 'conv', filters: 5, kernel: 3, padding: 'valid' },
        { type: 'batchnorm' },
        { type: 'maxpool', size: 2 },
        { type: 'conv', filters: 7, kernel: 2, stride: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 9 },
        { type: 'dropout', rate: 0.5 },
        { type: 'dense', units: 4 },
      ],
    });
    for (const a of [inline, ...PRESET_NAMES.map((p) => presetArchitecture(p))]) {
      const { model } = buildModel(a, 1);
      expect(architectureParameters(a), a.name).toBe(parameterCount(model));
      model.dispose();
    }
    // conv1 3·3·1·8 + 8 = 80; fc1 (28·28·8 = 6272) · 16384 + 16384 = 102,776,832; out 16384 · 10 + 10 = 163,850
    const errors = errorsOf(() => validateArchitectureSpec(arch(16_384)));
    expect(errors).toEqual(['(spec) has 102,940,762 parameters, over the limit of 50,000,000 per network']);
  });

  it('refuses recording a layer wider than the unit limit', () => {
    const wideFlat = { ...arch(64), layers: [{ type: 'conv', name: 'conv1', filters: 64, kernel: 3 }, { type: 'flatten', name: 'flat', record: true }, { type: 'dense', name: 'out', units: 10 }] };
    expect(errorsOf(() => validateArchitectureSpec(wideFlat))).toContain('layers[1].record (flat) would record 50,176 units, over the limit of 16,384 units per layer; record a narrower layer');
  });

  it('lets a deployment raise the limits', () => {
    const raised = resolveSpecLimits({ maxNetworks: 10_000 });
    expect(() => validateExperimentSpec(spec({ seeds: Array.from({ length: 5000 }, (_, i) => i) }), raised)).not.toThrow();
    expect(() => resolveSpecLimits({ maxEpochs: 0 })).toThrow(/maxEpochs must be a positive number/);
  });

  it('checks the plan against the data: image passes and pairs to align', () => {
    const s = validateExperimentSpec(spec({ seeds: Array.from({ length: 300 }, (_, i) => i), training: { epochs: 3000, batchSize: 32, optimizer: 'adam', learningRate: 0.01 } }));
    const archs = resolveArchitectures(s, [28, 28, 1], 10);
    const layers = recordedLayers(s, archs);
    // 2 recorded layers × (300 · 299 / 2 between + 300 chance)
    expect(alignmentPairCount(s, archs, layers)).toBe(2 * (300 * 299 / 2 + 300));
    expect(errorsOf(() => checkPlanLimits(s, archs, layers, 50_000, DEFAULT_SPEC_LIMITS))).toEqual([
      'training.epochs 3,000 × 50,000 training images = 150,000,000 image passes per network, over the limit of 100,000,000; train fewer epochs or set training.trainLimit',
      'seeds: 90,300 network pairs to align over 2 recorded layer(s), over the limit of 20,000; use fewer seeds or record fewer layers',
    ]);
    expect(errorsOf(() => checkPlanLimits(s, archs, layers, 100, DEFAULT_SPEC_LIMITS))).toHaveLength(1);
  });

  it('estimates memory from the plan and refuses, up front, what this machine cannot hold', async () => {
    const s = validateExperimentSpec(spec({ architectures: [arch(4096)], seeds: [1, 2, 3, 4] }));
    const archs = resolveArchitectures(s, [28, 28, 1], 10);
    const networks = planNetworks(s, archs);
    const estimate = estimateExperimentMemory({ spec: s, archs, networks, layers: recordedLayers(s, archs), concurrency: 4, imageShape: [28, 28, 1], images: 70_000, trainImages: 60_000, probeImages: 50, recordBatch: 100 });
    // fc1: 5 networks × 4096 units recorded jointly: 20,480² float64 sums, covariance and correlation.
    expect(estimate.parts.find((p) => p.what === 'recording')!.bytes).toBeGreaterThan(3 * 8 * 20_480 ** 2);
    // Training: 4 networks × 4 bytes × (weights, gradients, two Adam slots) × 25.7 M parameters.
    expect(estimate.parts.find((p) => p.what.startsWith('training 4 networks'))!.bytes).toBeGreaterThan(4 * 16 * 25_000_000);
    expect(() => checkMemory(estimate, 2e9)).toThrow(/^this experiment needs about \d+\.\d GB of memory \(training 4 networks at once [\d.]+ GB, images in memory [\d.]+ GB, recording [\d.]+ GB\) but 2\.0 GB is available/);
    expect(() => checkMemory(estimate, 1e12)).not.toThrow();
    // The CLI's run refuses before writing anything.
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cv-limits-'));
    try {
      const data = { name: 'synthetic', train: syntheticImages(120, 1), validation: syntheticImages(30, 2), probe: syntheticImages(20, 3) };
      const a = arch(512);
      const small = { ...spec(), dataset: 'synthetic', split: { seed: 1, validation: 30, probe: 20 }, architectures: [{ ...a, inputShape: [8, 8, 1], layers: [...a.layers.slice(0, 3), { type: 'dense', name: 'out', units: 3 }] }] };
      await expect(runExperiment(small, { out: path.join(tmp, 'out'), data, concurrency: 1, availableMemory: 1e6 })).rejects.toThrow(/needs about .* but 0\.0 GB is available/);
      expect(await fs.readdir(tmp)).toEqual([]);
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });
});
