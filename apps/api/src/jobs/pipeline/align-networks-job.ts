/**
 * On-demand ALIGN job across experiments (mutation alignNetworks): two networks of two experiments that probed the
 * same images (alignability.ts) are recorded again, together, from their stored weights on the stored probe images,
 * then aligned and stored exactly as a pipeline ALIGN step does (align-job.ts alignAndStorePair), with the reference
 * experiment's (network A's) methods and parameters. The rows belong to A's experiment and name B's in
 * Alignment.crossExperimentId, so experiment-wide figures leave them out. Payload: `{ networks: { a, b, layers } }`
 * (Network ids, layer names); the Job row has no experimentId (it is nobody's pipeline step) and networkId = a.
 */
import type { ImageSet, LayerRecording, ResolvedArchitecture } from '@convergent/engine/steps';
import type { Prisma } from '../../generated/prisma/client.ts';
import { alignability } from '../../alignability/alignability.ts';
import { alignSide } from '../../alignability/align-side.ts';
import { PermanentJobError, type JobContext } from '../job-context.ts';
import { alignAndStorePair } from './align-job.ts';
import { engineSteps, stepBasics } from './step-context.ts';
import { loadStoredModels } from './stored-models.ts';
import { alignNetworksPayload, jobPayload } from '../payloads.ts';

export type { AlignNetworksPayload } from '../payloads.ts';

/** Whether a Job is an on-demand alignment of two networks (its payload names them). */
export function isNetworksAlignJob(job: { kind: string; payload: unknown }): boolean {
  const n = (job.payload as { networks?: unknown } | null)?.networks;
  return job.kind === 'ALIGN' && !!n && typeof n === 'object' && !Array.isArray(n);
}

/** uint8 images [n, h, w, c] and int32 labels [n] from the stored probe .npy artifacts. */
async function probeImages(images: Uint8Array, labels: Uint8Array, what: string): Promise<ImageSet> {
  const { parseNpyHeader } = await import('@convergent/engine/npy');
  const hi = parseNpyHeader(images, `${what} probe images`);
  const hl = parseNpyHeader(labels, `${what} probe labels`);
  if ('needed' in hi || 'needed' in hl) throw new PermanentJobError(`the stored probe images of ${what} are truncated; re-import or re-run it`);
  if (hi.dtype !== 'uint8' || hi.shape.length !== 4 || hi.fortranOrder) throw new PermanentJobError(`the stored probe images of ${what} are not uint8 [n, h, w, c]`);
  const [count, h, w, c] = hi.shape as [number, number, number, number];
  if (hl.dtype !== 'int32' || hl.shape.length !== 1 || hl.shape[0] !== count || !hl.littleEndian) throw new PermanentJobError(`the stored probe labels of ${what} are not int32 [${count}]`);
  const img = images.slice(hi.dataOffset, hi.dataOffset + hi.dataBytes);
  const lab = new Int32Array(labels.slice(hl.dataOffset, hl.dataOffset + hl.dataBytes).buffer);
  let classes = 0;
  for (const l of lab) classes = Math.max(classes, l + 1);
  return { images: img, labels: lab, count, shape: [h, w, c], classes };
}

export async function runAlignNetworksJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { prisma, signal } = ctx;
  const p = jobPayload(ctx.job, alignNetworksPayload).networks;
  ctx.progress({ phase: 'checking the networks', fraction: 0.01 });
  const [a, b] = await Promise.all([alignSide(prisma, p.a, ctx.job.teamId), alignSide(prisma, p.b, ctx.job.teamId)]);
  if (!a || !b) throw new PermanentJobError(`network ${!a ? p.a : p.b} no longer exists`);
  // Checked again: the experiments may have changed since the job was queued.
  const check = alignability(a, b, p.layers);
  if (!check.alignable) throw new PermanentJobError(`cannot align these networks: ${check.reasons.join('; ')}`);
  const layers = check.layers;

  // The probe images: the ones both experiments stored, which must be the same bytes.
  const probeKeys = (e: string) => [`experiment/${e}/probe/images.npy`, `experiment/${e}/probe/labels.npy`];
  const blobs = await prisma.artifact.findMany({
    where: { teamId: ctx.job.teamId, key: { in: [...probeKeys(a.experiment.id), ...probeKeys(b.experiment.id)] } },
    select: { key: true, data: true },
  });
  const blob = (k: string) => blobs.find((x) => x.key === k)?.data;
  const [imA, lbA] = probeKeys(a.experiment.id).map(blob);
  const [imB, lbB] = probeKeys(b.experiment.id).map(blob);
  for (const [e, im, lb] of [[a, imA, lbA], [b, imB, lbB]] as const) {
    if (!im || !lb) throw new PermanentJobError(`experiment “${e.experiment.name}” has no stored probe images; re-run or re-import it`);
  }
  if (!Buffer.from(imA!).equals(Buffer.from(imB!)) || !Buffer.from(lbA!).equals(Buffer.from(lbB!))) {
    throw new PermanentJobError(
      `cannot align these networks: the stored probe images of experiment “${a.experiment.name}” and experiment “${b.experiment.name}” differ although their specs name the same probe set (a dataset file changed between them?)`,
    );
  }
  const probe = await probeImages(imA!, lbA!, `experiment “${a.experiment.name}”`);

  // A's spec: the methods and their parameters (penalties, clusters, bins, k), as its own ALIGN steps use them.
  const { spec } = await stepBasics(ctx, a.experiment.id);
  const archOf = async (id: string) => (await prisma.network.findUniqueOrThrow({ where: { id }, select: { archSpec: true } })).archSpec as unknown as ResolvedArchitecture;
  const { recordStep } = await engineSteps();
  ctx.progress({ phase: 'loading weights', fraction: 0.03 });
  // Member ids are the Network row ids: names may repeat across experiments.
  const models = await loadStoredModels(
    prisma,
    [
      { id: a.network.id, rowId: a.network.id, spec: await archOf(a.network.id) },
      { id: b.network.id, rowId: b.network.id, spec: await archOf(b.network.id) },
    ],
    (id) => `network ${id === a.network.id ? a.network.name : b.network.name} has no stored weights`,
  );
  let recordings: LayerRecording[];
  try {
    // The engine's record step, as the one-process run and RECORD call it (no shuffled copies: the null is the pipeline's).
    recordings = await recordStep({
      models,
      probe,
      spec,
      layers,
      signal,
      onProgress: (done, total) => ctx.progress({ phase: `recording (${done}/${total} probe images)`, fraction: 0.05 + (0.25 * done) / Math.max(1, total) }),
    });
  } finally {
    for (const m of models) m.model.dispose();
  }

  const layerRows = await prisma.layer.findMany({ where: { networkId: { in: [a.network.id, b.network.id] }, name: { in: layers } }, select: { id: true, name: true, networkId: true } });
  const layerIds = new Map(layerRows.map((l) => [`${l.networkId}/${l.name}`, l.id]));
  const networkIds = new Map([
    [a.network.id, a.network.id],
    [b.network.id, b.network.id],
  ]);
  const results: Array<{ layer: string; alignments: number; figures: Record<string, number | null> }> = [];
  for (const [i, rec] of recordings.entries()) {
    if (rec.members.length !== 2) throw new PermanentJobError(`layer ${rec.name} was not recorded in both networks`);
    if (!layerIds.has(`${a.network.id}/${rec.name}`) || !layerIds.has(`${b.network.id}/${rec.name}`)) throw new PermanentJobError(`a network lost its stored layer ${rec.name}; retry`);
    // Members in the order of the models: A first.
    if (rec.members[0]!.networkId !== a.network.id) throw new Error(`recording of ${rec.name} lists network B first`);
    const stepCtx: JobContext = {
      ...ctx,
      progress: (u) => ctx.progress({ ...u, phase: `${u.phase ?? ''} (layer ${i + 1}/${recordings.length})`, fraction: 0.3 + (0.7 * (i + (u.fraction ?? 0))) / recordings.length }),
    };
    const r = await alignAndStorePair(stepCtx, spec, rec, {
      experimentId: a.experiment.id,
      teamId: ctx.job.teamId,
      crossExperimentId: b.experiment.id,
      pair: { layer: rec.name, a: a.network.id, b: b.network.id, kind: 'between' },
      networkIds,
      layerIds,
    });
    results.push({ layer: rec.name, alignments: r.alignments, figures: r.figures });
  }
  return { networks: { a: a.network.id, b: b.network.id, experimentA: a.experiment.id, experimentB: b.experiment.id }, layers: results } as unknown as Prisma.InputJsonValue;
}
