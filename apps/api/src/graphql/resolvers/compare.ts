// compare(kind, reference, others): networks against a reference network (config diff, accuracy, per-layer
// alignment with the reference), or experiments against a reference experiment (spec diff, mean accuracy,
// per-layer convergence means).
import type { ApiContext } from '../context.ts';
import type { AlignmentMethod, CompareKind } from '@convergent/schema';
import type { CompareSubjectResolvers, LayerComparisonResolvers } from '../resolvers-types.generated.ts';
import type { CompareSubjectRow, ExperimentRow, LayerComparisonRow, NetworkRow } from '../models.ts';
import { badInput, notFound } from '../errors.ts';
import { headlineValue } from '../mapping.ts';
import { oriented } from '../orientation.ts';
import { layerConvergence } from './convergence.ts';
import { trainedNetworks } from './experiment-queries.ts';
import { alignability } from '../../alignability/alignability.ts';
import { alignSide } from '../../alignability/align-side.ts';

/**
 * A network of another experiment than the reference's: can the two be aligned on demand (alignability.ts), and the
 * newest on-demand ALIGN job of the pair (either order).
 */
async function crossAlignment(ctx: ApiContext, ref: NetworkRow, n: NetworkRow) {
  if (ref.experimentId === n.experimentId) return null;
  const [a, b] = await Promise.all([alignSide(ctx.prisma, ref.id, ctx.teamId), alignSide(ctx.prisma, n.id, ctx.teamId)]);
  if (!a || !b) return null;
  const check = alignability(a, b);
  const jobs = await ctx.prisma.job.findMany({
    where: { teamId: ctx.teamId, kind: 'ALIGN', experimentId: null, networkId: { in: [ref.id, n.id] } },
    orderBy: { createdAt: 'desc' },
    take: 20,
  });
  const job = jobs.find((j) => {
    const p = (j.payload as { networks?: { a?: string; b?: string } } | null)?.networks;
    return !!p && ((p.a === ref.id && p.b === n.id) || (p.a === n.id && p.b === ref.id));
  });
  return { ...check, job: job ?? null };
}

export interface ConfigDifference {
  path: string;
  reference: unknown;
  value: unknown;
}

/** Leaves of two JSON values that differ, with their paths (a.b[2].c). Arrays compare index by index. */
export function jsonDiff(reference: unknown, value: unknown, path = '', out: ConfigDifference[] = []): ConfigDifference[] {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(reference) && Array.isArray(value)) {
    for (let i = 0; i < Math.max(reference.length, value.length); i++) jsonDiff(reference[i], value[i], `${path}[${i}]`, out);
  } else if (isObj(reference) && isObj(value)) {
    const keys = [...new Set([...Object.keys(reference), ...Object.keys(value)])].sort();
    for (const k of keys) jsonDiff(reference[k], value[k], path ? `${path}.${k}` : k, out);
  } else if (JSON.stringify(reference) !== JSON.stringify(value)) {
    out.push({ path: path || '(root)', reference: reference ?? null, value: value ?? null });
  }
  return out;
}

/**
 * The settings of a network's experiment that shape every network in it: dataset, probe and validation split,
 * training (learning rate, epochs, batch size, train limit, optimizer), methods and their parameters. The lists of
 * architectures and seeds are left out (they say which networks exist, not how this one was made; its own
 * architecture and seed are compared directly).
 */
export function experimentSettings(e: ExperimentRow): Record<string, unknown> {
  const spec = e.spec && typeof e.spec === 'object' && !Array.isArray(e.spec) ? { ...(e.spec as Record<string, unknown>) } : {};
  for (const k of ['architectures', 'seeds', 'seedsByArchitecture', 'name', 'description']) delete spec[k];
  return { name: e.name, dataset: e.dataset, probeImages: e.probeCount, ...spec };
}

function networkConfig(n: NetworkRow, e: ExperimentRow | null | undefined): unknown {
  return { architecture: n.arch, seed: n.seed, backend: n.backend, epochs: n.epochs, untrained: n.untrained, spec: n.archSpec, experiment: e ? experimentSettings(e) : null };
}

async function experimentAccuracy(ctx: ApiContext, e: ExperimentRow): Promise<number | null> {
  const acc = (await trainedNetworks(ctx, e.id)).map((n) => n.accuracy).filter((a): a is number => a !== null);
  return acc.length ? acc.reduce((s, v) => s + v, 0) / acc.length : null;
}

export async function compare(ctx: ApiContext, kind: CompareKind, reference: string, others: string[], method: AlignmentMethod) {
  if (others.length === 0) throw badInput('compare needs at least one id in others');
  if (others.length > 50) throw badInput(`compare takes at most 50 others (got ${others.length})`);
  if (kind === 'NETWORK') {
    const ref = await ctx.loaders.network.load(reference);
    if (!ref) throw notFound('Network', reference);
    const nets = await Promise.all(others.map(async (id) => (await ctx.loaders.network.load(id)) ?? Promise.reject(notFound('Network', id))));
    const refLayers = await ctx.loaders.layersOfNetwork.load(ref.id);
    const expOf = async (n: NetworkRow) => ctx.loaders.experiment.load(n.experimentId);
    const refExp = await expOf(ref);
    const exps = await Promise.all(nets.map(expOf));
    const cross = await Promise.all(nets.map((n) => crossAlignment(ctx, ref, n)));
    const alignments = await ctx.prisma.alignment.findMany({
      where: {
        method,
        status: 'COMPLETED',
        OR: [
          { networkAId: ref.id, networkBId: { in: nets.map((n) => n.id) } },
          { networkBId: ref.id, networkAId: { in: nets.map((n) => n.id) } },
        ],
      },
      orderBy: { completedAt: 'desc' },
    });
    return {
      kind,
      method,
      reference: { kind: 'network', network: ref } as CompareSubjectRow,
      entries: nets.map((n, i) => ({
        subject: { kind: 'network', network: n } as CompareSubjectRow,
        configDiff: jsonDiff(networkConfig(ref, refExp), networkConfig(n, exps[i])),
        accuracyDelta: ref.accuracy !== null && n.accuracy !== null ? n.accuracy - ref.accuracy : null,
        crossAlignment: cross[i],
        layers: refLayers.map((l): LayerComparisonRow => {
          const row = alignments.find((a) => a.layerName === l.name && (a.networkAId === n.id || a.networkBId === n.id));
          const o = row ? oriented(row, ref.id) : null;
          return { layer: l.name, value: o ? headlineValue(o.method, o.summary) : null, referenceValue: null, alignment: o };
        }),
      })),
    };
  }
  const ref = await ctx.loaders.experiment.load(reference);
  if (!ref) throw notFound('Experiment', reference);
  const exps = await Promise.all(others.map(async (id) => (await ctx.loaders.experiment.load(id)) ?? Promise.reject(notFound('Experiment', id))));
  const refConv = await layerConvergence(ctx, ref.id, method);
  const refAcc = await experimentAccuracy(ctx, ref);
  return {
    kind,
    method,
    reference: { kind: 'experiment', experiment: ref, accuracy: refAcc } as CompareSubjectRow,
    entries: await Promise.all(
      exps.map(async (e) => {
        const [conv, acc] = await Promise.all([layerConvergence(ctx, e.id, method), experimentAccuracy(ctx, e)]);
        const names = [...new Set([...refConv.map((c) => c.layer), ...conv.map((c) => c.layer)])];
        return {
          subject: { kind: 'experiment', experiment: e, accuracy: acc } as CompareSubjectRow,
          configDiff: jsonDiff(ref.spec, e.spec),
          accuracyDelta: acc !== null && refAcc !== null ? acc - refAcc : null,
          layers: names.map(
            (layer): LayerComparisonRow => ({
              layer,
              value: conv.find((c) => c.layer === layer)?.all.mean ?? null,
              referenceValue: refConv.find((c) => c.layer === layer)?.all.mean ?? null,
              alignment: null,
            }),
          ),
        };
      }),
    ),
  };
}

export const CompareSubject: CompareSubjectResolvers<ApiContext> = {
  id: (s) => (s.kind === 'network' ? s.network.id : s.experiment.id),
  name: (s) => (s.kind === 'network' ? s.network.name : s.experiment.name),
  network: (s) => (s.kind === 'network' ? s.network : null),
  experiment: (s) => (s.kind === 'experiment' ? s.experiment : null),
  accuracy: (s) => (s.kind === 'network' ? s.network.accuracy : s.accuracy),
};

export const LayerComparison: LayerComparisonResolvers<ApiContext> = {
  delta: (l) => (l.value !== null && l.referenceValue !== null ? l.value - l.referenceValue : null),
  differenceUrl: (l, _a, ctx) =>
    l.alignment?.matrixId && (l.alignment.method === 'HUNGARIAN' || l.alignment.method === 'SEMI')
      ? ctx.links.url(`alignments/${l.alignment.id}`, l.alignment.flipped ? 'difference.T.npy' : 'difference.npy')
      : null,
};
