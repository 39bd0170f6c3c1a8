import { describe, expect, it } from 'vitest';
import demo from '../../../../packages/engine/examples/demo.json';
import { SPEC_PRESETS } from './presets.ts';
import { architectureView, cloneSpec, getPath, numberFromInput, problemsFor, seedsFromInput, seedsView, setPath, toggleArchitecture, toggleMethod } from './spec-form.ts';

describe('spec form: fields read and write JSON paths of the spec', () => {
  it('setPath copies, creates parents, deletes on undefined, and leaves other keys alone', () => {
    const spec = { name: 'x', training: { epochs: 1, batchSize: 64 }, penalties: [0.1] };
    const next = setPath(spec, 'training.epochs', 3);
    expect(next).toEqual({ name: 'x', training: { epochs: 3, batchSize: 64 }, penalties: [0.1] });
    expect(spec.training.epochs).toBe(1);
    expect(setPath(spec, 'split.probe', 50)).toMatchObject({ split: { probe: 50 } });
    expect(getPath(setPath(spec, 'training.batchSize', undefined), 'training')).toEqual({ epochs: 1 });
    expect(getPath(spec, 'training.nope.deeper')).toBeUndefined();
  });

  it('number inputs: empty deletes, numbers stay numbers, other text goes to the validator as typed', () => {
    expect(numberFromInput('')).toBeUndefined();
    expect(numberFromInput(' 0.002 ')).toBe(0.002);
    expect(numberFromInput('1e-3')).toBe(0.001);
    expect(numberFromInput('ten')).toBe('ten');
  });

  it('seeds: 1..N shows as a count, anything else as a list; both read back', () => {
    expect(seedsView([1, 2, 3, 4])).toEqual({ mode: 'count', text: '4' });
    expect(seedsView([1, 3])).toEqual({ mode: 'list', text: '1, 3' });
    expect(seedsFromInput('count', '3')).toEqual([1, 2, 3]);
    expect(seedsFromInput('list', '7, 9 11')).toEqual([7, 9, 11]);
    expect(seedsFromInput('list', '1, x')).toEqual([1, 'x']);
    expect(seedsFromInput('count', '2.5')).toBe('2.5');
    expect(seedsFromInput('count', '')).toBeUndefined();
    for (const s of [[1, 2, 3, 4], [5, 2]]) expect(seedsFromInput(seedsView(s).mode, seedsView(s).text)).toEqual(s);
  });

  it('architectures: presets toggle, inline specs are kept', () => {
    const inline = { name: 'mine', inputShape: [28, 28, 1], layers: [] };
    expect(architectureView(['lenet', inline])).toEqual({ presets: ['lenet'], inline: ['mine'] });
    expect(toggleArchitecture(['lenet', inline], 'rescnn', true)).toEqual(['lenet', inline, 'rescnn']);
    expect(toggleArchitecture(['lenet', inline], 'lenet', false)).toEqual([inline]);
  });

  it('methods: the first toggle makes the default or "all" explicit, in the engine order', () => {
    const all = ['semi', 'max', 'mi', 'cka', 'sparse', 'spectral', 'svcca'];
    const defaults = all.slice(0, 6);
    expect(toggleMethod(undefined, defaults, all, 'mi', false)).toEqual(['semi', 'max', 'cka', 'sparse', 'spectral']);
    expect(toggleMethod(['all'], defaults, all, 'svcca', false)).toEqual(defaults);
    expect(toggleMethod(['cka'], defaults, all, 'semi', true)).toEqual(['semi', 'cka']);
  });

  it('problems go to the field of their path or below it', () => {
    const problems = ['seeds[1] must be an integer', 'seedsByArchitecture.x names no architecture', 'training.epochs must be at least 1', 'name must be 1 to 200 characters'];
    expect(problemsFor(problems, 'seeds')).toEqual(['seeds[1] must be an integer']);
    expect(problemsFor(problems, 'training.epochs')).toEqual(['training.epochs must be at least 1']);
    expect(problemsFor(problems, 'name')).toEqual(['name must be 1 to 200 characters']);
  });

  it('a clone is the stored spec under a new name', () => {
    expect(cloneSpec({ name: 'a', seeds: [1] }, 'a')).toEqual({ name: 'a (copy)', seeds: [1] });
  });

  it('the "(the demo)" preset is the spec npm start queues', () => {
    const p = SPEC_PRESETS.find((x) => x.label.includes('(the demo)'));
    expect(p?.spec).toEqual(demo);
    expect(p?.spec).toMatchObject({ split: { validation: 5000, probe: 1000 }, training: { learningRate: 0.002, trainLimit: 30000 } });
  });
});
