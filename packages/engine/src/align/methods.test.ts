import { describe, expect, it } from 'vitest';
import { METHODS, PAPER_METHODS } from '../experiment/experiment-spec.ts';
import { PAIR_MEASURES, PAIR_METHODS, ckaSumsSuffice, crossBlockSuffices, inRegistryOrder, methodOfGraphql, resolveMethodName } from './methods.ts';

describe('the method registry', () => {
  it('names every method once, and no alias is another method or a second alias', () => {
    const names = [...PAIR_METHODS, ...PAIR_MEASURES.flatMap((m) => m.aliases ?? [])];
    expect(new Set(names).size).toBe(names.length);
    expect(PAIR_MEASURES.flatMap((m) => m.enums)).toHaveLength(new Set(PAIR_MEASURES.flatMap((m) => m.enums)).size);
  });

  it('is the spec\'s list of per-pair methods, in its order, and the paper\'s six are its default', () => {
    expect(METHODS.filter((m) => m !== 'consensus' && m !== 'stitch')).toEqual([...PAIR_METHODS]);
    expect([...PAPER_METHODS]).toEqual(['semi', 'max', 'mi', 'cka', 'sparse', 'spectral']);
  });

  it('maps the older CLI spelling and any case to the one name, and nothing else', () => {
    expect(resolveMethodName('hungarian')).toBe('max');
    expect(resolveMethodName(' MAX ')).toBe('max');
    expect(resolveMethodName('Procrustes')).toBe('procrustes');
    expect(resolveMethodName('consensus')).toBeUndefined();
    expect(resolveMethodName('magic')).toBeUndefined();
  });

  it('maps stored enums back to the method computing them', () => {
    expect(methodOfGraphql('HUNGARIAN')).toBe('max');
    expect(methodOfGraphql('MI_SEMI')).toBe('mi');
    expect(methodOfGraphql('KNN')).toBe('knn');
  });

  it('says which pass a two-file alignment needs', () => {
    expect(crossBlockSuffices(['semi', 'max', 'mi', 'knn', 'procrustes'])).toBe(true);
    expect(crossBlockSuffices(['semi', 'cka'])).toBe(false);
    expect(ckaSumsSuffice(['cka'])).toBe(true);
    expect(ckaSumsSuffice(['cka', 'semi'])).toBe(false);
    expect(ckaSumsSuffice([])).toBe(false);
    expect(inRegistryOrder(['knn', 'stitch', 'semi', 'semi', 'max'])).toEqual(['semi', 'max', 'knn']);
  });
});
