/**
 * A normalised text description of one Postgres schema's tables, columns, enums, indexes and
 * constraints, read from the system catalogs. Two schemas built different ways (committed migrations vs
 * SQL generated from schema.prisma) are the same exactly when their descriptions are equal: that is the
 * drift check. (The wasm schema engine cannot introspect a live database through @prisma/adapter-pg
 * 7.10: it rejects the catalogs' "char" columns, hence our own reader.)
 */
import type pg from 'pg';

export async function describeSchema(client: pg.ClientBase, schema: string, ignoreTables: string[] = ['_prisma_migrations']): Promise<string> {
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  await client.query(`SET search_path TO ${quoted}`);
  const lines: string[] = [];
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname ORDER BY t.typname`,
    [schema],
  );
  for (const r of enums.rows) lines.push(`enum ${r.name} (${r.labels.join(', ')})`);
  const cols = await client.query<{ t: string; c: string; type: string; nullable: boolean; def: string | null }>(
    `SELECT c.relname AS t, a.attname AS c, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS def
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attname`,
    [schema],
  );
  for (const r of cols.rows) {
    if (ignoreTables.includes(r.t)) continue;
    // Sequence names carry no meaning beyond their column; normalise nextval('"T_id_seq"'::regclass).
    const def = r.def?.replace(/nextval\('[^']*'::regclass\)/, 'nextval(seq)') ?? null;
    lines.push(`column ${r.t}.${r.c} ${r.type}${r.nullable ? '' : ' not null'}${def ? ` default ${def}` : ''}`);
  }
  const idx = await client.query<{ t: string; name: string; def: string }>(
    `SELECT tablename AS t, indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 ORDER BY tablename, indexname`,
    [schema],
  );
  for (const r of idx.rows) {
    if (ignoreTables.includes(r.t)) continue;
    lines.push(`index ${r.def.split(`${quoted}.`).join('').split(`${schema}.`).join('')}`);
  }
  const cons = await client.query<{ t: string; name: string; def: string }>(
    `SELECT c.relname AS t, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 ORDER BY c.relname, k.conname`,
    [schema],
  );
  for (const r of cons.rows) {
    if (ignoreTables.includes(r.t)) continue;
    lines.push(`constraint ${r.t}.${r.name} ${r.def}`);
  }
  return lines.join('\n');
}
