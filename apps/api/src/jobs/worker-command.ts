/**
 * `convergent worker [--database-url URL] [--concurrency N] [--work-dir DIR]`: runs jobs until Ctrl-C.
 * The engine's CLI registers this command and loads this module with a dynamic import (the engine does
 * not depend on the API package at build time). Returns the exit code; prints one-line errors.
 */
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
  let databaseUrl: string | undefined;
  let concurrency: number | undefined;
  let workDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
      return v;
    };
    try {
      if (arg === '--help' || arg === '-h') {
        io.stdout.write(WORKER_USAGE);
        return 0;
      } else if (arg === '--database-url') databaseUrl = value();
      else if (arg === '--work-dir') workDir = value();
      else if (arg === '--concurrency') {
        const v = value();
        concurrency = Number(v);
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error(`--concurrency must be a whole number from 1 to 64 (got ${v})`);
      } else throw new Error(`unknown option ${arg}`);
    } catch (err) {
      io.stderr.write(`convergent worker: ${(err as Error).message}\n${WORKER_USAGE}`);
      return 2;
    }
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
