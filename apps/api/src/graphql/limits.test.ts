// Depth and cost of operations, computed by hand for small queries against the real SDL.
import { describe, expect, it } from 'vitest';
import { typeDefs } from '@convergent/schema';
import type { OperationDefinitionNode } from 'graphql';
import { createRequire } from 'node:module';
import { limitError, measureOperation } from './limits.ts';

const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = graphql.buildSchema(typeDefs);

function size(query: string, variables: Record<string, unknown> = {}) {
  const doc = graphql.parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return measureOperation(schema, doc, op, variables);
}

describe('query limits', () => {
  it('counts depth along the longest selection chain, through fragments', () => {
    expect(size('{ viewer { tokenName } }').depth).toBe(2);
    expect(size('{ viewer { team { name } } }').depth).toBe(3);
    expect(size('{ unit(id: "1") { ...U } } fragment U on Unit { layer { network { name } } }').depth).toBe(4);
    expect(size('{ __schema { types { name fields { name type { name ofType { name } } } } } }').depth).toBe(0);
  });

  it('multiplies children by first (literal, variable or default) and plain lists by 10', () => {
    // experiments(first: 5): 1 + 5 * (edges: 1 + 1 * (node: 1 + name 1)) = 1 + 5 * 3 = 16
    expect(size('{ experiments(first: 5) { edges { node { name } } } }').cost).toBe(16);
    expect(size('query($n: Int) { experiments(first: $n) { edges { node { name } } } }', { n: 5 }).cost).toBe(16);
    // default first = 20: 1 + 20 * 3
    expect(size('{ experiments { edges { node { name } } } }').cost).toBe(61);
    // network (1) + layers list x10 of (name 1) = 1 + 10 * 1 = 11 for layers; total 1 + 11 = 12
    expect(size('{ network(id: "x") { layers { name } } }').cost).toBe(12);
    expect(size('{ __typename viewer { __typename tokenName } }').cost).toBe(2);
  });

  it('reports coded errors over the limits', () => {
    expect(limitError({ depth: 13, cost: 1 }, { maxDepth: 12, maxCost: 10 })?.extensions['code']).toBe('QUERY_TOO_DEEP');
    expect(limitError({ depth: 3, cost: 11 }, { maxDepth: 12, maxCost: 10 })?.extensions['code']).toBe('QUERY_TOO_COMPLEX');
    expect(limitError({ depth: 12, cost: 10 }, { maxDepth: 12, maxCost: 10 })).toBeNull();
  });
});
