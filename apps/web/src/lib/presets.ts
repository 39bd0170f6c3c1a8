/**
 * Starting points for the "new experiment" form. Plain JSON in the engine's experiment-spec format
 * (packages/engine/src/experiment/experiment-spec.ts); the API validates them with the engine.
 */
export interface SpecPreset {
  id: string;
  label: string;
  spec: Record<string, unknown>;
}

const training = { epochs: 2, batchSize: 64, optimizer: 'adam', learningRate: 0.001 };
const split = { seed: 1, validation: 1000, probe: 500 };

export const SPEC_PRESETS: SpecPreset[] = [
  {
    id: 'seeds',
    label: 'Across seeds: LeNet × 4 seeds',
    spec: { name: 'lenet-seeds', dataset: 'fashion-mnist', split, architectures: ['lenet'], seeds: [1, 2, 3, 4], training },
  },
  {
    id: 'demo',
    label: 'Seeds + a wider variant (the demo)',
    spec: {
      name: 'seeds-and-width',
      dataset: 'fashion-mnist',
      split,
      architectures: ['lenet', 'lenet-x2'],
      seeds: [1, 2, 3, 4],
      training,
    },
  },
  {
    id: 'widths',
    label: 'Width sweep: ×0.5, ×1, ×2 (2 seeds)',
    spec: {
      name: 'width-sweep',
      dataset: 'mnist',
      split,
      architectures: ['lenet-x0.5', 'lenet', 'lenet-x2'],
      seeds: [1, 2],
      training,
      methods: ['semi', 'max', 'cka'],
    },
  },
];
