// Query limits, checked after parsing and validation and before any resolver runs (an Apollo plugin calls these
// with the request's variables, so `first: $n` is costed with its real value). Parsing itself is bounded by
// `maxTokens` (graphql-js's parser option), which also bounds the work of graphql-js's validation rules.
//
//  - Depth: the longest chain of nested selections (fragments expanded, introspection ignored).
//  - Fields and aliases: how many field selections (and how many of them aliased) the operation has once its
//    fragments are expanded: what the executor would resolve per parent object.
//  - Cost: every resolved field costs 1 plus its database weight (FIELD_COSTS: a batched lookup 1, a fresh query
//    2-3, a field that scans many rows more), multiplied by how many parents it runs under; a connection or list
//    field with a `first` argument multiplies its children by `first` (default: the argument's default), other
//    list fields by LIST_GUESS. This bounds the rows and round trips a query can cause.
//
// The walk is linear in the size of the document: each named fragment is measured once (its size does not depend
// on where it is spread: fields are looked up on its type condition, variables are the operation's) and reused at
// every spread, and the walk stops as soon as the depth, field or alias limit is exceeded. Expanding fragments at
// every spread instead makes a document of n fragments, each spreading the previous one twice, cost 2^n steps (a
// 970-byte query took 35 s here). The libraries considered do exactly that: graphql-query-complexity and @escape.tech/graphql-armor's
// cost-limit re-walk a fragment's selection at each spread (graphql-armor even multiplies its cost per fragment
// level, issues #474 / #529), so they are not used.
import type { DocumentNode, FragmentDefinitionNode, GraphQLField, GraphQLSchema, GraphQLType, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { getNamedType, GraphQLError, isInterfaceType, isListType, isNonNullType, isObjectType, Kind, valueFromAST } from './graphql-runtime.ts';

export interface QueryLimits {
  /** Longest chain of nested selections. */
  maxDepth: number;
  /** Estimated cost (see the file comment). */
  maxCost: number;
  /** Aliased fields, fragments expanded. */
  maxAliases: number;
  /** Field selections, fragments expanded (not multiplied by list sizes). */
  maxFields: number;
  /** Lexical tokens of the query document (graphql-js parse option `maxTokens`). */
  maxTokens: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 100_000, maxAliases: 100, maxFields: 1_000, maxTokens: 5_000 };

/** Assumed size of plain (non-paged) list fields, e.g. a network's layers or a unit's top images. */
export const LIST_GUESS = 10;

/**
 * Database weight of fields beyond the 1 every resolved field costs: 1 for a lookup batched with its siblings
 * (DataLoader), 2-3 for a query of its own (a page plus its count), more for fields that read many rows of one
 * parent (every alignment of an experiment, every match of an alignment). Functions see the field's arguments.
 * Fields not listed only read their parent row.
 */
export const FIELD_COSTS: Record<string, number | ((args: Record<string, unknown>) => number)> = {
  'Query.viewer': 1,
  'Query.team': 1,
  'Query.experiments': 3,
  'Query.experiment': 1,
  'Query.network': 1,
  'Query.layer': 1,
  'Query.unit': 1,
  'Query.alignment': 3,
  'Query.alignmentById': 1,
  'Query.layerConvergence': 20,
  // Per compared subject: its row and networks, its alignments with the reference or its whole convergence (20).
  'Query.compare': (args) => 5 + 40 * (Array.isArray(args['others']) ? args['others'].length : 1),
  'Query.job': 1,
  'Query.jobs': 3,
  'Viewer.team': 1,
  'Team.experiments': 3,
  'Experiment.networkCount': 1,
  'Experiment.layerNames': 1,
  'Experiment.progress': 1,
  'Experiment.architectures': 1,
  'Experiment.networks': 1,
  'Experiment.jobs': 3,
  'Experiment.convergence': 20,
  'Experiment.chanceBaselines': 1,
  'Network.experiment': 1,
  'Network.layers': 1,
  'Network.layer': 1,
  'Network.weightsUrl': 1,
  'Layer.network': 1,
  'Layer.units': 2,
  'Layer.unit': 1,
  'Unit.layer': 1,
  'Unit.network': 1,
  'Unit.topImages': 1,
  'Unit.bestMatches': 10,
  'UnitBestMatch.network': 1,
  'UnitBestMatch.unit': 1,
  'UnitBestMatch.sparseWeights': 5,
  'Alignment.experiment': 1,
  'Alignment.networkA': 1,
  'Alignment.networkB': 1,
  'Alignment.layerA': 1,
  'Alignment.layerB': 1,
  'Alignment.matches': 3,
  'Alignment.scoreHistogram': 10,
  'AlignmentSummary.lossPath': 2,
  'AlignmentSummary.clusters': 2,
  'Cluster.unitsA': 1,
  'Cluster.unitsB': 1,
  'UnitMatch.unitA': 1,
  'UnitMatch.unitB': 1,
  'SparseWeight.unit': 1,
  'Job.experiment': 1,
  'Job.network': 1,
};

function unwrapList(type: GraphQLType): boolean {
  let t = type;
  if (isNonNullType(t)) t = t.ofType;
  return isListType(t);
}

export interface OperationSize {
  depth: number;
  cost: number;
  fields: number;
  aliases: number;
  /** The walk stopped at the first limit exceeded: the figures are lower bounds. */
  stoppedEarly: boolean;
}

interface Size {
  depth: number;
  cost: number;
  fields: number;
  aliases: number;
}

class Exceeded extends Error {}

/**
 * Depth, fields, aliases and estimated cost of one operation of a document, with its variables (for `first: $n`).
 * With `limits`, the walk stops as soon as depth, fields or aliases exceed theirs (`stoppedEarly`; the figures are then lower bounds).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits?: QueryLimits,
): OperationSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, Size>();
  const inProgress = new Set<string>();
  // Every partial figure is a lower bound of the operation's (counts only grow), so a partial figure over a limit
  // decides the answer. Cost is not checked on the way: it is known once the walk, bounded by the field count, ends
  // (and a query both too deep and too costly is reported as too deep, the more useful of the two).
  const check = (s: Size): void => {
    if (limits && (s.depth > limits.maxDepth || s.fields > limits.maxFields || s.aliases > limits.maxAliases)) {
      throw Object.assign(new Exceeded(), { size: s });
    }
  };

  const argsOf = (field: GraphQLField<unknown, unknown>, node: { arguments?: readonly { name: { value: string }; value: import('graphql').ValueNode }[] }): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const arg of field.args) {
      const given = node.arguments?.find((a) => a.name.value === arg.name);
      out[arg.name] = given ? valueFromAST(given.value, arg.type, variables) : arg.defaultValue;
    }
    return out;
  };

  // Size of a selection set under parentTypeName; `introspection` = inside __schema / __type (no cost, no depth).
  function walk(set: SelectionSetNode, parentTypeName: string, introspection: boolean): Size {
    const s: Size = { depth: 0, cost: 0, fields: 0, aliases: 0 };
    const parentType = schema.getType(parentTypeName);
    const fields = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields() : undefined;
    const add = (child: Size): void => {
      s.depth = Math.max(s.depth, child.depth);
      s.cost += child.cost;
      s.fields += child.fields;
      s.aliases += child.aliases;
    };
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        s.fields += 1;
        if (sel.alias) s.aliases += 1;
        const field: GraphQLField<unknown, unknown> | undefined = fields?.[name];
        if (!field) {
          // Introspection's entry points are not fields of the root type: count what they select, at no cost.
          const meta = name === '__schema' ? '__Schema' : name === '__type' ? '__Type' : null;
          if (meta && sel.selectionSet) {
            const inner = walk(sel.selectionSet, meta, true);
            s.fields += inner.fields;
            s.aliases += inner.aliases;
          }
          check(s); // __typename, or an unknown field (validation reports those)
          continue;
        }
        const inside = introspection || name.startsWith('__');
        let child: Size = { depth: 0, cost: 0, fields: 0, aliases: 0 };
        if (sel.selectionSet) child = walk(sel.selectionSet, getNamedType(field.type).name, inside);
        s.fields += child.fields;
        s.aliases += child.aliases;
        if (!inside) {
          const args = argsOf(field, sel);
          let multiplier = 1;
          if (field.args.some((a) => a.name === 'first')) {
            const v = args['first'];
            multiplier = typeof v === 'number' && v > 0 ? v : 1;
          } else if (unwrapList(field.type) && !(name === 'edges' && parentTypeName.endsWith('Connection'))) {
            // A connection's edges are already counted by its `first`.
            multiplier = LIST_GUESS;
          }
          const weight = FIELD_COSTS[`${parentTypeName}.${name}`];
          const own = 1 + (typeof weight === 'function' ? weight(args) : (weight ?? 0));
          s.depth = Math.max(s.depth, 1 + child.depth);
          s.cost += own + multiplier * child.cost;
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        add(walk(sel.selectionSet, sel.typeCondition?.name.value ?? parentTypeName, introspection));
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || inProgress.has(name)) continue; // unknown fragments and cycles are reported by validation
        let size = memo.get(name);
        if (!size) {
          inProgress.add(name);
          size = walk(frag.selectionSet, frag.typeCondition.name.value, introspection);
          inProgress.delete(name);
          memo.set(name, size);
        }
        add(size);
      }
      check(s);
    }
    return s;
  }

  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { depth: 0, cost: 0, fields: 0, aliases: 0, stoppedEarly: false };
  try {
    return { ...walk(operation.selectionSet, root.name, false), stoppedEarly: false };
  } catch (err) {
    if (err instanceof Exceeded) return { ...(err as Exceeded & { size: Size }).size, stoppedEarly: true };
    throw err;
  }
}

/** The coded error for an operation over the limits, or null. */
export function limitError(size: OperationSize, limits: QueryLimits): GraphQLError | null {
  const http = { status: 400 };
  const atLeast = size.stoppedEarly ? 'at least ' : '';
  if (size.depth > limits.maxDepth) {
    return new GraphQLError(`Query is too deep: depth ${atLeast}${size.depth} exceeds the limit of ${limits.maxDepth}; split it into several queries`, {
      extensions: { code: 'QUERY_TOO_DEEP', depth: size.depth, maxDepth: limits.maxDepth, http },
    });
  }
  if (size.aliases > limits.maxAliases) {
    return new GraphQLError(`Query has too many aliases: ${atLeast}${size.aliases} (fragments expanded) exceeds the limit of ${limits.maxAliases}; split it into several queries`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', aliases: size.aliases, maxAliases: limits.maxAliases, http },
    });
  }
  if (size.fields > limits.maxFields) {
    return new GraphQLError(`Query selects too many fields: ${atLeast}${size.fields} (fragments expanded) exceeds the limit of ${limits.maxFields}; split it into several queries`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', fields: size.fields, maxFields: limits.maxFields, http },
    });
  }
  if (size.cost > limits.maxCost) {
    return new GraphQLError(
      `Query is too complex: estimated cost ${atLeast}${size.cost} exceeds the limit of ${limits.maxCost}; ask for fewer items per page (first) or fewer nested lists`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', cost: size.cost, maxCost: limits.maxCost, http } },
    );
  }
  return null;
}

/** graphql-js's parse error for a document over `maxTokens`, turned into our coded error (null for other errors). */
export function tokenLimitError(message: string, limits: QueryLimits): GraphQLError | null {
  // graphql 16 words it "more that N tokens"; later versions may fix the typo.
  if (!/Document contains more tha[nt] \d+ tokens/.test(message)) return null;
  return new GraphQLError(`Query is too large: more than ${limits.maxTokens} tokens; split it into several queries`, {
    extensions: { code: 'QUERY_TOO_LARGE', maxTokens: limits.maxTokens, http: { status: 400 } },
  });
}
