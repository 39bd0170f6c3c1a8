/**
 * What a RECORD step computes, stored in ONE transaction: the probe images, each network's Layer and Unit rows
 * (replacing an earlier attempt's), the recorded statistics the ALIGN steps read (MOMENTS artifacts), consensus and
 * stitching, and the experiment's probe description.
 */
import type { ConsensusRecord, StitchLayerRecord } from '@convergent/engine/contracts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { type ArtifactOwner, type MomentsBlob, putMoments, putProbe } from './artifacts.ts';
import { txOptions } from './db.ts';
import { deleteExperimentLayers, storeNetworkLayers } from './layers.ts';
import { storeConsensusAndStitching } from './statistics.ts';
import type { ArrayValue, LayerValues } from './values.ts';

export interface RecordingValues {
  probe: { images: ArrayValue; labels: ArrayValue; description: Prisma.InputJsonValue; count: number };
  /** Network row id → its recorded layers, in recording order. */
  layers: Map<string, LayerValues[]>;
  moments: MomentsBlob[];
  consensus: ConsensusRecord[];
  stitching: StitchLayerRecord[];
}

export async function storeRecording(prisma: PrismaClient, owner: ArtifactOwner, v: RecordingValues): Promise<void> {
  const { experimentId } = owner;
  await prisma.$transaction(async (tx) => {
    await putProbe(tx, owner, v.probe);
    // A retried RECORD replaces what an earlier attempt stored (layers cascade to units and alignments; their
    // within-correlation artifacts are keyed by layer id, so they go explicitly, or each retry would orphan them).
    await deleteExperimentLayers(tx, experimentId, { withinArtifacts: true });
    for (const [networkId, layers] of v.layers) await storeNetworkLayers(tx, owner, networkId, layers);
    await putMoments(tx, owner, v.moments);
    await storeConsensusAndStitching(tx, experimentId, v.consensus, v.stitching);
    await tx.experiment.update({ where: { id: experimentId }, data: { probeCount: v.probe.count, probe: v.probe.description } });
  }, txOptions(10 * 60_000));
}
