import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, redact, type Database } from '../db/database.ts';
import { workerCommand } from './worker-command.ts';
import { captureIo } from '@convergent/engine/testing';

const here = path.dirname(fileURLToPath(import.meta.url));
// The child runs in another folder, where the bare specifier `tsx` would not resolve.
const tsxLoader = createRequire(import.meta.url).resolve('tsx');


describe('convergent worker', () => {
  let cwd: string;
  let db: Database;
  beforeAll(async () => {
    // An embedded database in <cwd>/.convergent/db, as `npm start` leaves it.
    cwd = mkdtempSync(path.join(os.tmpdir(), 'cv-worker-cmd-'));
    db = await openDatabase({ dataDir: path.join(cwd, '.convergent/db') });
  });
  afterAll(async () => {
    await db?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('rejects bad arguments with a one-line reason and exit code 2', async () => {
    const c = captureIo();
    expect(await workerCommand(['--concurrency', 'many'], c.io)).toBe(2);
    expect(c.err()).toMatch(/--concurrency must be a whole number from 1 to 64 \(got many\)/);
    const d = captureIo();
    expect(await workerCommand(['--bogus'], d.io)).toBe(2);
    expect(d.err()).toMatch(/unknown option --bogus/);
  });

  it('finds the embedded database of this folder, runs until SIGINT, and exits 0', async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', tsxLoader, path.join(here, 'test-fixtures/worker-command-process.ts'), '--work-dir', path.join(cwd, 'work')], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/taking ALIGN, RECORD, IMPORT, EXPERIMENT, TRAIN jobs/.test(err)) resolve();
      });
      child.on('exit', () => reject(new Error(`worker exited early: ${err}`)));
    });
    // The embedded database's URL carries its password: the worker prints it redacted.
    expect(err).toContain(`connecting to ${redact(db.connectionString)}`);
    expect(err).not.toContain(new URL(db.connectionString).password);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(err).toMatch(/stopped/);
  });
});
