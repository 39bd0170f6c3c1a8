// Hand-written SELECTs on the API's hot paths, run on Prisma's own pg pool without Prisma's query interpreter.
// Measured here (50-row SELECT, one client): Prisma $queryRaw ~540 µs of client CPU, pg with a named
// (prepared) statement ~70 µs, pg unnamed ~210 µs; on PostgreSQL statements are prepared once per connection.
// PGlite serves every connection from one session (db/pglite-server.ts), where a statement name prepared by one
// connection would collide with another's, so there statements stay unnamed.
//
// Rows come back with Prisma's shapes: jsonb parsed, `timestamp` (Prisma's DateTime, stored as UTC) as Date,
// count(*) (int8) as number.
import { createHash } from 'node:crypto';
import pg from 'pg';

export type SqlRead = <T>(text: string, values: readonly unknown[]) => Promise<T[]>;

const TIMESTAMP = 1114;
const INT8 = 20;
const parseUtcTimestamp = (v: string): Date => new Date(`${v.replace(' ', 'T')}Z`);

const typeParsers = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMP) return parseUtcTimestamp;
    if (oid === INT8) return Number;
    return pg.types.getTypeParser(oid, format);
  },
};

export function createSqlRead(pool: pg.Pool, options: { prepared: boolean }): SqlRead {
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (!name) {
      name = `cv_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      names.set(text, name);
    }
    return name;
  };
  return async <T>(text: string, values: readonly unknown[]): Promise<T[]> => {
    const result = await pool.query({
      text,
      values: values as unknown[],
      types: typeParsers as pg.CustomTypesConfig,
      ...(options.prepared ? { name: nameOf(text) } : {}),
    });
    return result.rows as T[];
  };
}
