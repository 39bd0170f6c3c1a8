import { describe, expect, it } from 'vitest';
import { filterRuns, groupRuns, runTags, sortRuns, toCsv, type Run } from './runs.ts';

const run = (id: string, architecture: string, seed: number, acc: number | null, extra: Partial<Run> = {}): Run => ({
  id,
  name: `${architecture}-s${seed}`,
  architecture,
  seed,
  status: 'COMPLETED',
  untrained: false,
  backend: 'wasm',
  finalValAccuracy: acc,
  ...extra,
});
const runs = [run('a', 'lenet', 2, 0.8), run('b', 'lenet-x2', 1, 0.85), run('c', 'lenet', 1, 0.82), run('d', 'lenet', 0, null, { untrained: true, status: 'IMPORTED' }), run('e', 'rescnn', 10, 0.79)];

describe('runs table', () => {
  it('tags come from the recorded fields', () => {
    expect(runTags(runs[1]!)).toEqual(['trained', 'lenet', 'width-x2', 'backend-wasm']);
    expect(runTags(run('x', 'lenet-deep', 1, null, { backend: null, untrained: true }))).toEqual(['untrained', 'lenet', 'deep']);
  });

  it('filters by architecture, seed, status, minimum accuracy and tag', () => {
    const ids = (f: Parameters<typeof filterRuns>[1]) => filterRuns(runs, f).map((r) => r.id);
    expect(ids({ architecture: 'lenet' })).toEqual(['a', 'c', 'd']);
    expect(ids({ seed: '1' })).toEqual(['b', 'c']);
    expect(ids({ status: 'imported' })).toEqual(['d']);
    expect(ids({ minAccuracy: 0.81 })).toEqual(['b', 'c']);
    expect(ids({ tag: 'X2' })).toEqual(['b']);
    expect(ids({ tag: 'untrained' })).toEqual(['d']);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('sorts numerically and naturally, stable, missing accuracy last both ways', () => {
    expect(sortRuns(runs, 'accuracy', 'desc').map((r) => r.id)).toEqual(['b', 'c', 'a', 'e', 'd']);
    expect(sortRuns(runs, 'accuracy', 'asc').map((r) => r.id)).toEqual(['e', 'a', 'c', 'b', 'd']);
    expect(sortRuns(runs, 'seed', 'asc').map((r) => r.seed)).toEqual([0, 1, 1, 2, 10]);
    expect(sortRuns(runs, 'name', 'asc').map((r) => r.id)).toEqual(['d', 'c', 'a', 'b', 'e']);
  });

  it('groups by architecture or seed in order, with the mean accuracy of each group', () => {
    const g = groupRuns(runs, 'architecture');
    expect(g.map((x) => [x.key, x.runs.length])).toEqual([['lenet', 3], ['lenet-x2', 1], ['rescnn', 1]]);
    expect(g[0]!.meanAccuracy).toBeCloseTo(0.81, 12);
    expect(groupRuns(runs, 'seed').map((x) => x.label)).toEqual(['seed 2', 'seed 1', 'seed 0', 'seed 10']);
    expect(groupRuns([run('z', 'm', 1, null)], 'none')[0]!.meanAccuracy).toBeNull();
  });

  it('CSV quotes commas, quotes and newlines, and writes missing numbers empty', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [1.5, null], [NaN, 'l1\nl2']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n1.5,\r\n,"l1\nl2"\r\n');
  });
});
