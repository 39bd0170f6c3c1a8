// Query depth and cost limits, checked after parsing and validation and before any resolver runs (an Apollo
// plugin calls these with the request's variables, so `first: $n` is costed with its real value).
//  - Depth: the longest chain of nested selections (fragments expanded, introspection ignored).
//  - Cost: every field costs 1, multiplied by how many parents it runs under; a connection or list field with a
//    `first` argument multiplies its children by `first` (default when absent: the argument's default, else 1;
//    plain lists such as layers or topImages count as LIST_GUESS). This bounds the rows a query can touch.
import type { DocumentNode, FragmentDefinitionNode, GraphQLField, GraphQLSchema, GraphQLType, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { getNamedType, GraphQLError, isInterfaceType, isListType, isNonNullType, isObjectType, Kind, valueFromAST } from './graphql-runtime.ts';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 200_000 };
/** Assumed size of plain (non-paged) list fields, e.g. a network's layers or a unit's top images. */
const LIST_GUESS = 10;

function unwrapList(type: GraphQLType): boolean {
  let t = type;
  if (isNonNullType(t)) t = t.ofType;
  return isListType(t);
}

export interface OperationSize {
  depth: number;
  cost: number;
}

/** Depth and estimated cost of one operation of a document, with its variables (for `first: $n`). */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): OperationSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  // Walk a selection set: returns [depth, cost] of it under parentType.
  function walk(set: SelectionSetNode, parentTypeName: string, seen: Set<string>): [number, number] {
    let depth = 0;
    let cost = 0;
    const parentType = schema.getType(parentTypeName);
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name.startsWith('__')) continue; // introspection and __typename are free
        const fields = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields() : undefined;
        const field: GraphQLField<unknown, unknown> | undefined = fields?.[name];
        if (!field) continue; // validation reports unknown fields
        let multiplier = 1;
        const firstArg = field.args.find((a) => a.name === 'first');
        if (firstArg) {
          const node = sel.arguments?.find((a) => a.name.value === 'first');
          const v = node ? valueFromAST(node.value, firstArg.type, variables) : firstArg.defaultValue;
          multiplier = typeof v === 'number' && v > 0 ? v : 1;
        } else if (unwrapList(field.type) && !(name === 'edges' && parentTypeName.endsWith('Connection'))) {
          // A connection's edges are already counted by its `first`.
          multiplier = LIST_GUESS;
        }
        let childDepth = 0;
        let childCost = 0;
        if (sel.selectionSet) [childDepth, childCost] = walk(sel.selectionSet, getNamedType(field.type).name, seen);
        depth = Math.max(depth, 1 + childDepth);
        cost += 1 + multiplier * childCost;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const [d, c] = walk(sel.selectionSet, sel.typeCondition?.name.value ?? parentTypeName, seen);
        depth = Math.max(depth, d);
        cost += c;
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || seen.has(name)) continue; // cycles are reported by validation
        const [d, c] = walk(frag.selectionSet, frag.typeCondition.name.value, new Set(seen).add(name));
        depth = Math.max(depth, d);
        cost += c;
      }
    }
    return [depth, cost];
  }

  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { depth: 0, cost: 0 };
  const [depth, cost] = walk(operation.selectionSet, root.name, new Set());
  return { depth, cost };
}

/** The coded error for an operation over the limits, or null. */
export function limitError(size: OperationSize, limits: QueryLimits): GraphQLError | null {
  const http = { status: 400 };
  if (size.depth > limits.maxDepth) {
    return new GraphQLError(`Query is too deep: depth ${size.depth} exceeds the limit of ${limits.maxDepth}; split it into several queries`, {
      extensions: { code: 'QUERY_TOO_DEEP', depth: size.depth, maxDepth: limits.maxDepth, http },
    });
  }
  if (size.cost > limits.maxCost) {
    return new GraphQLError(
      `Query is too complex: estimated cost ${size.cost} exceeds the limit of ${limits.maxCost}; ask for fewer items per page (first)`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', cost: size.cost, maxCost: limits.maxCost, http } },
    );
  }
  return null;
}
