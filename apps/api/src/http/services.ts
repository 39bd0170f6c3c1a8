// The services behind the mutations. Imports run through H6's importer (one transaction, idempotent);
// queue operations (createExperiment's jobs, cancel, retry, the embedded worker) go through the job queue of
// apps/api/src/jobs — until that module is wired in here they answer a coded error naming the missing piece.
import type { Database } from '../db/database.ts';
import type { ApiServices } from '../graphql/context.ts';
import { apiError, badInput } from '../graphql/errors.ts';
import { importResult } from '../import/import-result.ts';

export function createDefaultServices(database: Pick<Database, 'prisma'> & Partial<Database>): ApiServices {
  const prisma = database.prisma;
  const noQueue = (what: string) => () => Promise.reject(apiError('INTERNAL_SERVER_ERROR', `${what} needs the job queue, which this API build does not include yet`));
  return {
    queueExperiment: noQueue('createExperiment'),
    cancelJob: noQueue('cancelJob'),
    retryJob: noQueue('retryJob'),
    async importResult(teamId, dir, name) {
      try {
        const outcome = await importResult(prisma, { teamId, dir, name });
        return { experimentId: outcome.experimentId, jobId: null };
      } catch (err) {
        // The importer's errors are about the directory (missing files, bad manifest): the caller's input.
        throw badInput(`Cannot import ${dir}: ${(err as Error).message}`);
      }
    },
    importActivations: noQueue('importActivations'),
    async deleteExperiment(experimentId) {
      await prisma.job.updateMany({ where: { experimentId, status: { in: ['QUEUED', 'RUNNING'] } }, data: { status: 'CANCELLED', finishedAt: new Date() } });
      await prisma.experiment.delete({ where: { id: experimentId } });
    },
    startEmbeddedWorker: noQueue('the embedded worker'),
  };
}
