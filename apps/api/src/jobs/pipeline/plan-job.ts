/**
 * EXPERIMENT job, the pipeline's first step: validate the spec against the data (limits included), and store the
 * engine's plan as Network rows (architectures × seeds, plus untrained chance twins). Completing it creates one
 * TRAIN job per network (pipeline.ts).
 *
 * The rows are written in batches of short statements, not one transaction (store/networks.ts
 * `storePlannedNetworks`): writing them is idempotent (one row per network name), so an attempt that dies half-way
 * leaves rows the retry completes, and nothing reads them before this job has completed.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import { markExperimentRunning } from '../../store/experiments.ts';
import { storePlannedNetworks } from '../../store/networks.ts';
import type { JobContext } from '../job-context.ts';
import { jobPayload, stepPayload } from '../payloads.ts';
import { engineSteps, stepPlan } from './step-context.ts';

export async function runPlanJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { experimentId } = jobPayload(ctx.job, stepPayload);
  // The networks planned now are trained with this engine's random streams (an experiment queued before an upgrade too).
  const { STREAM_VERSION, trainingCosts } = await engineSteps();
  await markExperimentRunning(ctx.prisma, experimentId, 'planning', { streamVersion: STREAM_VERSION });
  ctx.progress({ phase: 'loading data and checking the spec', fraction: 0.1 });
  const plan = await stepPlan(ctx, experimentId);
  await ctx.assertOwner();
  const names = plan.networks.map((n) => n.id);
  // Training cost per network (forward multiply-adds × samples × epochs): TRAIN jobs start with the most
  // expensive, so the cheap ones fill the other cores at the end instead of one big network training alone.
  const costs = await trainingCosts(plan, plan.data.train.count);
  ctx.progress({ phase: `storing ${names.length} planned networks`, fraction: 0.6 });
  await storePlannedNetworks(
    ctx.prisma,
    experimentId,
    plan.networks.map((n) => ({
      name: n.id,
      arch: n.arch.name,
      archSpec: n.arch as unknown as Prisma.InputJsonValue,
      seed: n.seed,
      untrained: n.role === 'untrained',
      epochs: n.role === 'untrained' ? 0 : plan.spec.training.epochs,
    })),
    ctx.signal,
  );
  return { experimentId, networks: names, layers: plan.layers, costs };
}
