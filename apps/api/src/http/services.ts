// The services behind the mutations, over the job queue and importer of apps/api/src/jobs and
// apps/api/src/import (H6). TEMPORARY until those modules land: queue operations report that the job queue is
// not available in this build.
import type { Database } from '../db/database.ts';
import type { ApiServices } from '../graphql/context.ts';
import { apiError } from '../graphql/errors.ts';

export function createDefaultServices(database: Pick<Database, 'prisma'> & Partial<Database>): ApiServices {
  const prisma = database.prisma;
  const unavailable = (what: string) => () => Promise.reject(apiError('INTERNAL_SERVER_ERROR', `${what}: the job queue is not available in this build`));
  return {
    queueExperiment: unavailable('createExperiment'),
    cancelJob: unavailable('cancelJob'),
    retryJob: unavailable('retryJob'),
    importResult: unavailable('importResult'),
    importActivations: unavailable('importActivations'),
    async deleteExperiment(experimentId) {
      await prisma.experiment.delete({ where: { id: experimentId } });
    },
    startEmbeddedWorker: unavailable('embedded worker'),
  };
}
