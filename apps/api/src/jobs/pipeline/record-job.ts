/**
 * RECORD job: once every network is trained, load their weights from the artifacts, run the engine's joint
 * recording pass (one moment accumulator per layer over all networks) on the probe set, and hand the results to the
 * store (store/recordings.ts), which writes in ONE transaction: the probe images, each network's Layer and Unit
 * rows (stats, top images, within-correlation), and the statistics the ALIGN jobs need as artifacts (kind MOMENTS): one member part per (network, layer) and one
 * cross part per aligned pair (engine record/pair-recording.ts). The pairs to align are the job's result;
 * completing it creates one ALIGN job per pair and layer (pipeline.ts).
 */
import type { ConsensusRecord, LayerRecording, StitchLayerRecord } from '@convergent/engine/steps';
import type { Prisma } from '../../generated/prisma/client.ts';
import { crossKey, type MomentsBlob, memberKey } from '../../store/artifacts.ts';
import { storeRecording } from '../../store/recordings.ts';
import type { LayerValues } from '../../store/values.ts';
import { PermanentJobError, type JobContext } from '../job-context.ts';
import type { PairStep } from './pipeline.ts';
import { jobPayload, stepPayload } from '../payloads.ts';
import { engineSteps, stepPlan } from './step-context.ts';
import { loadStoredModels } from './stored-models.ts';

export async function runRecordJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { prisma, signal } = ctx;
  const { experimentId } = jobPayload(ctx.job, stepPayload);
  ctx.progress({ phase: 'loading data and weights', fraction: 0.02 });
  const plan = await stepPlan(ctx, experimentId);
  const { exp, spec, data } = plan;
  const engine = await engineSteps();

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
  let recordings: LayerRecording[];
  const consensus: ConsensusRecord[] = [];
  const stitching: StitchLayerRecord[] = [];
  try {
    // The engine's record step, with the shuffled-probe copies of the trained networks (no dumps: the rows keep none).
    recordings = await engine.recordStep({
      models,
      probe: data.probe,
      spec,
      layers: plan.layers,
      shuffledOf: plan.networks,
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
  // Network row id → its layer records, arrays as values (no dumps were recorded).
  const layers = new Map<string, LayerValues[]>(plan.networks.map((n) => [idByName.get(n.id)!, []]));
  const blobs: MomentsBlob[] = [];
  const pairs: PairStep[] = [];
  for (const rec of recordings) {
    for (const { network, layer } of engine.layerRecordValues(rec, netById)) layers.get(idByName.get(network)!)!.push(layer);
    for (const m of engine.memberParts(rec)) {
      blobs.push({ key: memberKey(experimentId, rec.name, m.network), networkId: idByName.get(m.network)!, bytes: m.bytes, metadata: { layer: rec.name, network: m.network } });
    }
    // The engine's align plan: each pair's cross part (and, for a between pair, A × B's shuffled copy: the pair's
    // ALIGN job computes the shuffled-probe null from it).
    for (const p of engine.alignPairsOf(rec, netById)) {
      for (const x of engine.crossParts(rec, p)) blobs.push({ key: crossKey(experimentId, rec.name, x.a, x.b), bytes: x.bytes, metadata: { layer: rec.name, a: x.a, b: x.b } });
      const { members: _members, ...pair } = p;
      pairs.push(pair);
    }
  }
  const [h, w, c] = data.probe.shape;
  const n = data.probe.count;
  const probe = { dataset: data.name, splitSeed: spec.split.seed, count: n, imageShape: data.train.shape, classNames: data.classNames ?? null };

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
