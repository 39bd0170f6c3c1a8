/**
 * `convergent worker [--database-url URL] [--concurrency N] [--work-dir DIR]`: runs jobs until Ctrl-C.
 * The engine's CLI registers this command and loads this module with a dynamic import (the engine does
 * not depend on the API package at build time). Returns the exit code; prints one-line errors.
 */
import { parseArgs } from '@convergent/engine/cli';
import { embeddedDatabaseUrl, redact } from '../db/database.ts';
import { runWorker } from './worker.ts';

export const WORKER_USAGE = `usage: convergent worker [--database-url URL] [--concurrency N] [--work-dir DIR]

Runs training, recording, alignment and import jobs from the shared queue until Ctrl-C (a running job is
interrupted and resumes from its last checkpoint, on this or another worker).

  --database-url URL  PostgreSQL URL of the team's database (default: $DATABASE_URL, else the embedded
                      database of a \`npm start\` running in this folder)
  --concurrency N     jobs at once (default: one per CPU core; a TRAIN job trains one network in a
                      worker thread of its own)
  --work-dir DIR      scratch folder for checkpoints (default .convergent/work)
`;

export interface WorkerCommandIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export async function workerCommand(args: readonly string[], io: WorkerCommandIO = process): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(WORKER_USAGE);
    return 0;
  }
  let databaseUrl: string | undefined;
  let concurrency: number | undefined;
  let workDir: string | undefined;
  try {
    // The repository's one option parser (engine cli/command.ts); the usage follows the error, so no hint.
    const { positionals, options } = parseArgs(args, { 'database-url': 'string', 'work-dir': 'string', concurrency: 'string' }, {});
    if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}`);
    if (typeof options['database-url'] === 'string') databaseUrl = options['database-url'];
    if (typeof options['work-dir'] === 'string') workDir = options['work-dir'];
    const v = options.concurrency;
    if (typeof v === 'string') {
      concurrency = Number(v);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error(`--concurrency must be a whole number from 1 to 64 (got ${v})`);
    }
  } catch (err) {
    io.stderr.write(`convergent worker: ${(err as Error).message}\n${WORKER_USAGE}`);
    return 2;
  }
  const url = databaseUrl ?? process.env.DATABASE_URL ?? embeddedDatabaseUrl();
  if (!url) {
    io.stderr.write('convergent worker: no database: pass --database-url postgresql://user@host:5432/db, set DATABASE_URL, or start `npm start` in this folder first\n');
    return 2;
  }
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    io.stderr.write('convergent worker: stopping (running jobs resume later)...\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    io.stderr.write(`convergent worker: connecting to ${redact(url)}\n`);
    await runWorker({
      databaseUrl: url,
      ...(concurrency !== undefined ? { concurrency } : {}),
      signal: controller.signal,
      ...(workDir ? { workDir } : {}),
      log: (m) => io.stderr.write(`convergent worker: ${m}\n`),
    });
    return 0;
  } catch (err) {
    io.stderr.write(`convergent worker: ${(err as Error).message}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
