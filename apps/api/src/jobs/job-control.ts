/**
 * Cancel and retry a job. Kept apart from `queue.ts` because a step of a spec experiment is cancelled or retried
 * with its whole pipeline (`pipeline/pipeline.ts`), and the pipeline itself queues through `queue.ts`.
 */
import type PgBoss from 'pg-boss';
import type { Job, PrismaClient } from '../generated/prisma/client.ts';
import { cancelPipeline, isPipelineJob, retryPipeline } from './pipeline/pipeline.ts';
import { QUEUE_NAMES, sendToBoss } from './queue.ts';

/** Cancel: the Job row says CANCELLED at once; a running worker sees it at its next heartbeat and stops. */
export async function cancelJob(prisma: PrismaClient, boss: PgBoss, jobId: string): Promise<Job> {
  const job = await prisma.job.update({
    where: { id: jobId },
    data: { status: 'CANCELLED', phase: 'cancelled', finishedAt: new Date(), etaSeconds: null },
  });
  if (job.bossId) await boss.cancel(QUEUE_NAMES[job.kind], job.bossId).catch(() => {});
  // Cancelling any step of a spec experiment stops the whole experiment.
  if (isPipelineJob(job)) await cancelPipeline(prisma, boss, job.experimentId!);
  return job;
}

/** Retry a FAILED or CANCELLED job: a fresh set of attempts, queued again. */
export async function retryJob(prisma: PrismaClient, boss: PgBoss, jobId: string): Promise<Job> {
  const before = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  if (isPipelineJob(before)) {
    // Retrying a step of a spec experiment retries every stopped step of it and carries the pipeline on.
    await retryPipeline(prisma, boss, before.experimentId!);
    return prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  }
  const job = await prisma.job.update({
    where: { id: jobId },
    data: { status: 'QUEUED', error: null, phase: 'queued', fraction: 0, etaSeconds: null, attempts: 0, finishedAt: null, workerId: null },
  });
  return sendToBoss(prisma, boss, job);
}
