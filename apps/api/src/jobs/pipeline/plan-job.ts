/**
 * EXPERIMENT job, the pipeline's first step: validate the spec against the data (limits included), and store the
 * engine's plan as Network rows (architectures × seeds, plus untrained chance twins). Completing it creates one
 * TRAIN job per network (pipeline.ts).
 *
 * The rows are written in batches of short statements, not one transaction (5,000 seeds overran Prisma's 5 s
 * transaction): writing them is idempotent (one row per network name), so an attempt that dies half-way leaves
 * rows the retry completes, and nothing reads them before this job has completed.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { JobContext } from '../job-context.ts';
import { jobPayload, stepPayload } from '../payloads.ts';
import { engineSteps, stepPlan } from './step-context.ts';

/** Rows per statement. */
const BATCH = 500;

export async function runPlanJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { experimentId } = jobPayload(ctx.job, stepPayload);
  // The networks planned now are trained with this engine's random streams (an experiment queued before an upgrade too).
  const { STREAM_VERSION, trainingCosts } = await engineSteps();
  await ctx.prisma.experiment.updateMany({ where: { id: experimentId }, data: { status: 'RUNNING', phase: 'planning', error: null, streamVersion: STREAM_VERSION } });
  ctx.progress({ phase: 'loading data and checking the spec', fraction: 0.1 });
  const plan = await stepPlan(ctx, experimentId);
  await ctx.assertOwner();
  const names = plan.networks.map((n) => n.id);
  // Training cost per network (forward multiply-adds × samples × epochs): TRAIN jobs start with the most
  // expensive, so the cheap ones fill the other cores at the end instead of one big network training alone.
  const costs = await trainingCosts(plan, plan.data.train.count);
  const fieldsOf = (n: (typeof plan.networks)[number]) => ({
    arch: n.arch.name,
    archSpec: n.arch as unknown as Prisma.InputJsonValue,
    seed: n.seed,
    untrained: n.role === 'untrained',
    epochs: n.role === 'untrained' ? 0 : plan.spec.training.epochs,
  });
  ctx.progress({ phase: `storing ${names.length} planned networks`, fraction: 0.6 });
  // Networks of an earlier, different plan would be stale; those of an earlier attempt of this plan are kept.
  const wanted = new Set(names);
  const existing = await ctx.prisma.network.findMany({ where: { experimentId }, select: { id: true, name: true, arch: true, seed: true, untrained: true, epochs: true } });
  const stale = existing.filter((e) => !wanted.has(e.name)).map((e) => e.id);
  for (let i = 0; i < stale.length; i += BATCH) await ctx.prisma.network.deleteMany({ where: { id: { in: stale.slice(i, i + BATCH) } } });
  const have = new Map(existing.map((e) => [e.name, e]));
  const missing = plan.networks.filter((n) => !have.has(n.id));
  for (let i = 0; i < missing.length; i += BATCH) {
    ctx.signal.throwIfAborted();
    await ctx.prisma.network.createMany({ data: missing.slice(i, i + BATCH).map((n) => ({ experimentId, name: n.id, status: 'QUEUED' as const, ...fieldsOf(n) })), skipDuplicates: true });
  }
  for (const n of plan.networks) {
    const e = have.get(n.id);
    const f = fieldsOf(n);
    if (e && (e.arch !== f.arch || e.seed !== f.seed || e.untrained !== f.untrained || e.epochs !== f.epochs)) await ctx.prisma.network.update({ where: { id: e.id }, data: f });
  }
  return { experimentId, networks: names, layers: plan.layers, costs };
}
