/**
 * Test helper process: a `convergent worker` on argv[2] (database URL) with scratch folder argv[3],
 * training on the tiny synthetic data. Tests SIGKILL it mid-job.
 */
import { tinyData } from '../../import/test-fixtures/tiny-experiment.ts';
import { startWorker } from '../worker.ts';

await startWorker({
  databaseUrl: process.argv[2]!,
  workDir: process.argv[3]!,
  loadData: async () => tinyData(),
  trainConcurrency: 1,
  heartbeatSeconds: 0.5,
  staleSeconds: 3,
  pollSeconds: 0.3,
  log: (m) => process.stdout.write(`${m}\n`),
});
