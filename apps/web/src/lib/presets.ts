/**
 * Starting points for the "new experiment" form. Plain JSON in the engine's experiment-spec format
 * (packages/engine/src/experiment/experiment-spec.ts); the API validates them with the engine.
 * "(the demo)" is the very file `npm start` queues (packages/engine/examples/demo.json), imported, not copied.
 */
import demo from '../../../../packages/engine/examples/demo.json';
import families from '../../../../packages/engine/examples/families.json';
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
  { id: 'demo', label: 'Seeds + a wider variant (the demo)', spec: demo as Record<string, unknown> },
  { id: 'families', label: 'Families: LeNet, residual CNN, MLP × 3 seeds (examples/families.json)', spec: families as Record<string, unknown> },
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
