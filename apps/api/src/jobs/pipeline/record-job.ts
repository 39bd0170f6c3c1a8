/**
 * RECORD job: once every network is trained, load their weights from the artifacts, run the engine's joint
 * recording pass (one moment accumulator per layer over all networks) on the probe set, and hand the results to the
 * store (store/recordings.ts), which writes in ONE transaction: the probe images, each network's Layer and Unit
 * rows (stats, top images, within-correlation), and the statistics the ALIGN jobs need as artifacts (kind MOMENTS): one member part per (network, layer) and one
 * cross part per aligned pair (engine record/pair-recording.ts). The pairs to align are the job's result;
 * completing it creates one ALIGN job per pair and layer (pipeline.ts).
 */
import type { ConsensusRecord, NetworkRecord, StitchLayerRecord } from '@convergent/engine/experiment/manifest';
import type { Prisma } from '../../generated/prisma/client.ts';
import { crossKey, type MomentsBlob, memberKey } from '../../store/artifacts.ts';
import { storeRecording } from '../../store/recordings.ts';
import { arrayCollector, type LayerValues, layerValues } from '../../store/values.ts';
import { PermanentJobError, type JobContext } from '../job-context.ts';
import type { PairStep } from './pipeline.ts';
import { jobPayload, stepPayload } from '../payloads.ts';
import { stepPlan } from './step-context.ts';
import { loadStoredModels } from './stored-models.ts';

export async function runRecordJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { prisma, signal } = ctx;
  const { experimentId } = jobPayload(ctx.job, stepPayload);
  ctx.progress({ phase: 'loading data and weights', fraction: 0.02 });
  const plan = await stepPlan(ctx, experimentId);
  const { exp, spec, data } = plan;
  const [{ selectBackend }, { recordFamily }, engine, parts] = await Promise.all([
    import('@convergent/engine/backend/select-backend'),
    import('@convergent/engine/record/record-family'),
    import('@convergent/engine/experiment/run-experiment'),
    import('@convergent/engine/record/pair-recording'),
  ]);
  await selectBackend();

  // ---- the trained networks, in the plan's order (the order of the joint recording)
  const rows = await prisma.network.findMany({ where: { experimentId }, select: { id: true, name: true } });
  const idByName = new Map(rows.map((r) => [r.name, r.id]));
  const nets = plan.networks.map((n) => {
    const rowId = idByName.get(n.id);
    if (!rowId) throw new PermanentJobError(`network ${n.id} of the plan has no row; retry the experiment`);
    return { id: n.id, rowId, spec: n.arch };
  });
  const models = await loadStoredModels(prisma, nets, (id) => `network ${id} has no stored weights; its TRAIN job did not finish`);

  ctx.progress({ phase: 'recording', fraction: 0.05 });
  let recordings: Awaited<ReturnType<typeof recordFamily>>;
  const consensus: ConsensusRecord[] = [];
  const stitching: StitchLayerRecord[] = [];
  try {
    recordings = await recordFamily(models, data.probe, {
      layers: plan.layers,
      batchSize: 100,
      sampleRows: spec.methods.includes('mi') ? spec.mi.samples : 0,
      imageRows: spec.methods.includes('knn'),
      seed: spec.split.seed,
      ...engine.heldOutOption(spec),
      ...engine.shuffledOption(spec, plan.networks),
      signal,
      onProgress: (done, total) => ctx.progress({ phase: `recording (${done}/${total} probe images)`, fraction: 0.05 + (0.75 * done) / Math.max(1, total) }),
    });
    // Consensus and stitching (issue 16), when the spec asks: from the joint recording, with the models still loaded
    // (stitching runs B's upper layers); the same engine function the one-process run calls.
    const planById = new Map(plan.networks.map((n) => [n.id, n]));
    for (const rec of recordings) {
      const checks = await engine.familyChecks(rec, spec, planById, models, data.validation, plan.layers, {
        signal,
        onStitchPair: (done, total) => ctx.progress({ phase: `stitching ${rec.name} (${done}/${total} pairs)`, fraction: 0.8 }),
      });
      if (checks.consensus) consensus.push(checks.consensus);
      if (checks.stitching) stitching.push(checks.stitching);
    }
  } finally {
    for (const m of models) m.model.dispose();
  }

  // ---- what to store: unit stats per network, member and cross parts, the pairs to align
  ctx.progress({ phase: 'storing unit statistics', fraction: 0.82 });
  const netById = new Map(plan.networks.map((n) => [n.id, n]));
  const arrays = arrayCollector();
  const layerRecords = new Map<string, NetworkRecord['layers']>(plan.networks.map((n) => [n.id, []]));
  const blobs: MomentsBlob[] = [];
  const pairs: PairStep[] = [];
  for (const rec of recordings) {
    await engine.writeLayerStats(rec, netById, layerRecords, arrays.writer);
    rec.members.forEach((m, i) => {
      blobs.push({ key: memberKey(experimentId, rec.name, m.networkId), networkId: idByName.get(m.networkId)!, bytes: parts.packParts(parts.memberPart(rec, i)), metadata: { layer: rec.name, network: m.networkId } });
    });
    for (const [ia, ib, kind, mirror] of engine.layerPairs(rec, netById)) {
      const a = rec.members[ia]!.networkId;
      const b = rec.members[ib]!.networkId;
      blobs.push({ key: crossKey(experimentId, rec.name, a, b), bytes: parts.packParts(parts.crossPart(rec, ia, ib)), metadata: { layer: rec.name, a, b } });
      // The shuffled-probe null of a trained pair is computed by the pair's ALIGN job from B's shuffled copy.
      const is = kind === 'between' ? engine.shuffledMember(rec, b) : -1;
      const shuffled = is >= 0 ? rec.members[is]!.networkId : undefined;
      if (shuffled) blobs.push({ key: crossKey(experimentId, rec.name, a, shuffled), bytes: parts.packParts(parts.crossPart(rec, ia, is)), metadata: { layer: rec.name, a, b: shuffled } });
      const mirrors = mirror ? { a: rec.members[mirror[0]]!.networkId, b: rec.members[mirror[1]]!.networkId } : undefined;
      pairs.push({ layer: rec.name, a, b, kind, ...(mirrors ? { mirrors } : {}), ...(shuffled ? { shuffled } : {}) });
    }
  }
  const [h, w, c] = data.probe.shape;
  const n = data.probe.count;
  const probe = { dataset: data.name, splitSeed: spec.split.seed, count: n, imageShape: data.train.shape, classNames: data.classNames ?? null };
  const layers = new Map<string, LayerValues[]>();
  for (const [name, records] of layerRecords) layers.set(idByName.get(name)!, records.map((l) => layerValues(l, arrays.array)));

  await ctx.assertOwner();
  await storeRecording(
    prisma,
    { teamId: exp.teamId, experimentId },
    {
      probe: {
        images: { data: data.probe.images.subarray(0, n * h * w * c), shape: [n, h, w, c], dtype: 'uint8' },
        labels: { data: Int32Array.from(data.probe.labels.subarray(0, n)), shape: [n], dtype: 'int32' },
        description: probe,
        count: n,
      },
      layers,
      moments: blobs,
      consensus,
      stitching,
    },
  );
  return { experimentId, layers: recordings.map((r) => r.name), pairs: pairs as unknown as Prisma.InputJsonValue };
}
