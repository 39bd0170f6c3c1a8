// Relay-style connections over offset pages. Cursors are opaque (base64url of the offset); lists here are bounded
// (units per layer, matches per alignment, experiments per team), so offsets stay cheap and stable per order.
import { badInput } from './errors.ts';

export const MAX_PAGE = 1000;

export interface Page {
  skip: number;
  take: number;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /**
   * Lazy: holds a function at run time, which graphql-js's default field resolver calls only when the client
   * asks for totalCount (so a page without totalCount costs no COUNT query). Typed as the schema's number.
   */
  totalCount: number;
}

export const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^o:(\d{1,9})$/.exec(text);
  if (!m) throw badInput(`Invalid cursor ${JSON.stringify(cursor)}: pass a cursor returned by this API (edges.cursor or pageInfo.endCursor)`);
  return Number(m[1]);
}

/** Validate first/after into a page; `take` is first + 1 so the caller can tell whether a next page exists. */
export function pageOf(first: number | null | undefined, after: string | null | undefined, defaultFirst = 20): Page & { first: number } {
  const f = first ?? defaultFirst;
  if (!Number.isInteger(f) || f < 0 || f > MAX_PAGE) throw badInput(`first must be an integer between 0 and ${MAX_PAGE} (got ${f})`);
  const skip = after ? decodeCursor(after) + 1 : 0;
  return { skip, take: f + 1, first: f };
}

/** Build a connection from rows fetched with pageOf's skip/take (at most first + 1 rows). */
export function toConnection<T>(rows: T[], page: Page & { first: number }, totalCount: () => Promise<number> | number): Connection<T> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.skip + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: totalCount as unknown as number,
  };
}

/** Page an in-memory array. */
export function connectionFromArray<T>(all: T[], first: number | null | undefined, after: string | null | undefined, defaultFirst = 20): Connection<T> {
  const page = pageOf(first, after, defaultFirst);
  return toConnection(all.slice(page.skip, page.skip + page.take), page, () => all.length);
}
