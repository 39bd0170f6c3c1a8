import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { tinyArchitecture } from '../train/test-fixtures.ts';
import * as tf from '@tensorflow/tfjs';
import { validateArchitectureSpec } from './architecture-spec.ts';
import { buildModel, forwardMultiplyAdds, upperModel } from './build-model.ts';
import { presetArchitecture } from './presets.ts';

beforeAll(async () => {
  await selectBackend();
});

describe('forwardMultiplyAdds', () => {
  it('counts kernel size × output positions, by hand for two architectures', () => {
    // tiny: conv 3x3x1x4 'same' on 8x8 (64 positions), pool to 4x4x4, dense 64→6, dense 6→3.
    const tiny = buildModel(tinyArchitecture(), 1).model;
    expect(forwardMultiplyAdds(tiny)).toBe(9 * 4 * 64 + 64 * 6 + 6 * 3);
    // lenet on 28x28x1: conv 5x5x1x16 valid (24x24), pool 12x12, conv 5x5x16x32 valid (8x8), pool 4x4x32, dense 512→128, 128→10.
    const lenet = buildModel(presetArchitecture('lenet'), 1).model;
    expect(forwardMultiplyAdds(lenet)).toBe(25 * 16 * 576 + 25 * 16 * 32 * 64 + 512 * 128 + 128 * 10);
    const wide = buildModel(presetArchitecture('lenet-x2'), 1).model;
    expect(forwardMultiplyAdds(wide)).toBeGreaterThan(3 * forwardMultiplyAdds(lenet));
    for (const m of [tiny, lenet, wide]) m.dispose();
  });
});

describe('residual and MLP families', () => {
  it('builds rescnn (identity skips) and a projected block; the recorded stage outputs have the lenet shapes', () => {
    const res = buildModel(presetArchitecture('rescnn'), 3);
    expect(res.recorded).toEqual(['conv1', 'conv2', 'fc1']);
    expect(res.activationModel.outputs.map((o) => o.shape.slice(1))).toEqual([[24, 24, 16], [8, 8, 32], [128]]);
    expect(res.model.layers.some((l) => l.name === 'conv1-add')).toBe(true);
    expect(res.model.layers.some((l) => l.name.endsWith('-proj'))).toBe(false);
    const projected = validateArchitectureSpec({
      name: 'p',
      inputShape: [8, 8, 2],
      layers: [{ type: 'residual', name: 'r', record: true, layers: [{ type: 'conv', filters: 5, kernel: 3, stride: 2 }] }, { type: 'flatten' }, { type: 'dense', units: 3 }],
    });
    const built = buildModel(projected, 1);
    expect(built.model.getLayer('r-proj').outputShape).toEqual([null, 4, 4, 5]);
    expect(built.activationModel.outputs[0]!.shape).toEqual([null, 4, 4, 5]);
    // Same seed, same weights (branch and projection initializers are seeded too).
    const again = buildModel(projected, 1);
    built.model.getWeights().forEach((w, i) => expect(Array.from(w.dataSync())).toEqual(Array.from(again.model.getWeights()[i]!.dataSync())));
    for (const m of [res.model, built.model, again.model]) m.dispose();
  });

  it('upperModel: running a network above a layer on its own activations gives its own logits (lenet, rescnn, mlp)', () => {
    const x = tf.randomUniform([3, 28, 28, 1], 0, 1, 'float32', 7);
    for (const [preset, layer] of [['lenet', 'conv2'], ['rescnn', 'conv1'], ['rescnn', 'fc1'], ['mlp', 'fc0']] as const) {
      const arch = presetArchitecture(preset);
      const { model } = buildModel(arch, 5);
      const head = tf.model({ inputs: model.inputs, outputs: model.getLayer(layer).output as tf.SymbolicTensor });
      const upper = upperModel(arch, model, layer);
      const direct = model.predict(x) as tf.Tensor;
      const stitched = upper.predict(head.predict(x) as tf.Tensor) as tf.Tensor;
      const diff = tf.max(tf.abs(direct.sub(stitched))).dataSync()[0]!;
      expect(diff, `${preset} above ${layer}`).toBeLessThan(1e-5);
      model.dispose();
    }
    x.dispose();
    const arch = presetArchitecture('rescnn');
    const { model } = buildModel(arch, 1);
    expect(() => upperModel(arch, model, 'conv1-a')).toThrow(/"conv1-a" is not a top-level layer of architecture "rescnn"/);
    model.dispose();
  });
});
