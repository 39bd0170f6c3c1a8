import { describe, expect, it } from 'vitest';
import { alignability, probeSetOf, type AlignSide } from './alignability.ts';

const spec = (over: Record<string, unknown> = {}, split: Record<string, unknown> = {}) => ({ dataset: 'mnist', split: { seed: 1, validation: 1000, probe: 500, ...split }, ...over });

function side(id: string, over: { spec?: unknown; status?: string; probeCount?: number | null; hasWeights?: boolean; layers?: string[]; net?: string } = {}): AlignSide {
  return {
    experiment: { id, name: `exp ${id}`, status: over.status ?? 'COMPLETED', spec: over.spec ?? spec(), probeCount: over.probeCount === undefined ? 500 : over.probeCount },
    network: { id: over.net ?? `net-${id}`, name: `n${id}`, hasWeights: over.hasWeights ?? true, layers: over.layers ?? ['conv1', 'fc1'] },
  };
}

describe('alignability', () => {
  it('aligns two networks of two experiments with the same probe set, at every layer recorded in both', () => {
    expect(alignability(side('x'), side('y', { layers: ['fc1', 'conv1', 'fc2'] }))).toEqual({ alignable: true, reasons: [], layers: ['conv1', 'fc1'] });
    expect(alignability(side('x'), side('y'), ['fc1'])).toEqual({ alignable: true, reasons: [], layers: ['fc1'] });
  });

  it('names both probe sets when the probe size differs', () => {
    const r = alignability(side('x'), side('y', { spec: spec({}, { probe: 1000 }), probeCount: 1000 }));
    expect(r.alignable).toBe(false);
    expect(r.layers).toEqual([]);
    expect(r.reasons).toEqual([
      'the probe images differ (split.probe): experiment “exp x” probes 500 images of mnist (split seed 1, after 1000 validation images); experiment “exp y” probes 1000 images of mnist (split seed 1, after 1000 validation images)',
    ]);
  });

  it('lists every part of the probe set that differs: dataset, seed, validation size', () => {
    const r = alignability(side('x'), side('y', { spec: spec({ dataset: 'fashion-mnist' }, { seed: 2, validation: 10 }) }));
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toContain('(dataset, split.seed, split.validation)');
    expect(r.reasons[0]).toContain('experiment “exp y” probes 500 images of fashion-mnist (split seed 2, after 10 validation images)');
  });

  it('compares file datasets by their paths, whatever the key order', () => {
    const d1 = { npy: { images: '/d/i.npy', labels: '/d/l.npy' } };
    const d2 = { npy: { labels: '/d/l.npy', images: '/d/i.npy' } };
    expect(alignability(side('x', { spec: spec({ dataset: d1 }) }), side('y', { spec: spec({ dataset: d2 }) })).alignable).toBe(true);
    expect(alignability(side('x', { spec: spec({ dataset: d1 }) }), side('y', { spec: spec({ dataset: { npy: { images: '/e/i.npy', labels: '/d/l.npy' } } }) })).reasons[0]).toMatch(/\(dataset\)/);
  });

  it('refuses a spec without its split (nothing says which images were probed)', () => {
    expect(probeSetOf(null)).toEqual({ dataset: null, seed: null, validation: null, probe: null });
    const r = alignability(side('x'), side('y', { spec: { dataset: 'mnist' } }));
    expect(r.reasons[0]).toContain('experiment “exp y” probes an unknown number of images of mnist (split seed unknown, after unknown validation images)');
  });

  it('a recorded probe count that differs despite equal specs is a reason of its own', () => {
    expect(alignability(side('x'), side('y', { probeCount: 499 })).reasons).toEqual(['the recorded probe sets differ in size: experiment “exp x” recorded 500 probe images, experiment “exp y” 499']);
  });

  it('needs stored weights, completed experiments and the layer in both', () => {
    const r = alignability(side('x', { hasWeights: false }), side('y', { status: 'RUNNING', layers: ['h'] }), ['fc1']);
    expect(r.reasons).toEqual([
      'experiment “exp y” is running: its networks can be aligned once it has completed',
      'network “nx” of experiment “exp x” has no stored trained weights (imported as activations, or its training did not finish), so it cannot be recorded on the probe images',
      'layer “fc1” is not recorded in network “ny” of experiment “exp y” (recorded: h)',
    ]);
    expect(alignability(side('x'), side('y', { layers: ['h'] })).reasons).toEqual(['no layer name is recorded in both: network “nx” of experiment “exp x” has conv1, fc1; network “ny” of experiment “exp y” has h']);
  });

  it('a layer of different spatial size (or conv against dense) cannot be recorded together', () => {
    const x = side('x');
    x.network.shapes = { conv1: [8, 8, 4], fc1: [6] };
    const y = side('y');
    y.network.shapes = { conv1: [4, 4, 4], fc1: [10] };
    expect(alignability(x, y).reasons).toEqual(['layer “conv1” has spatial size 8×8 in network “nx” of experiment “exp x” but 4×4 in network “ny” of experiment “exp y”; a layer aligns only at equal spatial size']);
    expect(alignability(x, y, ['fc1']).alignable).toBe(true);
  });

  it('the same network, or two networks of one experiment, are not on-demand pairs', () => {
    expect(alignability(side('x'), side('x')).reasons[0]).toContain('same network');
    expect(alignability(side('x'), side('x', { net: 'other' })).reasons[0]).toContain('its own pipeline aligns them');
  });
});
