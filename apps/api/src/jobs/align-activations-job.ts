/**
 * ALIGN job for imported activations (networks trained elsewhere): for every layer and every pair of
 * networks, the engine's alignment core `alignFiles` (align/align-files.ts, also behind `convergent align A.npy
 * B.npy`) streams both .npy files into joint moments and runs the methods. Unit statistics come from one streamed pass per
 * file. Everything is written in ONE transaction at the end (store/activations.ts), so no partial alignment is visible.
 *
 * A file that cannot be used (malformed or nested header, truncated, NaN, a layer wider than the unit limit,
 * sample counts that differ) is the user's to fix: the job fails at once (no retries) and its experiment is marked
 * FAILED with that one-line reason (worker.ts); re-submitting the same import starts afresh (services.ts).
 */
import type { Prisma } from '../generated/prisma/client.ts';
import { PAIR_MEASURES, methodOfGraphql, type GraphqlMethod } from '@convergent/engine/contracts';
import { DEFAULT_SPEC_LIMITS } from '@convergent/engine/contracts';
import { storeActivations } from '../store/activations.ts';
import { markExperimentRunning } from '../store/experiments.ts';
import { PermanentJobError, type JobContext } from './job-context.ts';
import { alignActivationsPayload, jobPayload } from './payloads.ts';

/** Errors about the imported files themselves: retrying cannot help. */
const INPUT_ERRORS = new Set(['NpyFormatError', 'ActivationError', 'AlignInputError', 'SpecError']);
const INPUT_CODES = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM']);

async function aboutTheFiles<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const e = err as Error & { code?: string };
    if (INPUT_ERRORS.has(e?.name) || (e?.code && INPUT_CODES.has(e.code))) throw new PermanentJobError(e.message.split('\n')[0]!);
    throw err;
  }
}

export type { AlignActivationsPayload } from './payloads.ts';

/** The GraphQL methods this job stores: the paper's (registry, align/methods.ts); the method computing each is `methodOfGraphql`. */
const STORED: readonly GraphqlMethod[] = PAIR_MEASURES.filter((m) => m.paper).flatMap((m) => m.enums);

interface UnitStat {
  mean: number;
  std: number;
}

export async function runAlignActivationsJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const payload = jobPayload(ctx.job, alignActivationsPayload);
  const { prisma, signal } = ctx;
  const exp = await prisma.experiment.findUnique({ where: { id: payload.experimentId }, include: { networks: { include: { layers: true } } } });
  if (!exp) throw new PermanentJobError(`experiment ${payload.experimentId} no longer exists`);
  await markExperimentRunning(prisma, exp.id, 'aligning');

  const { alignFiles, DEFAULT_PENALTIES, DEFAULT_MI_ROWS } = await import('@convergent/engine/align');
  const { openActivationSource } = await import('@convergent/engine/align');
  const layout = payload.layout === 'NCHW' ? 'nchw' : 'nhwc';
  const wanted = (payload.methods ?? STORED).filter((m): m is GraphqlMethod => (STORED as readonly string[]).includes(m));
  const engineMethods = [...new Set(wanted.map(methodOfGraphql))];

  // ---- unit statistics per network layer (one streamed pass each)
  const stats = new Map<string, { stats: UnitStat[]; samples: number; kind: 'dense' | 'conv'; shape: number[] }>();
  const layerNames = [...new Set(payload.networks.flatMap((n) => n.layers.map((l) => l.name)))];
  const maxUnits = (ctx.specLimits ?? DEFAULT_SPEC_LIMITS).maxUnitsPerLayer;
  for (const n of payload.networks) {
    for (const l of n.layers) {
      signal.throwIfAborted();
      const src = await aboutTheFiles(() => openActivationSource(l.path, { layout }));
      try {
        if (src.units > maxUnits) {
          throw new PermanentJobError(`layer ${l.name} of network ${n.name} has ${src.units.toLocaleString('en-US')} units, over the limit of ${maxUnits.toLocaleString('en-US')} units per layer`);
        }
        const sum = new Float64Array(src.units);
        const sq = new Float64Array(src.units);
        const batch = Math.max(1, Math.floor(1_000_000 / src.units));
        for (let start = 0; start < src.samples; start += batch) {
          const rows = Math.min(batch, src.samples - start);
          const data = await aboutTheFiles(() => src.readSamples(start, rows));
          for (let r = 0; r < rows; r++) {
            for (let u = 0; u < src.units; u++) {
              const x = data[r * src.units + u]!;
              sum[u]! += x;
              sq[u]! += x * x;
            }
          }
        }
        const N = src.samples;
        const unitStats = Array.from(sum, (s, u) => {
          const mean = s / N;
          return { mean, std: Math.sqrt(Math.max(0, sq[u]! / N - mean * mean)) };
        });
        // Layer.shape is channels last whatever the file's layout: [h, w, c] conv, [units] dense.
        const shape = src.kind === 'conv' ? [src.height, src.width, src.units] : [src.units];
        stats.set(`${n.name}/${l.name}`, { stats: unitStats, samples: N, kind: src.kind, shape });
      } finally {
        await src.close();
      }
    }
  }

  // ---- every pair at every layer both networks have
  type Report = Awaited<ReturnType<typeof alignFiles>>;
  const results: Array<{ layer: string; a: string; b: string; report: Report }> = [];
  const tasks: Array<{ layer: string; a: { name: string; path: string }; b: { name: string; path: string } }> = [];
  for (const layer of layerNames) {
    const having = payload.networks.filter((n) => n.layers.some((l) => l.name === layer));
    for (let i = 0; i < having.length; i++) {
      for (let j = i + 1; j < having.length; j++) {
        const pa = having[i]!.layers.find((l) => l.name === layer)!.path;
        const pb = having[j]!.layers.find((l) => l.name === layer)!.path;
        tasks.push({ layer, a: { name: having[i]!.name, path: pa }, b: { name: having[j]!.name, path: pb } });
      }
    }
  }
  for (const [k, t] of tasks.entries()) {
    signal.throwIfAborted();
    ctx.progress({ phase: `aligning ${t.layer}: ${t.a.name} × ${t.b.name} (${k + 1}/${tasks.length})`, fraction: 0.1 + (0.8 * k) / Math.max(1, tasks.length) });
    const report = await aboutTheFiles(() =>
      alignFiles({ a: t.a.path, b: t.b.path, methods: engineMethods, layout, penalties: DEFAULT_PENALTIES, affinity: 'abs', miRows: DEFAULT_MI_ROWS, seed: 1 }),
    );
    results.push({ layer: t.layer, a: t.a.name, b: t.b.name, report });
  }

  // ---- one transaction with everything
  await ctx.assertOwner();
  ctx.progress({ phase: 'storing results', fraction: 0.92 });
  const networks = payload.networks.map((n) => ({ name: n.name, layers: n.layers.map((l) => ({ name: l.name, ...stats.get(`${n.name}/${l.name}`)! })) }));
  const alignments = await storeActivations(prisma, exp.id, { networks, results, methods: wanted }, (name) => new PermanentJobError(`network ${name} of the import is missing from experiment ${exp.id}`));
  return { experimentId: exp.id, pairs: results.length, alignments };
}
