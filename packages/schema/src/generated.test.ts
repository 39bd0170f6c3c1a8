// Fails when a generated file (SDL module, codegen outputs) no longer matches src/schema.graphql or the dashboard's
// documents: regenerate with `npm run codegen -w @convergent/schema` and commit the result.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../codegen.ts';
import { sdlModuleSource } from '../scripts/write-sdl-module.ts';
import { typeDefs } from './index.ts';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const abs = (p: string) => path.resolve(pkgDir, p);

describe('generated files', () => {
  it('the SDL is a valid schema and index.ts exports it verbatim', () => {
    const sdl = readFileSync(abs('src/schema.graphql'), 'utf8');
    expect(typeDefs).toBe(sdl);
    const schema = buildSchema(sdl);
    expect(schema.getQueryType()?.getFields()['alignment']).toBeDefined();
  });

  it('src/sdl.generated.ts is up to date', () => {
    const sdl = readFileSync(abs('src/schema.graphql'), 'utf8');
    expect(readFileSync(abs('src/sdl.generated.ts'), 'utf8')).toBe(sdlModuleSource(sdl));
  });

  it('codegen outputs are up to date', async () => {
    const generates: CodegenConfig['generates'] = {};
    for (const [out, target] of Object.entries(config.generates)) {
      const t = target as { documents?: string[] };
      generates[abs(out)] = { ...(target as object), ...(t.documents ? { documents: t.documents.map(abs) } : {}) };
    }
    const files = (await generate(
      { ...config, schema: abs(config.schema as string), generates, silent: true },
      false,
    )) as { filename: string; content: string }[];
    expect(files.length).toBe(Object.keys(config.generates).length);
    for (const f of files) {
      expect(readFileSync(f.filename, 'utf8'), `${f.filename} is stale: run npm run codegen`).toBe(f.content);
    }
  }, 60_000);

  it('the schema types are generated once (graphql.ts); the resolver and operation types import them', () => {
    const declaresSchemaTypes = /^export type (Scalars|Maybe|AlignmentMethod|Unit) =/m;
    expect(readFileSync(abs('src/generated/graphql.ts'), 'utf8')).toMatch(declaresSchemaTypes);
    for (const [out, importLine] of [
      ['src/generated/operations.ts', "import type * as Types from './graphql.ts';"],
      ['../../apps/api/src/graphql/resolvers-types.generated.ts', "import type * as Types from '@convergent/schema';"],
    ] as const) {
      const text = readFileSync(abs(out), 'utf8');
      expect(text, out).not.toMatch(declaresSchemaTypes);
      expect(text.split('\n')[0], out).toBe(importLine);
    }
  });
});
