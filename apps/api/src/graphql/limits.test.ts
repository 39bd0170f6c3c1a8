// Depth, fields, aliases and cost of operations, computed by hand for small queries against the real SDL; the
// fragment bomb of issue 15 (each fragment spreading the previous one twice) measured exactly in linear time; the
// dashboard's own queries within the limits.
import { describe, expect, it } from 'vitest';
import { typeDefs } from '@convergent/schema';
import type { OperationDefinitionNode } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS, FIELD_COSTS, limitError, measureOperation, tokenLimitError, type QueryLimits } from './limits.ts';

const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = graphql.buildSchema(typeDefs);

function size(query: string, variables: Record<string, unknown> = {}, limits?: QueryLimits, operationName?: string) {
  const doc = graphql.parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && (!operationName || d.name?.value === operationName))!;
  return measureOperation(schema, doc, op, variables, limits);
}

/** n fragments, each selecting the previous one twice under an aliased field pair: 2^n fields once expanded. */
export function fragmentBomb(levels: number): string {
  const frags = ['fragment F0 on Experiment { name }'];
  for (let i = 1; i <= levels; i++) frags.push(`fragment F${i} on Experiment { ...F${i - 1} ...F${i - 1} }`);
  return `{ experiment(id: "x") { ...F${levels} } }\n${frags.join('\n')}`;
}

describe('query limits', () => {
  it('counts depth along the longest selection chain, through fragments', () => {
    expect(size('{ viewer { tokenName } }').depth).toBe(2);
    expect(size('{ viewer { team { name } } }').depth).toBe(3);
    expect(size('{ unit(id: "1") { ...U } } fragment U on Unit { layer { network { name } } }').depth).toBe(4);
    expect(size('{ __schema { types { name fields { name type { name ofType { name } } } } } }').depth).toBe(0);
  });

  it('multiplies children by first (literal, variable or default) and plain lists by 10, each field weighted by its database work', () => {
    // experiments (1 + 3) + 5 * (edges 1 + (node 1 + name 1)) = 4 + 5 * 3 = 19
    expect(size('{ experiments(first: 5) { edges { node { name } } } }').cost).toBe(19);
    expect(size('query($n: Int) { experiments(first: $n) { edges { node { name } } } }', { n: 5 }).cost).toBe(19);
    // default first = 20: 4 + 20 * 3
    expect(size('{ experiments { edges { node { name } } } }').cost).toBe(64);
    // network (1 + 1) + layers (1 + 1) + list x10 of (name 1) = 2 + 2 + 10 = 14
    expect(size('{ network(id: "x") { layers { name } } }').cost).toBe(14);
    // viewer (1 + 1) + tokenName 1; __typename is free
    expect(size('{ __typename viewer { __typename tokenName } }').cost).toBe(3);
    // compare weighs each compared subject: 1 + 5 + 40 * 3 = 126, plus kind 1
    expect(size('{ compare(kind: NETWORK, reference: "r", others: ["a", "b", "c"]) { kind } }').cost).toBe(127);
    expect(size('query($o: [ID!]!) { compare(kind: NETWORK, reference: "r", others: $o) { kind } }', { o: ['a'] }).cost).toBe(47);
  });

  it('counts fields and aliases with fragments expanded, introspection included', () => {
    const s = size('{ a: experiment(id: "1") { ...E } b: experiment(id: "2") { ...E } } fragment E on Experiment { id n: name layerNames }');
    expect(s.fields).toBe(2 + 2 * 3);
    expect(s.aliases).toBe(2 + 2 * 1);
    expect(size('{ __schema { types { name } } }').fields).toBe(3);
    expect(size('{ x: __typename y: __typename }').aliases).toBe(2);
  });

  it('measures the fragment bomb (each fragment spreads the previous one twice) exactly and in linear time', () => {
    // 23 levels took 35 s before each fragment was measured once; 300 levels would never finish that way.
    const s = size(fragmentBomb(300));
    expect(s.fields).toBe(1 + 2 ** 300);
    expect(s.depth).toBe(2);
    expect(s.stoppedEarly).toBe(false);
    const limited = size(fragmentBomb(300), {}, DEFAULT_LIMITS);
    expect(limited.stoppedEarly).toBe(true);
    expect(limitError(limited, DEFAULT_LIMITS)?.message).toMatch(/too many fields: at least \d+ \(fragments expanded\) exceeds the limit of 1000/);
  }, 10_000);

  it('stops at the first limit exceeded: 15,000 aliases are refused after the 101st', () => {
    const query = `{ ${Array.from({ length: 15_000 }, (_, i) => `a${i}: experiment(id: "x") { layerNames }`).join(' ')} }`;
    const s = size(query, {}, DEFAULT_LIMITS);
    expect(s.stoppedEarly).toBe(true);
    expect(s.aliases).toBe(DEFAULT_LIMITS.maxAliases + 1);
    const err = limitError(s, DEFAULT_LIMITS);
    expect(err?.extensions['code']).toBe('QUERY_TOO_COMPLEX');
    expect(err?.message).toMatch(/too many aliases: at least 101 .* limit of 100/);
  });

  it('reports coded errors over the limits', () => {
    const base = { depth: 3, cost: 1, fields: 1, aliases: 0, stoppedEarly: false };
    const limits = { ...DEFAULT_LIMITS, maxDepth: 12, maxCost: 10, maxFields: 5, maxAliases: 2 };
    expect(limitError({ ...base, depth: 13 }, limits)?.extensions['code']).toBe('QUERY_TOO_DEEP');
    expect(limitError({ ...base, cost: 11 }, limits)?.extensions['code']).toBe('QUERY_TOO_COMPLEX');
    expect(limitError({ ...base, fields: 6 }, limits)?.message).toMatch(/too many fields: 6 .* limit of 5/);
    expect(limitError({ ...base, aliases: 3 }, limits)?.message).toMatch(/too many aliases: 3 .* limit of 2/);
    expect(limitError({ ...base, depth: 12, cost: 10, fields: 5, aliases: 2 }, limits)).toBeNull();
    let parseError = '';
    try {
      graphql.parse(`{ ${'a '.repeat(DEFAULT_LIMITS.maxTokens)} }`, { maxTokens: DEFAULT_LIMITS.maxTokens });
    } catch (err) {
      parseError = (err as Error).message;
    }
    expect(tokenLimitError(parseError, DEFAULT_LIMITS)?.extensions['code']).toBe('QUERY_TOO_LARGE');
    expect(tokenLimitError('Syntax Error: Unexpected Name "x".', DEFAULT_LIMITS)).toBeNull();
  });

  it('weighs only fields that exist in the schema', () => {
    for (const key of Object.keys(FIELD_COSTS)) {
      const [type, field] = key.split('.') as [string, string];
      const t = schema.getType(type);
      expect(t && 'getFields' in t ? Object.keys(t.getFields()) : [], key).toContain(field);
    }
  });

  it("lets every query of the dashboard through, with the variables it sends", () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/src/graphql');
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(3);
    const variables = { first: 200, others: Array.from({ length: 10 }, (_, i) => `n${i}`), examples: 6, id: 'x', a: 'a', b: 'b', layer: 'conv1' };
    let operations = 0;
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const doc = graphql.parse(text, { maxTokens: DEFAULT_LIMITS.maxTokens });
      for (const op of doc.definitions) {
        if (op.kind !== 'OperationDefinition') continue;
        operations++;
        const s = measureOperation(schema, doc, op, variables, DEFAULT_LIMITS);
        expect(limitError(s, DEFAULT_LIMITS), `${file} ${op.name?.value}: ${JSON.stringify(s)}`).toBeNull();
      }
    }
    expect(operations).toBeGreaterThan(5);
  });
});
