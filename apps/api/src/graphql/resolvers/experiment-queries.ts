// Queries that several resolver modules share (Team/Experiment fields, the root query, compare, convergence).
// A leaf among the resolvers: it imports none of them, so they do not import each other in a circle.
import type { ApiContext } from '../context.ts';
import { pageOf, toConnection } from '../connection.ts';
import type { NetworkRow } from '../models.ts';
import type { ExperimentStatus, JobStatus } from '@convergent/schema';

/** Trained networks of an experiment, sorted by architecture then seed. */
export async function trainedNetworks(ctx: ApiContext, experimentId: string): Promise<NetworkRow[]> {
  return (await ctx.loaders.networksOfExperiment.load(experimentId)).filter((n) => !n.untrained);
}

/** Recorded layer names of an experiment in network order (by the smallest index a name has). */
export async function experimentLayerNames(ctx: ApiContext, experimentId: string): Promise<string[]> {
  return ctx.loaders.layerNamesOfExperiment.load(experimentId);
}

export async function experimentsConnection(
  ctx: ApiContext,
  args: { first?: number | null; after?: string | null; status?: ExperimentStatus | null },
) {
  const page = pageOf(args.first, args.after, 20);
  const where = { teamId: ctx.teamId, ...(args.status ? { status: args.status } : {}) };
  const rows = await ctx.prisma.experiment.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: page.skip, take: page.take });
  for (const r of rows) ctx.loaders.experiment.prime(r.id, r);
  return toConnection(rows, page, () => ctx.prisma.experiment.count({ where }));
}

export async function jobsConnection(
  ctx: ApiContext,
  args: { first?: number | null; after?: string | null; experimentId?: string | null; status?: JobStatus | null },
) {
  const page = pageOf(args.first, args.after, 20);
  const where = {
    teamId: ctx.teamId,
    ...(args.experimentId ? { experimentId: args.experimentId } : {}),
    ...(args.status ? { status: args.status } : {}),
  };
  const rows = await ctx.prisma.job.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: page.skip, take: page.take });
  return toConnection(rows, page, () => ctx.prisma.job.count({ where }));
}
