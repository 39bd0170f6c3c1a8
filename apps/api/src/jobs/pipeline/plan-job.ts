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
  // Training cost per network (forward multiply-adds × samples × epochs): TRAIN jobs start with the most
  // expensive, so the cheap ones fill the other cores at the end instead of one big network training alone.
  const [{ selectBackend }, { buildModel, forwardMultiplyAdds }] = await Promise.all([import('@convergent/engine/backend/select-backend'), import('@convergent/engine/spec/build-model')]);
  await selectBackend();
  const perSample = new Map<string, number>();
  for (const arch of plan.archs) {
    const { model } = buildModel(arch, 0);
    perSample.set(arch.name, forwardMultiplyAdds(model));
    model.dispose();
  }
  const samples = Math.min(plan.data.train.count, plan.spec.training.trainLimit ?? Infinity);
  const costs = Object.fromEntries(plan.networks.map((n) => [n.id, n.role === 'untrained' ? 0 : perSample.get(n.arch.name)! * samples * plan.spec.training.epochs]));
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
  return { experimentId, networks: names, layers: plan.layers, costs };
}
