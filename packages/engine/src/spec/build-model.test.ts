import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { tinyArchitecture } from '../train/test-fixtures.ts';
import { buildModel, forwardMultiplyAdds } from './build-model.ts';
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
