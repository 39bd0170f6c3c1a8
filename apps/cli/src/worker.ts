/**
 * `convergent worker`: runs queued jobs from the team database. The job runner lives in the API package (it needs
 * Prisma and pg-boss) and loads on use, so `convergent --help` and the engine's commands do not pay for it.
 */
import type { Command } from '@convergent/engine/cli';

/** `convergent worker`, with its full usage (every option and its default) from the API package. */
export async function loadWorkerCommand(): Promise<Command> {
  const worker = await import('@convergent/api/jobs/worker-command');
  return {
    name: 'worker',
    summary: 'run queued jobs (train, record, align, import) from the team database',
    usage: worker.WORKER_USAGE,
    run: (args, io) => worker.workerCommand(args, io),
  };
}
