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

/** Preset names: `lenet` (= `lenet-x1`), `lenet-x0.5`, `lenet-x2`, `lenet-deep`. */
export const PRESET_NAMES = ['lenet', 'lenet-x0.5', 'lenet-x1', 'lenet-x2', 'lenet-deep'] as const;
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
    default:
      throw new Error(`unknown architecture preset "${name}"; use one of ${PRESET_NAMES.join(', ')} or an inline spec object`);
  }
  return validateArchitectureSpec(spec, { classes });
}
