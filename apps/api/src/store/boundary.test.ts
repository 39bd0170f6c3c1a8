// The store is the only code of the API that writes results: no module outside src/store/ calls a Prisma write on
// the result models or writes their tables in SQL (reads may be anywhere). dependency-cruiser sees imports, not
// calls, so this is checked here, on the source text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Prisma delegates of the models the store owns. */
const STORE_MODELS = [
  'experiment',
  'network',
  'layer',
  'unit',
  'alignment',
  'unitMatch',
  'sparsePath',
  'sparseWeight',
  'cluster',
  'clusterMember',
  'layerStatistic',
  'chanceBaseline',
  'layerConsensus',
  'stitchLayer',
  'artifact',
];
const TABLES = STORE_MODELS.map((m) => m[0]!.toUpperCase() + m.slice(1));

const PRISMA_WRITE = new RegExp(`\\.(${STORE_MODELS.join('|')})\\s*\\.(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\\(`, 'g');
const SQL_WRITE = new RegExp(`(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"(${TABLES.join('|')})"`, 'g');

/** Production sources under src/, outside the store, generated code and tests. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!['store', 'generated', 'test-fixtures'].includes(e.name)) out.push(...sources(p));
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.generated.ts')) out.push(p);
  }
  return out;
}

/** `file:line: text` of every write of a store model in `text`. */
function storeWrites(file: string, text: string): string[] {
  const hits: string[] = [];
  for (const re of [PRISMA_WRITE, SQL_WRITE]) {
    for (const m of text.matchAll(re)) {
      const line = text.slice(0, m.index).split('\n').length;
      hits.push(`${file}:${line}: ${m[0]}`);
    }
  }
  return hits;
}

describe('the store boundary', () => {
  it('finds writes the way they are written (so the check below can fail)', () => {
    expect(storeWrites('x.ts', "await tx.network.update({ where: { id } });\nawait prisma.artifact\n  .deleteMany({});")).toEqual([
      'x.ts:1: .network.update(',
      'x.ts:2: .artifact\n  .deleteMany(',
    ]);
    expect(storeWrites('x.ts', 'UPDATE "Experiment" SET x = 1; DELETE FROM "Job"; INSERT INTO "UnitMatch" (a)')).toEqual(['x.ts:1: UPDATE "Experiment"', 'x.ts:1: INSERT INTO "UnitMatch"']);
    expect(storeWrites('x.ts', 'prisma.network.findMany({}); prisma.job.update({}); tx.team.create({})')).toEqual([]);
  });

  it('no module outside src/store writes experiments, networks, layers, units, alignments or their rows', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const writes = files.flatMap((f) => storeWrites(path.relative(SRC, f), readFileSync(f, 'utf8')));
    expect(writes).toEqual([]);
  });
});
