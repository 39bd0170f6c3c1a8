// Root query fields. Every lookup is team-scoped through the loaders or an explicit teamId filter.
import type { QueryResolvers } from '../resolvers-types.generated.ts';
import { notFound } from '../errors.ts';
import { oriented } from '../orientation.ts';
import { layerConvergence } from './convergence.ts';
import { compare } from './compare.ts';
import { experimentsConnection, jobsConnection } from './experiment-queries.ts';
import { checkExperimentInput } from './mutation.ts';
import { BUILTIN_DATASETS } from '@convergent/engine/contracts';
import { METHODS, OPTIMIZERS, PAPER_METHODS } from '@convergent/engine/contracts';
import { PRESET_NAMES } from '@convergent/engine/contracts';
import type { ApiContext } from '../context.ts';
import type { AlignmentRow } from '../models.ts';

export async function loadTeam(ctx: ApiContext) {
  const team = await ctx.loaders.team.load(ctx.teamId);
  if (!team) throw notFound('Team', ctx.teamId);
  return team;
}

/** Parse a Unit id (integer key in the database); anything else is simply not found. */
export function unitKey(id: string): number | null {
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}

export const Query: QueryResolvers<ApiContext> = {
  validateSpec: (_p, { name, spec }, ctx) => {
    try {
      const checked = checkExperimentInput(ctx, name, spec);
      const networkCount = checked.spec.architectures.reduce<number>((n, a) => {
        const archName = typeof a === 'string' ? a : a.name;
        return n + (checked.spec.seedsByArchitecture[archName]?.length ?? checked.spec.seeds.length);
      }, 0);
      return { ok: true, problems: [], networkCount, methods: checked.spec.methods };
    } catch (err) {
      const ext = (err as { extensions?: { code?: unknown; errors?: unknown } }).extensions;
      if (ext?.code !== 'BAD_USER_INPUT') throw err;
      const list = Array.isArray(ext.errors) ? ext.errors.map(String) : [];
      return { ok: false, problems: list.length > 0 ? list : [(err as Error).message], networkCount: null, methods: null };
    }
  },
  specOptions: () => ({ datasets: [...BUILTIN_DATASETS], architectures: [...PRESET_NAMES], methods: [...METHODS], defaultMethods: [...PAPER_METHODS], optimizers: [...OPTIMIZERS] }),
  viewer: async (_p, _a, ctx) => ({ team: await loadTeam(ctx), tokenName: ctx.tokenName, role: ctx.credential.role, credentialKind: ctx.credential.kind }),
  team: (_p, _a, ctx) => loadTeam(ctx),
  experiments: (_p, args, ctx) => experimentsConnection(ctx, args),
  experiment: async (_p, { id }, ctx) => (await ctx.loaders.experiment.load(id)) ?? Promise.reject(notFound('Experiment', id)),
  network: async (_p, { id }, ctx) => (await ctx.loaders.network.load(id)) ?? Promise.reject(notFound('Network', id)),
  layer: async (_p, { id }, ctx) => (await ctx.loaders.layer.load(id)) ?? Promise.reject(notFound('Layer', id)),
  unit: async (_p, { id }, ctx) => {
    const key = unitKey(id);
    const unit = key === null ? null : await ctx.loaders.unit.load(key);
    if (!unit) throw notFound('Unit', id);
    return unit;
  },
  alignmentById: async (_p, { id }, ctx) => (await ctx.loaders.alignment.load(id)) ?? Promise.reject(notFound('Alignment', id)),
  alignment: async (_p, { networkA, networkB, layer, method }, ctx) => {
    const [a, b] = await Promise.all([ctx.loaders.network.load(networkA), ctx.loaders.network.load(networkB)]);
    if (!a) throw notFound('Network', networkA);
    if (!b) throw notFound('Network', networkB);
    // Hand-written SQL on this hot path (see loaders.ts for why).
    const [row] = await ctx.read<AlignmentRow>(
      `SELECT * FROM "Alignment"
      WHERE "experimentId" IN ($1, $6) AND "layerName" = $2 AND method = CAST($3 AS "AlignmentMethod") AND status = 'COMPLETED'
        AND (("networkAId" = $4 AND "networkBId" = $5) OR ("networkAId" = $5 AND "networkBId" = $4))
      ORDER BY "completedAt" DESC NULLS LAST, "createdAt" DESC LIMIT 1`,
      [a.experimentId, layer, method, a.id, b.id, b.experimentId],
    );
    return row ? oriented(row, a.id) : null;
  },
  layerConvergence: async (_p, { experimentId, method, includeDead, variant }, ctx) => {
    const exp = await ctx.loaders.experiment.load(experimentId);
    if (!exp) throw notFound('Experiment', experimentId);
    return layerConvergence(ctx, exp.id, method, includeDead ?? false, variant ?? 'DEFAULT');
  },
  compare: (_p, args, ctx) => compare(ctx, args.kind, args.reference, [...args.others], args.method),
  job: async (_p, { id }, ctx) => (await ctx.loaders.job.load(id)) ?? Promise.reject(notFound('Job', id)),
  jobs: async (_p, args, ctx) => {
    if (args.experimentId && !(await ctx.loaders.experiment.load(args.experimentId))) throw notFound('Experiment', args.experimentId);
    return jobsConnection(ctx, args);
  },
};
