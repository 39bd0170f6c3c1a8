/**
 * EXPERIMENT job, the pipeline's first step: validate the spec against the data, and store the engine's plan as
 * Network rows (architectures × seeds, plus untrained chance twins), in one transaction. Completing it creates one
 * TRAIN job per network (pipeline.ts).
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { JobContext } from '../job-context.ts';
import { payloadField, stepPlan } from './step-context.ts';

export async function runPlanJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const experimentId = payloadField(ctx, 'experimentId');
  await ctx.prisma.experiment.updateMany({ where: { id: experimentId }, data: { status: 'RUNNING', phase: 'planning', error: null } });
  ctx.progress({ phase: 'loading data and checking the spec', fraction: 0.1 });
  const plan = await stepPlan(ctx, experimentId);
  await ctx.assertOwner();
  const names = plan.networks.map((n) => n.id);
  await ctx.prisma.$transaction(async (tx) => {
    for (const n of plan.networks) {
      const fields = {
        arch: n.arch.name,
        archSpec: n.arch as unknown as Prisma.InputJsonValue,
        seed: n.seed,
        untrained: n.role === 'untrained',
        epochs: n.role === 'untrained' ? 0 : plan.spec.training.epochs,
      };
      await tx.network.upsert({
        where: { experimentId_name: { experimentId, name: n.id } },
        create: { experimentId, name: n.id, status: 'QUEUED', ...fields },
        update: fields,
      });
    }
    // Networks of an earlier, different plan would be stale.
    await tx.network.deleteMany({ where: { experimentId, name: { notIn: names } } });
  });
  return { experimentId, networks: names, layers: plan.layers };
}
