/**
 * Imported activations (networks trained elsewhere, aligned by the align-activations job with the engine's
 * `alignFiles`): every layer's units and every pair's alignments in ONE transaction, replacing an earlier attempt's,
 * and the experiment COMPLETED.
 */
import type { AlignReport } from '@convergent/engine/align';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { AlignmentMethod } from '../generated/prisma/enums.ts';
import { txOptions } from './db.ts';
import { writeClusters, writeMatches } from './matches.ts';

/**
 * Rows per statement: the embedded database runs each statement on the API's thread, so thousands of units go in
 * several short statements rather than one long one (matches and cluster members go in bulk, matches.ts).
 */
const ROWS_PER_STATEMENT = 1000;

async function inChunks<T>(write: (data: T[]) => Promise<unknown>, rows: T[] | { data: T[] }): Promise<void> {
  const all = Array.isArray(rows) ? rows : rows.data;
  for (let i = 0; i < all.length; i += ROWS_PER_STATEMENT) await write(all.slice(i, i + ROWS_PER_STATEMENT));
}

/** One layer of one imported network: its units' mean and std over the samples. */
export interface ActivationLayerValues {
  name: string;
  kind: 'dense' | 'conv';
  /** Channels last: [h, w, c] conv, [units] dense. */
  shape: number[];
  samples: number;
  stats: Array<{ mean: number; std: number }>;
}

export interface ActivationsValues {
  /** Network name (its row exists) → its layers in the import's order. */
  networks: Array<{ name: string; layers: ActivationLayerValues[] }>;
  /** Every aligned pair at every layer both networks have. */
  results: Array<{ layer: string; a: string; b: string; report: AlignReport }>;
  /** The GraphQL methods asked for (a report may hold more: MI computes both MI rows). */
  methods: string[];
}

/** Stores the import; answers the Alignment row count. A network missing from the experiment throws `missing(name)`. */
export async function storeActivations(
  prisma: PrismaClient,
  experimentId: string,
  v: ActivationsValues,
  missing: (name: string) => Error,
): Promise<number> {
  const exp = await prisma.experiment.findUniqueOrThrow({
    where: { id: experimentId },
    select: { id: true, networks: { select: { id: true, name: true } } },
  });
  const netIds = new Map(exp.networks.map((n) => [n.name, n.id]));
  const wanted = v.methods;
  const results = v.results;
  let alignments = 0;
  await prisma.$transaction(
    async (tx) => {
      await tx.alignment.deleteMany({ where: { experimentId: exp.id } });
      await tx.layer.deleteMany({ where: { network: { experimentId: exp.id } } });
      const layerIds = new Map<string, string>();
      for (const n of v.networks) {
        const networkId = netIds.get(n.name);
        if (!networkId) throw missing(n.name);
        for (const [index, st] of n.layers.entries()) {
          const layer = await tx.layer.create({
            data: {
              networkId,
              name: st.name,
              index,
              kind: st.kind,
              unitCount: st.stats.length,
              shape: st.shape,
              samples: st.samples,
              deadCount: st.stats.filter((u) => u.std === 0).length,
            },
          });
          layerIds.set(`${n.name}/${st.name}`, layer.id);
          await inChunks(
            (data) => tx.unit.createMany({ data }),
            st.stats.map((u, index2) => ({
              layerId: layer.id,
              index: index2,
              mean: u.mean,
              std: u.std,
              dead: u.std === 0,
            })),
          );
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
        const create = async (
          method: AlignmentMethod,
          summary: Record<string, unknown>,
          parameters: Record<string, unknown> = {},
          paramsKey = '',
        ) => {
          alignments++;
          return (
            await tx.alignment.create({
              data: {
                ...common,
                method,
                summary: { ...sizes, ...summary } as Prisma.InputJsonValue,
                parameters: parameters as Prisma.InputJsonValue,
                paramsKey,
              },
            })
          ).id;
        };
        const has = (m: string) => wanted.includes(m);
        if (rep.semi && has('SEMI')) {
          const s = rep.semi;
          const id = await create('SEMI', {
            meanCorr: s.meanCorr,
            meanCorrB: s.reverseMeanCorr,
            oneToOneFraction: s.oneToOneFraction,
          });
          await writeMatches(tx, id, [
            { direction: 'A_TO_B', match: s.match, figures: (i, j) => ({ score: s.corr[i]!, correlation: s.corr[i]!, oneToOne: s.reverseMatch[j] === i }) },
            { direction: 'B_TO_A', match: s.reverseMatch, figures: (j, i) => ({ score: s.reverseCorr[j]!, correlation: s.reverseCorr[j]!, oneToOne: s.match[i] === j }) },
          ]);
        }
        if (rep.max && has('HUNGARIAN')) {
          const h = rep.max;
          const id = await create('HUNGARIAN', { meanCorr: h.meanCorr });
          await writeMatches(tx, id, [{ direction: 'A_TO_B', match: h.match, figures: (i) => ({ score: h.corr[i] ?? 0, correlation: h.corr[i] ?? null, oneToOne: true }) }]);
        }
        if (rep.mi) {
          const mi = rep.mi;
          const parameters = { bins: mi.bins, samples: mi.rows };
          if (has('MI')) {
            const id = await create('MI', { meanMI: mi.meanMI }, parameters);
            await writeMatches(tx, id, [{ direction: 'A_TO_B', match: mi.match, figures: (i) => ({ score: mi.mi[i] ?? 0, mutualInformation: mi.mi[i] ?? null }) }]);
          }
          if (has('MI_SEMI')) {
            const id = await create(
              'MI_SEMI',
              { meanMI: mi.semi.meanMI, oneToOneFraction: mi.semi.oneToOneFraction },
              parameters,
            );
            await writeMatches(tx, id, [
              { direction: 'A_TO_B', match: mi.semi.match, figures: (i, j) => ({ score: mi.semi.mi[i]!, mutualInformation: mi.semi.mi[i]!, oneToOne: mi.semi.reverseMatch[j] === i }) },
            ]);
          }
        }
        if (rep.cka && has('CKA')) await create('CKA', { ckaLinear: rep.cka.linear, ckaDebiased: rep.cka.debiased });
        if (rep.sparse && has('SPARSE')) {
          await create(
            'SPARSE',
            {
              lossPath: rep.sparse.path.map((p) => ({
                penalty: p.penalty,
                meanLoss: p.meanLoss,
                meanLossHeldOut: null,
                meanNonzero: p.meanNonzero,
              })),
            },
            { penalties: rep.sparse.path.map((p) => p.penalty) },
          );
        }
        if (rep.spectral && has('SPECTRAL')) {
          const sp = rep.spectral;
          const id = await create(
            'SPECTRAL',
            { k: sp.clusters, mixedClusterFraction: sp.sharedFraction },
            { k: sp.clusters, affinity: sp.affinity },
            `k=${sp.clusters}`,
          );
          await writeClusters(tx, id, { counts: sp.counts, labels: sp.labels, unitsA: rep.unitsA });
        }
      }
      await tx.experiment.update({
        where: { id: exp.id },
        data: { status: 'COMPLETED', phase: null, completedAt: new Date() },
      });
    },
    txOptions(10 * 60_000),
  );
  return alignments;
}
