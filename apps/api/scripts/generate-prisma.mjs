#!/usr/bin/env node
// Generates the Prisma client (apps/api/src/generated/prisma) from prisma/schema.prisma, offline.
// `prisma generate` never runs the native schema engine, but the CLI insists on finding one and tries to
// download it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops that. Skips the work when
// the schema has not changed since the last generation (stamp file holds its hash).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// `--force`: generate even when the stamp says the schema is unchanged. node:util's parseArgs (the engine's parser
// sits on it, but this runs before anything is built): an unknown option is one line and exit 2.
let force;
try {
  force = parseArgs({ options: { force: { type: 'boolean' } } }).values.force === true;
} catch (err) {
  process.stderr.write(`generate-prisma: ${err.message}; usage: node apps/api/scripts/generate-prisma.mjs [--force]\n`);
  process.exit(2);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const schemaPath = path.join(repoRoot, 'prisma/schema.prisma');
const outDir = path.join(repoRoot, 'apps/api/src/generated/prisma');
const stampPath = path.join(outDir, '.schema-hash');

const require = createRequire(import.meta.url);
const prismaPkg = require.resolve('prisma/package.json');
const prismaVersion = JSON.parse(readFileSync(prismaPkg, 'utf8')).version;
const hash = createHash('sha256')
  .update(readFileSync(schemaPath))
  .update(prismaVersion)
  .digest('hex');

if (!force && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === hash) {
  process.exit(0);
}

const cli = path.join(path.dirname(prismaPkg), 'build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate', '--config', path.join(repoRoot, 'prisma.config.ts')], {
  cwd: repoRoot,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
if (result.status !== 0) {
  process.stderr.write(result.stdout + result.stderr);
  process.stderr.write(`generate-prisma: prisma generate failed (exit ${result.status}); fix prisma/schema.prisma\n`);
  process.exit(1);
}
writeFileSync(stampPath, hash);
process.stdout.write(`generate-prisma: Prisma client generated in ${path.relative(repoRoot, outDir)}\n`);
