/**
 * `convergent worker`: runs queued jobs from the team database. The job runner lives in the API package
 * (it needs Prisma and pg-boss); the engine does not depend on it at build time, so it is loaded on use.
 */
import { CliError, type Command } from './command.ts';

interface WorkerModule {
  workerCommand(args: readonly string[], io: { stdout: { write(t: string): unknown }; stderr: { write(t: string): unknown } }): Promise<number>;
  WORKER_USAGE: string;
}

const API_WORKER = '@convergent/api/jobs/worker-command';

async function loadWorker(): Promise<WorkerModule> {
  try {
    return (await import(/* @vite-ignore */ API_WORKER)) as WorkerModule;
  } catch (err) {
    throw new CliError(`convergent worker needs the @convergent/api package (${(err as Error).message.split('\n')[0]}); run it from a checkout with \`npm ci\` done`);
  }
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run queued jobs (train, record, align, import) from the team database',
  usage: 'usage: convergent worker [--database-url URL] [--concurrency N] [--work-dir DIR]  (see --help)',
  async run(args, io) {
    const worker = await loadWorker();
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(worker.WORKER_USAGE);
      return 0;
    }
    return worker.workerCommand(args, io);
  },
};
