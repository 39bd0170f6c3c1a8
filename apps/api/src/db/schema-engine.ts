/**
 * Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), which diffs schemas
 * and databases without the native binary the offline `prisma migrate` cannot download. The package's
 * entry does `import * as wasm from "./x.wasm"` (ESM wasm integration, not enabled in Node 20), so the
 * module is instantiated here by hand against its JS glue.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { DiffTarget, SchemaEngine } from '@prisma/schema-engine-wasm';

// Node has WebAssembly; this project's lib settings (ES2022, no DOM) do not declare it.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let loading: Promise<typeof glue> | undefined;

async function loadGlue(): Promise<typeof glue> {
  // The package exports no package.json; its JS glue sits beside the .wasm.
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, {
    './schema_engine_bg.js': glue,
  });
  const exports = instance.exports as { __wbindgen_start: () => void };
  (glue as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return glue;
}

export interface SchemaEngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/**
 * An adapter for no database: the engine only asks the server's version before a diff between two
 * schemas; it gets PostgreSQL 15 (the oldest server Convergent supports), and nothing else is allowed.
 */
function offlineAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = () => Promise.reject(new Error('offline schema engine: this operation needs a database'));
  const adapter = {
    provider: 'postgres',
    adapterName: 'convergent-offline',
    queryRaw: async (query: { sql: string }) => {
      if (!/version\(\)/.test(query.sql)) return refuse();
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, 'PostgreSQL 15.0', 150000]],
      };
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  } as unknown as SqlDriverAdapter;
  return {
    provider: 'postgres',
    adapterName: 'convergent-offline',
    connect: async () => adapter,
    connectToShadowDb: async () => adapter,
  } as SqlMigrationAwareDriverAdapterFactory;
}

/**
 * A schema engine on `connectionString`, or on no database at all (null: enough for diffs between
 * schemas). `schema` is the Prisma schema it starts from.
 */
export async function openSchemaEngine(connectionString: string | null, schema: string): Promise<SchemaEngineHandle> {
  loading ??= loadGlue();
  const { SchemaEngine: Engine } = await loading;
  const factory = bindMigrationAwareSqlAdapterFactory(
    connectionString === null ? offlineAdapterFactory() : new PrismaPg({ connectionString }),
  );
  const engine = await Engine.new(
    { datamodels: [['schema.prisma', schema]] },
    (log: string) => {
      if (process.env.CONVERGENT_DEBUG_SCHEMA_ENGINE) process.stderr.write(`schema-engine: ${log}\n`);
    },
    factory,
  );
  return {
    engine,
    async close() {
      engine.free();
    },
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** SQL that turns `from` into `to` ('' when they already agree). */
export async function diffSql(handle: SchemaEngineHandle, from: DiffTarget, to: DiffTarget): Promise<string> {
  const result = await handle.engine.diff({ from, to, script: true, exitCode: null, filters: noFilters });
  const sql = result.stdout ?? '';
  return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
}
