/**
 * Inserts many rows with one statement per batch: every column travels as one array parameter and
 * `unnest` turns them back into rows. Prisma's createMany builds a parameter per value and costs tens of
 * milliseconds per call here; this is what makes a result with tens of thousands of matches and sparse
 * weights import in seconds.
 */
import type { Prisma } from '../generated/prisma/client.ts';

/** Postgres element type of a column: a base type, or a Prisma enum by its type name. */
export type ColumnType = 'text' | 'int4' | 'float8' | 'bool' | 'jsonb' | { enum: string };

export interface Column {
  name: string;
  type: ColumnType;
}

const BATCH = 20_000;

function arrayCast(type: ColumnType, index: number): string {
  if (typeof type === 'object') return `$${index}::text[]::"${type.enum}"[]`;
  return `$${index}::${type}[]`;
}

/**
 * INSERT rows (arrays in `columns` order) into `table`; with `returning`, the returned columns of every
 * inserted row, in insertion order.
 */
export async function bulkInsert<R = Record<string, unknown>>(
  tx: Prisma.TransactionClient,
  table: string,
  columns: Column[],
  rows: unknown[][],
  returning?: string[],
): Promise<R[]> {
  const out: R[] = [];
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const casts = columns.map((c, i) => arrayCast(c.type, i + 1)).join(', ');
  // WITH ORDINALITY + ORDER BY keeps RETURNING in the order of the input rows.
  const sql =
    `INSERT INTO "${table}" (${names}) SELECT ${columns.map((_, i) => `u.c${i}`).join(', ')} ` +
    `FROM unnest(${casts}) WITH ORDINALITY AS u(${columns.map((_, i) => `c${i}`).join(', ')}, ord) ORDER BY u.ord` +
    (returning ? ` RETURNING ${returning.map((r) => `"${r}"`).join(', ')}` : '');
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const params = columns.map((c, i) =>
      batch.map((r) => {
        const v = r[i];
        if (v === undefined || v === null) return null;
        if (c.type === 'jsonb') return JSON.stringify(v);
        return v;
      }),
    );
    if (returning) out.push(...(await tx.$queryRawUnsafe<R[]>(sql, ...params)));
    else await tx.$executeRawUnsafe(sql, ...params);
  }
  return out;
}
