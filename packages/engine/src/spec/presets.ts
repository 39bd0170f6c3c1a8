/**
 * Built-in architectures: a LeNet-like small net (conv1 5x5x16 valid → maxpool 2 → conv2 5x5x32 valid →
 * maxpool 2 → fc1 128 → out), its width variants (×0.5, ×1, ×2) and a deeper variant (an extra 3x3
 * conv2b). Layer names are shared (conv1, conv2, fc1) so layers pair by name across architectures.
 * Valid convolutions (as in LeNet-5) keep one Fashion-MNIST epoch cheap on a CPU.
 */
import type { ArchitectureSpec, LayerSpec, ResolvedArchitecture } from './architecture-spec.ts';
import { validateArchitectureSpec } from './architecture-spec.ts';

function lenet(name: string, width: number, deeper: boolean, inputShape: [number, number, number], classes: number): ArchitectureSpec {
  const w = (n: number) => Math.max(1, Math.round(n * width));
  const layers: LayerSpec[] = [
    { type: 'conv', name: 'conv1', filters: w(16), kernel: 5, padding: 'valid', activation: 'relu', record: true },
    { type: 'maxpool', name: 'pool1', size: 2 },
    { type: 'conv', name: 'conv2', filters: w(32), kernel: 5, padding: 'valid', activation: 'relu', record: true },
  ];
  if (deeper) layers.push({ type: 'conv', name: 'conv2b', filters: w(32), kernel: 3, padding: 'same', activation: 'relu', record: true });
  layers.push(
    { type: 'maxpool', name: 'pool2', size: 2 },
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'fc1', units: w(128), activation: 'relu', record: true },
    { type: 'dense', name: 'out', units: classes, activation: 'linear' },
  );
  return { name, inputShape, layers };
}

/**
 * A residual CNN whose stage outputs have the LeNet presets' names and shapes, so conv1, conv2 and fc1 pair by name
 * with `lenet`: conv1a 5x5 valid → residual block `conv1` (two 3x3 same convs + identity skip, relu after the add) →
 * pool1 → conv2a 5x5 valid → residual block `conv2` → pool2 → fc1 → out.
 */
function rescnn(name: string, width: number, inputShape: [number, number, number], classes: number): ArchitectureSpec {
  const w = (n: number) => Math.max(1, Math.round(n * width));
  const block = (blockName: string, filters: number): LayerSpec => ({
    type: 'residual',
    name: blockName,
    record: true,
    layers: [
      { type: 'conv', name: 'a', filters, kernel: 3, padding: 'same', activation: 'relu' },
      { type: 'conv', name: 'b', filters, kernel: 3, padding: 'same', activation: 'linear' },
    ],
  });
  return {
    name,
    inputShape,
    layers: [
      { type: 'conv', name: 'conv1a', filters: w(16), kernel: 5, padding: 'valid', activation: 'relu' },
      block('conv1', w(16)),
      { type: 'maxpool', name: 'pool1', size: 2 },
      { type: 'conv', name: 'conv2a', filters: w(32), kernel: 5, padding: 'valid', activation: 'relu' },
      block('conv2', w(32)),
      { type: 'maxpool', name: 'pool2', size: 2 },
      { type: 'flatten', name: 'flatten' },
      { type: 'dense', name: 'fc1', units: w(128), activation: 'relu', record: true },
      { type: 'dense', name: 'out', units: classes, activation: 'linear' },
    ],
  };
}

/** A multi-layer perceptron: flatten → fc0 (256) → fc1 (128, pairs by name with the CNNs' fc1) → out. */
function mlp(name: string, width: number, inputShape: [number, number, number], classes: number): ArchitectureSpec {
  const w = (n: number) => Math.max(1, Math.round(n * width));
  return {
    name,
    inputShape,
    layers: [
      { type: 'flatten', name: 'flatten' },
      { type: 'dense', name: 'fc0', units: w(256), activation: 'relu', record: true },
      { type: 'dense', name: 'fc1', units: w(128), activation: 'relu', record: true },
      { type: 'dense', name: 'out', units: classes, activation: 'linear' },
    ],
  };
}

/**
 * Preset names: `lenet` (= `lenet-x1`), `lenet-x0.5`, `lenet-x2`, `lenet-deep`; the residual CNN `rescnn` (and
 * `rescnn-x2`); the MLP `mlp` (and `mlp-x2`). All share the layer name fc1 (CNNs also conv1, conv2) with the same
 * shapes at width ×1, so an experiment can compare the three families layer by layer.
 */
export const PRESET_NAMES = ['lenet', 'lenet-x0.5', 'lenet-x1', 'lenet-x2', 'lenet-deep', 'rescnn', 'rescnn-x2', 'mlp', 'mlp-x2'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Build a preset for a dataset's image shape and class count (default 28x28x1, 10 classes). */
export function presetArchitecture(name: string, options: { inputShape?: [number, number, number]; classes?: number } = {}): ResolvedArchitecture {
  const inputShape = options.inputShape ?? [28, 28, 1];
  const classes = options.classes ?? 10;
  let spec: ArchitectureSpec;
  switch (name) {
    case 'lenet':
    case 'lenet-x1':
      spec = lenet(name, 1, false, inputShape, classes);
      break;
    case 'lenet-x0.5':
      spec = lenet(name, 0.5, false, inputShape, classes);
      break;
    case 'lenet-x2':
      spec = lenet(name, 2, false, inputShape, classes);
      break;
    case 'lenet-deep':
      spec = lenet(name, 1, true, inputShape, classes);
      break;
    case 'rescnn':
      spec = rescnn(name, 1, inputShape, classes);
      break;
    case 'rescnn-x2':
      spec = rescnn(name, 2, inputShape, classes);
      break;
    case 'mlp':
      spec = mlp(name, 1, inputShape, classes);
      break;
    case 'mlp-x2':
      spec = mlp(name, 2, inputShape, classes);
      break;
    default:
      throw new Error(`unknown architecture preset "${name}"; use one of ${PRESET_NAMES.join(', ')} or an inline spec object`);
  }
  return validateArchitectureSpec(spec, { classes });
}
