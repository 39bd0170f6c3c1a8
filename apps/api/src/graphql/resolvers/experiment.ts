// Team, Experiment, ArchitectureGroup and Job fields.
import type {
  ArchitectureGroupResolvers,
  ExperimentResolvers,
  JobResolvers,
  TeamResolvers,
  ViewerResolvers,
} from '../resolvers-types.generated.ts';
import type { ApiContext } from '../context.ts';
import type { ArchitectureGroupRow, NetworkRow } from '../models.ts';
import { connectionFromArray } from '../connection.ts';
import { isHeadlineMetric } from '../mapping.ts';
import { experimentLayerNames, experimentsConnection, jobsConnection, trainedNetworks } from './experiment-queries.ts';
import { layerConvergence } from './convergence.ts';
import { experimentFindings } from './findings.ts';
import { consensusOfExperiment, stitchingOfExperiment } from './consensus-stitching.ts';
import { pipelineProgress } from '../pipeline-progress.ts';

export const Viewer: ViewerResolvers<ApiContext> = {};

export const Team: TeamResolvers<ApiContext> = {
  experiments: (_t, args, ctx) => experimentsConnection(ctx, args),
};

export const Experiment: ExperimentResolvers<ApiContext> = {
  phase: (e) => (e.status === 'RUNNING' ? e.phase : null),
  networkCount: async (e, _a, ctx) => (await trainedNetworks(ctx, e.id)).length,
  layerNames: (e, _a, ctx) => experimentLayerNames(ctx, e.id),
  progress: async (e, _a, ctx) => {
    if (e.status === 'COMPLETED') return 1;
    const jobs = await ctx.loaders.jobProgressOfExperiment.load(e.id);
    if (jobs.length === 0) return null;
    // A spec experiment's steps weigh by their share of the work; other experiments average their jobs.
    return pipelineProgress(jobs) ?? jobs.reduce((s, j) => s + j.fraction, 0) / jobs.length;
  },
  architectures: async (e, _a, ctx) => {
    const groups = new Map<string, NetworkRow[]>();
    for (const n of await trainedNetworks(ctx, e.id)) {
      const g = groups.get(n.arch);
      if (g) g.push(n);
      else groups.set(n.arch, [n]);
    }
    return [...groups].map(([architecture, networks]) => ({ architecture, networks }));
  },
  networks: async (e, args, ctx) => {
    let all = await ctx.loaders.networksOfExperiment.load(e.id);
    if (!args.includeUntrained) all = all.filter((n) => !n.untrained);
    if (args.architecture) all = all.filter((n) => n.arch === args.architecture);
    return connectionFromArray(all, args.first, args.after, 50);
  },
  jobs: (e, args, ctx) => jobsConnection(ctx, { ...args, experimentId: e.id }),
  convergence: (e, { method, includeDead, variant }, ctx) => layerConvergence(ctx, e.id, method, includeDead ?? false, variant ?? 'DEFAULT'),
  findings: (e, _a, ctx) => experimentFindings(ctx, e.id),
  chanceBaselines: async (e, _a, ctx) => {
    const rows = await ctx.loaders.chanceBaselinesOfExperiment.load(e.id);
    return rows
      .filter((r) => isHeadlineMetric(r.method, r.metric))
      .map((r) => ({ layer: r.layerName, method: r.method, architecture: r.architecture || null, value: r.value, source: r.source }));
  },
  consensus: (e, { layer }, ctx) => consensusOfExperiment(ctx, e.id, layer),
  stitching: (e, { layer }, ctx) => stitchingOfExperiment(ctx, e.id, layer),
  probeImageCount: (e) => e.probeCount,
  // Version 2 is the first whose streams derive from the network's identity; imported activations were never
  // trained here, so their streams are not ours to label.
  legacyStreams: (e) => e.source !== 'ACTIVATIONS' && e.streamVersion < 2,
  probeImageUrl: (e, _a, ctx) => ctx.links.url(`probe/${e.id}`, '{index}.png'),
};

export const ArchitectureGroup: ArchitectureGroupResolvers<ApiContext> = {
  seeds: (g: ArchitectureGroupRow) => g.networks.map((n) => n.seed),
};

export const Job: JobResolvers<ApiContext> = {
  experiment: (j, _a, ctx) => (j.experimentId ? ctx.loaders.experiment.load(j.experimentId) : null),
  network: (j, _a, ctx) => (j.networkId ? ctx.loaders.network.load(j.networkId) : null),
};
