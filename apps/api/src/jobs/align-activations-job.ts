/**
 * ALIGN job for imported activations (networks trained elsewhere): for every layer and every pair of
 * networks, the engine's alignment core `alignFiles` (align/align-files.ts, also behind `convergent align A.npy
 * B.npy`) streams both .npy files into joint moments and runs the methods. Unit statistics come from one streamed pass per
 * file. Everything is written in ONE transaction at the end, so no partial alignment is visible.
 *
 * A file that cannot be used (malformed or nested header, truncated, NaN, a layer wider than the unit limit,
 * sample counts that differ) is the user's to fix: the job fails at once (no retries) and its experiment is marked
 * FAILED with that one-line reason (worker.ts); re-submitting the same import starts afresh (services.ts).
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { AlignmentMethod } from '../generated/prisma/enums.ts';
import { PAIR_MEASURES, methodOfGraphql, type GraphqlMethod } from '@convergent/engine/align/methods';
import { DEFAULT_SPEC_LIMITS } from '@convergent/engine/spec/limits';
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

/**
 * Rows per statement: the embedded database runs each statement on the API's thread, so thousands of units or
 * matches go in several short statements rather than one long one.
 */
const ROWS_PER_STATEMENT = 1000;

async function inChunks<T>(write: (data: T[]) => Promise<unknown>, rows: T[] | { data: T[] }): Promise<void> {
  const all = Array.isArray(rows) ? rows : rows.data;
  for (let i = 0; i < all.length; i += ROWS_PER_STATEMENT) await write(all.slice(i, i + ROWS_PER_STATEMENT));
}

interface UnitStat {
  mean: number;
  std: number;
}

export async function runAlignActivationsJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const payload = jobPayload(ctx.job, alignActivationsPayload);
  const { prisma, signal } = ctx;
  const exp = await prisma.experiment.findUnique({ where: { id: payload.experimentId }, include: { networks: { include: { layers: true } } } });
  if (!exp) throw new PermanentJobError(`experiment ${payload.experimentId} no longer exists`);
  await prisma.experiment.update({ where: { id: exp.id }, data: { status: 'RUNNING', phase: 'aligning', error: null } });

  const { alignFiles, DEFAULT_PENALTIES, DEFAULT_MI_ROWS } = await import('@convergent/engine/align/align-files');
  const { openActivationSource } = await import('@convergent/engine/io/activation-source');
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
  const netIds = new Map(exp.networks.map((n) => [n.name, n.id]));
  let alignments = 0;
  await prisma.$transaction(
    async (tx) => {
      await tx.alignment.deleteMany({ where: { experimentId: exp.id } });
      await tx.layer.deleteMany({ where: { network: { experimentId: exp.id } } });
      const layerIds = new Map<string, string>();
      for (const n of payload.networks) {
        const networkId = netIds.get(n.name);
        if (!networkId) throw new PermanentJobError(`network ${n.name} of the import is missing from experiment ${exp.id}`);
        for (const [index, l] of n.layers.entries()) {
          const st = stats.get(`${n.name}/${l.name}`)!;
          const layer = await tx.layer.create({
            data: {
              networkId,
              name: l.name,
              index,
              kind: st.kind,
              unitCount: st.stats.length,
              shape: st.shape,
              samples: st.samples,
              deadCount: st.stats.filter((u) => u.std === 0).length,
            },
          });
          layerIds.set(`${n.name}/${l.name}`, layer.id);
          await inChunks((data) => tx.unit.createMany({ data }), st.stats.map((u, index2) => ({ layerId: layer.id, index: index2, mean: u.mean, std: u.std, dead: u.std === 0 })));
        }
        await tx.network.update({ where: { id: networkId }, data: { status: 'IMPORTED' } });
      }
      for (const r of results) {
        const rep = r.report;
        const common = {
          experimentId: exp.id,
          networkAId: netIds.get(r.a)!,
          networkBId: netIds.get(r.b)!,
          layerAId: layerIds.get(`${r.a}/${r.layer}`)!,
          layerBId: layerIds.get(`${r.b}/${r.layer}`)!,
          layerName: r.layer,
          kind: 'between',
          status: 'COMPLETED' as const,
          completedAt: new Date(),
        };
        const sizes = { samples: rep.samples, unitsA: rep.unitsA, unitsB: rep.unitsB };
        const create = async (method: AlignmentMethod, summary: Record<string, unknown>, parameters: Record<string, unknown> = {}, paramsKey = '') => {
          alignments++;
          return (await tx.alignment.create({ data: { ...common, method, summary: { ...sizes, ...summary } as Prisma.InputJsonValue, parameters: parameters as Prisma.InputJsonValue, paramsKey } })).id;
        };
        const has = (m: GraphqlMethod) => wanted.includes(m);
        if (rep.semi && has('SEMI')) {
          const s = rep.semi;
          const id = await create('SEMI', { meanCorr: s.meanCorr, meanCorrB: s.reverseMeanCorr, oneToOneFraction: s.oneToOneFraction });
          await inChunks((data) => tx.unitMatch.createMany({ data }), {
            data: [
              ...s.match.map((j, i) => ({ alignmentId: id, direction: 'A_TO_B' as const, unitA: i, unitB: j, score: s.corr[i]!, correlation: s.corr[i]!, oneToOne: s.reverseMatch[j] === i })),
              ...s.reverseMatch.map((i, j) => ({ alignmentId: id, direction: 'B_TO_A' as const, unitA: i, unitB: j, score: s.reverseCorr[j]!, correlation: s.reverseCorr[j]!, oneToOne: s.match[i] === j })),
            ],
          });
        }
        if (rep.max && has('HUNGARIAN')) {
          const h = rep.max;
          const id = await create('HUNGARIAN', { meanCorr: h.meanCorr });
          await inChunks((data) => tx.unitMatch.createMany({ data }), {
            data: h.match.map((j, i) => ({ alignmentId: id, direction: 'A_TO_B' as const, unitA: i, unitB: j < 0 ? null : j, score: h.corr[i] ?? 0, correlation: h.corr[i] ?? null, oneToOne: j >= 0 })),
          });
        }
        if (rep.mi) {
          const mi = rep.mi;
          const parameters = { bins: mi.bins, samples: mi.rows };
          if (has('MI')) {
            const id = await create('MI', { meanMI: mi.meanMI }, parameters);
            await inChunks((data) => tx.unitMatch.createMany({ data }), {
              data: mi.match.map((j, i) => ({ alignmentId: id, direction: 'A_TO_B' as const, unitA: i, unitB: j < 0 ? null : j, score: mi.mi[i] ?? 0, mutualInformation: mi.mi[i] ?? null })),
            });
          }
          if (has('MI_SEMI')) {
            const id = await create('MI_SEMI', { meanMI: mi.semi.meanMI, oneToOneFraction: mi.semi.oneToOneFraction }, parameters);
            await inChunks((data) => tx.unitMatch.createMany({ data }), {
              data: mi.semi.match.map((j, i) => ({ alignmentId: id, direction: 'A_TO_B' as const, unitA: i, unitB: j, score: mi.semi.mi[i]!, mutualInformation: mi.semi.mi[i]!, oneToOne: mi.semi.reverseMatch[j] === i })),
            });
          }
        }
        if (rep.cka && has('CKA')) await create('CKA', { ckaLinear: rep.cka.linear, ckaDebiased: rep.cka.debiased });
        if (rep.sparse && has('SPARSE')) {
          await create(
            'SPARSE',
            { lossPath: rep.sparse.path.map((p) => ({ penalty: p.penalty, meanLoss: p.meanLoss, meanLossHeldOut: null, meanNonzero: p.meanNonzero })) },
            { penalties: rep.sparse.path.map((p) => p.penalty) },
          );
        }
        if (rep.spectral && has('SPECTRAL')) {
          const sp = rep.spectral;
          const id = await create('SPECTRAL', { k: sp.clusters, mixedClusterFraction: sp.sharedFraction }, { k: sp.clusters, affinity: sp.affinity }, `k=${sp.clusters}`);
          const clusters = await tx.cluster.createManyAndReturn({
            data: sp.counts.map((c, index) => ({ alignmentId: id, index, countA: c.a, countB: c.b, mixed: c.a > 0 && c.b > 0 })),
            select: { id: true, index: true },
          });
          const byIndex = new Map(clusters.map((c) => [c.index, c.id]));
          await inChunks((data) => tx.clusterMember.createMany({ data }), {
            data: sp.labels.map((label, u) => ({ clusterId: byIndex.get(label)!, side: u < rep.unitsA ? ('A_TO_B' as const) : ('B_TO_A' as const), unit: u < rep.unitsA ? u : u - rep.unitsA })),
          });
        }
      }
      await tx.experiment.update({ where: { id: exp.id }, data: { status: 'COMPLETED', phase: null, completedAt: new Date() } });
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return { experimentId: exp.id, pairs: results.length, alignments };
}
