// Mutations: validate input here (coded errors, nothing written on bad input), then hand the work to the
// services (jobs, importer) from ctx.services.
import { createHash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { validateExperimentSpec, type ResolvedExperimentSpec } from '@convergent/engine/contracts';
import { BUILTIN_DATASETS } from '@convergent/engine/contracts';
import { DEFAULT_SPEC_LIMITS } from '@convergent/engine/contracts';
import { STREAM_VERSION } from '@convergent/engine/contracts';
import type { MutationResolvers } from '../resolvers-types.generated.ts';
import type { ApiContext } from '../context.ts';
import { badInput, notFound } from '../errors.ts';
import { GraphQLError } from '../graphql-runtime.ts';
import { alignability } from '../../alignability/alignability.ts';
import { alignSide } from '../../alignability/align-side.ts';
import { createExperiment, deleteExperiment, setExperimentSpecHash } from '../../store/experiments.ts';

/** JSON with object keys sorted: equal values give equal text (for hashing). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Resolve a client-given path on this machine and check it lies inside one of the caller's team's import roots
 * (Team.importRoots; symlinks resolved): the API must not become a way to read arbitrary files, nor to learn
 * whether a path exists. A path outside the roots, a missing one and one of the wrong type all get the same
 * BAD_USER_INPUT answer; only a relative path is told apart (that says nothing about the server).
 */
export function checkImportPath(ctx: ApiContext, given: string, what: 'directory' | 'file'): string {
  if (!path.isAbsolute(given)) throw badInput(`${what} path must be absolute (got ${JSON.stringify(given)})`);
  const roots = ctx.importRoots.flatMap((r) => {
    const resolved = path.resolve(r);
    try {
      const real = realpathSync(resolved);
      return real === resolved ? [resolved] : [resolved, real];
    } catch {
      return [resolved];
    }
  });
  const inside = (p: string) => roots.some((root) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  const refused = () =>
    badInput(
      ctx.importRoots.length === 0
        ? `${JSON.stringify(given)}: team ${ctx.teamName} has no import roots, so it cannot import from paths on the API server; the server's operator sets them with \`convergent team import-roots ${ctx.teamName} DIR\``
        : `${JSON.stringify(given)} is not an existing ${what} inside team ${ctx.teamName}'s import roots (${ctx.importRoots.join(', ')}); check the path, and that it lies inside one of them`,
      { field: 'path' },
    );
  const lexical = path.resolve(given);
  if (!inside(lexical)) throw refused();
  let real: string;
  try {
    real = realpathSync(lexical);
    if (!inside(real)) throw refused();
    const st = statSync(real);
    if (what === 'directory' ? !st.isDirectory() : !st.isFile()) throw refused();
  } catch {
    throw refused();
  }
  return real;
}

/** Size of one imported activation file (it is streamed, never held whole). */
export const MAX_ACTIVATION_FILE_BYTES = 16 * 2 ** 30;

/**
 * Every check createExperiment makes before it writes anything (the `validateSpec` query runs the same function, so
 * the dashboard's live validation and the mutation can never disagree): the name, the engine's spec validator with
 * this server's limits, a built-in dataset name (workers load datasets by name, so a typo like "fashion_mnist"
 * fails here instead of seconds later in a job), and dataset files inside the team's import roots.
 */
export function checkExperimentInput(ctx: ApiContext, givenName: string, given: unknown) {
  const name = givenName.trim();
  if (!name || name.length > 200) throw badInput('name must be 1 to 200 characters', { field: 'name' });
  let spec: ResolvedExperimentSpec;
  try {
    spec = validateExperimentSpec(given, ctx.specLimits);
  } catch (err) {
    const errors = (err as { errors?: unknown }).errors;
    throw badInput(`Invalid experiment spec: ${(err as Error).message}`, { field: 'spec', ...(Array.isArray(errors) ? { errors } : {}) });
  }
  // A dataset given as files is read by workers on this side: same import-root rule as importResult.
  let datasetName: string;
  if (typeof spec.dataset === 'string') {
    if (!(BUILTIN_DATASETS as readonly string[]).includes(spec.dataset)) {
      const message = `"${spec.dataset}" is not a built-in dataset; use one of ${BUILTIN_DATASETS.join(', ')} or { "npy": { "images", "labels" } } / { "idx": { "images", "labels" } }`;
      throw badInput(`Invalid experiment spec: dataset: ${message}`, { field: 'spec', errors: [`dataset ${message}`] });
    }
    datasetName = spec.dataset;
  } else {
    const files = 'npy' in spec.dataset ? spec.dataset.npy : spec.dataset.idx;
    checkImportPath(ctx, files.images, 'file');
    checkImportPath(ctx, files.labels, 'file');
    datasetName = spec.dataset.name ?? path.basename(files.images);
  }
  return { name, spec, datasetName };
}

export const Mutation: MutationResolvers<ApiContext> = {
  createExperiment: async (_p, { input }, ctx) => {
    const { name, spec, datasetName } = checkExperimentInput(ctx, input.name, input.spec);
    const specHash = createHash('sha256').update(canonicalJson({ name, spec })).digest('hex');
    const existing = await ctx.prisma.experiment.findFirst({ where: { teamId: ctx.teamId, specHash, source: 'SPEC' }, select: { id: true, status: true } });
    if (existing && (existing.status === 'FAILED' || existing.status === 'CANCELLED')) {
      // Submitting again after a failure starts afresh; the failed experiment stays (with its error) under another key.
      await setExperimentSpecHash(ctx.prisma, existing.id, `${existing.status.toLowerCase()}:${existing.id}:${specHash}`);
    } else if (existing) throw badInput(`An experiment named ${JSON.stringify(name)} with this exact spec already exists (${existing.id}); rename it or delete the old one`, { existingId: existing.id });
    const experiment = await createExperiment(ctx.prisma, {
      teamId: ctx.teamId,
      name,
      dataset: datasetName,
      probe: JSON.parse(JSON.stringify(spec.split)),
      probeCount: spec.split.probe,
      // Its networks will be trained by this engine, with its random streams.
      streamVersion: STREAM_VERSION,
      spec: JSON.parse(JSON.stringify(spec)),
      specHash,
      source: 'SPEC',
      status: 'QUEUED',
    });
    let jobIds: string[];
    try {
      jobIds = await ctx.services.queueExperiment(experiment.id);
    } catch (err) {
      // Nothing half-made: an experiment whose jobs could not be queued is removed again.
      await deleteExperiment(ctx.prisma, experiment.id, { quiet: true });
      throw err;
    }
    const jobs = jobIds.length ? await ctx.prisma.job.findMany({ where: { id: { in: jobIds } }, orderBy: { createdAt: 'asc' } }) : [];
    return { experiment, jobs };
  },
  cancelJob: async (_p, { id }, ctx) => {
    const job = await ctx.loaders.job.load(id);
    if (!job) throw notFound('Job', id);
    if (job.status === 'COMPLETED' || job.status === 'FAILED' || job.status === 'CANCELLED') {
      throw badInput(`Job ${id} is already ${job.status.toLowerCase()}; only queued or running jobs can be cancelled`);
    }
    await ctx.services.cancelJob(id);
    return ctx.prisma.job.findUniqueOrThrow({ where: { id } });
  },
  retryJob: async (_p, { id }, ctx) => {
    const job = await ctx.loaders.job.load(id);
    if (!job) throw notFound('Job', id);
    if (job.status !== 'FAILED' && job.status !== 'CANCELLED') throw badInput(`Job ${id} is ${job.status.toLowerCase()}; only failed or cancelled jobs can be retried`);
    await ctx.services.retryJob(id);
    return ctx.prisma.job.findUniqueOrThrow({ where: { id } });
  },
  importResult: async (_p, { input }, ctx) => {
    const dir = checkImportPath(ctx, input.path, 'directory');
    let imported: { experimentId: string; jobId: string | null };
    try {
      imported = await ctx.services.importResult(ctx.teamId, dir, input.name ?? null);
    } catch (err) {
      // The importer's errors are about the directory (missing files, bad manifest): the caller's input.
      if (err instanceof GraphQLError) throw err;
      throw badInput(`Cannot import ${input.path}: ${(err as Error).message}`);
    }
    const { experimentId, jobId } = imported;
    const experiment = await ctx.prisma.experiment.findFirstOrThrow({ where: { id: experimentId, teamId: ctx.teamId } });
    const job = jobId ? await ctx.prisma.job.findUnique({ where: { id: jobId } }) : null;
    return { experiment, job };
  },
  importActivations: async (_p, { input }, ctx) => {
    const name = input.name.trim();
    if (!name) throw badInput('name must not be empty');
    if (input.networks.length < 2) throw badInput(`importActivations needs at least 2 networks to align (got ${input.networks.length})`);
    const limits = ctx.specLimits ?? DEFAULT_SPEC_LIMITS;
    if (input.networks.length > limits.maxNetworks) throw badInput(`networks: ${input.networks.length} networks, over the limit of ${limits.maxNetworks} per experiment`);
    // Pairs aligned: every two networks that share a layer name, at that layer.
    const perLayer = new Map<string, number>();
    for (const n of input.networks) for (const l of new Set(n.layers.map((x) => x.name))) perLayer.set(l, (perLayer.get(l) ?? 0) + 1);
    const pairs = [...perLayer.values()].reduce((a, k) => a + (k * (k - 1)) / 2, 0);
    if (pairs > limits.maxAlignmentPairs) throw badInput(`networks: ${pairs} network pairs to align, over the limit of ${limits.maxAlignmentPairs}; import fewer networks or layers`);
    const names = new Set<string>();
    const networks = input.networks.map((n) => {
      if (names.has(n.name)) throw badInput(`Duplicate network name ${JSON.stringify(n.name)}`);
      names.add(n.name);
      if (n.layers.length === 0) throw badInput(`Network ${JSON.stringify(n.name)} has no layers`);
      return {
        name: n.name,
        architecture: n.architecture,
        seed: n.seed,
        layers: n.layers.map((l) => {
          if (!l.path.endsWith('.npy')) throw badInput(`Layer ${n.name}/${l.name}: expected a .npy file (got ${JSON.stringify(l.path)})`);
          const real = checkImportPath(ctx, l.path, 'file');
          const size = statSync(real).size;
          if (size > MAX_ACTIVATION_FILE_BYTES) {
            throw badInput(`Layer ${n.name}/${l.name}: ${JSON.stringify(l.path)} is ${(size / 2 ** 30).toFixed(1)} GiB, over the limit of ${MAX_ACTIVATION_FILE_BYTES / 2 ** 30} GiB per activation file`);
          }
          return { name: l.name, path: real };
        }),
      };
    });
    const { experimentId, jobId } = await ctx.services.importActivations(ctx.teamId, {
      name,
      dataset: input.dataset ?? 'external',
      layout: input.layout ?? 'NHWC',
      methods: input.methods ? [...input.methods] : null,
      networks,
    });
    const experiment = await ctx.prisma.experiment.findFirstOrThrow({ where: { id: experimentId, teamId: ctx.teamId } });
    const job = jobId ? await ctx.prisma.job.findUnique({ where: { id: jobId } }) : null;
    return { experiment, job };
  },
  alignNetworks: async (_p, { input }, ctx) => {
    const layers = input.layers ? [...input.layers] : null;
    if (layers && layers.length > 100) throw badInput(`layers: at most 100 layer names (got ${layers.length})`);
    const [a, b] = await Promise.all([alignSide(ctx.prisma, input.a, ctx.teamId), alignSide(ctx.prisma, input.b, ctx.teamId)]);
    if (!a) throw notFound('Network', input.a);
    if (!b) throw notFound('Network', input.b);
    const check = alignability(a, b, layers);
    if (!check.alignable) throw badInput(`These networks cannot be aligned: ${check.reasons.join('; ')}`, { reasons: check.reasons });
    const { jobId } = await ctx.services.alignNetworks(ctx.teamId, a.network.id, b.network.id, check.layers);
    const job = await ctx.prisma.job.findFirstOrThrow({ where: { id: jobId, teamId: ctx.teamId } });
    const queued = (job.payload as { networks?: { layers?: string[] } } | null)?.networks?.layers ?? check.layers;
    return { job, layers: queued };
  },
  deleteExperiment: async (_p, { id }, ctx) => {
    const exp = await ctx.loaders.experiment.load(id);
    if (!exp) throw notFound('Experiment', id);
    await ctx.services.deleteExperiment(id);
    return { id, deleted: true };
  },
};
