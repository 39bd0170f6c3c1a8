/**
 * `convergent worker`: runs queued jobs from the team database. The job runner lives in the API package (it needs
 * Prisma and pg-boss) and loads on use, so `convergent --help` and the engine's commands do not pay for it.
 */
import type { Command } from '@convergent/engine/cli';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run queued jobs (train, record, align, import) from the team database',
  usage: 'usage: convergent worker [--database-url URL] [--concurrency N] [--work-dir DIR]  (see --help)',
  async run(args, io) {
    const worker = await import('@convergent/api/jobs/worker-command');
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(worker.WORKER_USAGE);
      return 0;
    }
    return worker.workerCommand(args, io);
  },
};
