import { describe, expect, it } from 'vitest';
import { validateArchitectureSpec, layerOutputShapes } from './architecture-spec.ts';
import { SpecError } from './json-checks.ts';
import { PRESET_NAMES, presetArchitecture } from './presets.ts';

const base = () => ({
  name: 'n',
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv', name: 'conv1', filters: 8, kernel: 5, record: true },
    { type: 'maxpool', name: 'pool1', size: 2 },
    { type: 'flatten' },
    { type: 'dense', name: 'out', units: 10 },
  ] as Array<Record<string, unknown>>,
});

function errorsOf(spec: unknown, classes?: number): string[] {
  try {
    validateArchitectureSpec(spec, classes === undefined ? {} : { classes });
  } catch (err) {
    expect(err).toBeInstanceOf(SpecError);
    return (err as SpecError).errors;
  }
  return [];
}

describe('validateArchitectureSpec', () => {
  it('fills defaults and names unnamed layers', () => {
    const r = validateArchitectureSpec(base());
    expect(r.layers[0]).toMatchObject({ padding: 'same', stride: 1, activation: 'relu', record: true });
    expect(r.layers[1]).toMatchObject({ stride: 2, padding: 'valid', record: false });
    expect(r.layers[2]!.name).toBe('flatten2');
    expect(r.layers[3]).toMatchObject({ activation: 'linear' });
    expect(layerOutputShapes(r).get('pool1')).toEqual([14, 14, 8]);
  });

  it('names the JSON path of each error', () => {
    const s = base();
    s.layers[0]!.filters = -3;
    s.layers[1]!.type = 'maxpooling';
    s.layers[3]!.name = 'conv1';
    expect(errorsOf(s)).toEqual([
      'layers[0].filters must be a positive integer',
      'layers[1].type must be one of conv, maxpool, avgpool, dense, flatten, dropout, batchnorm, relu, residual (got "maxpooling")',
      'layers[3].name duplicates layers[0].name "conv1"; layer names must be unique',
    ]);
  });

  it('catches unknown fields, dense without flatten, a bad output width and oversized windows', () => {
    const s = base();
    s.layers[0]!.kernal = 3;
    expect(errorsOf(s)[0]).toMatch(/^layers\[0\]\.kernal is not a known field/);
    const t = base();
    t.layers.splice(2, 1);
    expect(errorsOf(t)).toEqual(['layers[2] (dense out) needs a flatten layer before it']);
    expect(errorsOf(base(), 5)).toEqual(["layers[3].units must equal the dataset's 5 classes"]);
    const u = base();
    u.layers[0]!.padding = 'valid';
    u.layers[0]!.kernel = 40;
    expect(errorsOf(u)).toEqual(['layers[0] (conv1) window 40 is larger than its 28x28 input']);
    expect(errorsOf({ name: 'x', inputShape: [28, 28], layers: [] })).toEqual(['inputShape must be [height, width, channels]', 'layers must not be empty']);
  });

  it('builds every preset, sharing layer names (and shapes) across variants and families', () => {
    const lenetShapes = layerOutputShapes(presetArchitecture('lenet'));
    for (const name of PRESET_NAMES) {
      const arch = presetArchitecture(name);
      const recorded = arch.layers.filter((l) => l.record).map((l) => l.name);
      expect(recorded).toEqual(expect.arrayContaining(name.startsWith('mlp') ? ['fc1'] : ['conv1', 'conv2', 'fc1']));
      if (name === 'rescnn' || name === 'mlp') {
        const shapes = layerOutputShapes(arch);
        for (const l of recorded.filter((r) => lenetShapes.has(r))) expect(shapes.get(l), `${name} ${l}`).toEqual(lenetShapes.get(l));
      }
    }
    expect(presetArchitecture('rescnn').layers.find((l) => l.name === 'conv2')).toMatchObject({ type: 'residual' });
    const x2 = presetArchitecture('lenet-x2').layers.find((l) => l.name === 'conv1');
    expect(x2).toMatchObject({ filters: 32 });
    expect(() => presetArchitecture('resnet')).toThrow(/unknown architecture preset "resnet"/);
  });

  it('residual blocks: branch names are prefixed, projections where the branch changes channels or stride, errors name the path', () => {
    const spec = (branch: unknown[], extra: Record<string, unknown> = {}) => ({
      name: 'r',
      inputShape: [8, 8, 4],
      layers: [{ type: 'residual', name: 'res', record: true, layers: branch, ...extra }, { type: 'flatten' }, { type: 'dense', units: 3 }],
    });
    const ok = validateArchitectureSpec(spec([{ type: 'conv', filters: 4, kernel: 3 }, { type: 'batchnorm' }]));
    const block = ok.layers[0]!;
    expect(block.type === 'residual' && block.layers.map((b) => b.name)).toEqual(['res-conv0', 'res-batchnorm1']);
    expect(block).toMatchObject({ activation: 'relu', record: true });
    // Channels 4 → 6 and stride 2: a projection makes the shapes meet (8x8x4 → 4x4x6).
    const projected = validateArchitectureSpec(spec([{ type: 'conv', filters: 6, kernel: 3, stride: 2 }]));
    expect(layerOutputShapes(projected).get('res')).toEqual([4, 4, 6]);
    expect(errorsOf(spec([{ type: 'conv', filters: 4, kernel: 3, padding: 'valid' }]))).toEqual([
      "layers[0] (residual res) branch output 6x6x4 cannot be added to its 8x8x4 input; use 'same' padding inside the block (a strided 1x1 projection then matches the shape)",
    ]);
    expect(errorsOf(spec([{ type: 'maxpool', size: 2 }]))[0]).toBe('layers[0].layers[0].type must be one of conv, batchnorm, relu, dropout (got "maxpool")');
    expect(errorsOf(spec([{ type: 'conv', filters: 4, kernel: 3, record: true }]))).toEqual([
      'layers[0].layers[0].record cannot record a layer inside residual block "res"; record the block itself (its output after the add)',
    ]);
    expect(errorsOf(spec([{ type: 'relu', name: 'x' }, { type: 'relu', name: 'x' }]))).toEqual(['layers[0].layers[1].name duplicates layers[0].layers[0].name "res-x"; layer names must be unique']);
    expect(errorsOf({ name: 'r', inputShape: [8, 8, 4], layers: [{ type: 'flatten' }, { type: 'residual', layers: [{ type: 'relu' }] }, { type: 'dense', units: 3 }] })).toEqual([
      'layers[1] (residual) needs a spatial input but follows a flattened layer',
    ]);
  });

  it('names the path of bad dimensions, non-object layers, dropout rates and names; shape limits on the input', () => {
    expect(errorsOf({ name: 'a', inputShape: [28, 2.5, 1], layers: ['conv', { type: 'dropout', rate: 1 }, { type: 'dropout', rate: 1.5 }, { type: 'dense', units: 3 }] })).toEqual([
      'inputShape[1] must be a positive integer',
      'layers[0] must be an object',
      'layers[1].rate must be < 1',
      'layers[2].rate must be ≤ 1',
    ]);
    expect(errorsOf({ name: 'a', inputShape: [4096, 4096, 3], layers: [{ flatten: 1 }, { type: 'dense', units: 3, name: '9x' }] })).toEqual([
      'inputShape has 50,331,648 values per image, over the limit of 16,777,216',
      'layers[0].type must be one of conv, maxpool, avgpool, dense, flatten, dropout, batchnorm, relu, residual (got undefined)',
      'layers[1].name must start with a letter and use only letters, digits, _ and -',
    ]);
    expect(errorsOf(null)).toEqual(['(spec) must be an object']);
    expect(() => validateArchitectureSpec({ name: 'a', inputShape: 'x', layers: [] }, { path: 'architectures[2]' })).toThrow(
      'invalid architecture spec at architectures[2]: architectures[2].inputShape must be an array; architectures[2].layers must not be empty',
    );
  });
});
