/**
 * A whole result (what `convergent experiment run` computes: networks, their layers and units, every aligned pair,
 * chance baselines, statistics, consensus and stitching) in ONE transaction: a reader sees all of it or none of it,
 * and input that fails half-way writes nothing.
 */
import type { ResultManifest } from '@convergent/engine/contracts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { storePair } from './alignments.ts';
import { type ArtifactOwner, manifestKey, putArtifact, putProbe } from './artifacts.ts';
import { txOptions, type Tx } from './db.ts';
import { storeNetworkLayers } from './layers.ts';
import { deleteNetworksNotIn, storeResultNetwork } from './networks.ts';
import { storeChanceBaselines, storeConsensusAndStitching, storeLayerStatistics } from './statistics.ts';
import type { ArrayValue, NetworkValues, PairValues } from './values.ts';

/** A result as values. */
export interface ResultValues {
  /** The manifest: the result's figures and spec, and the MANIFEST artifact. Its `.npy` references are not read. */
  manifest: ResultManifest;
  /** SHA-256 of the manifest file: the import's identity (Experiment.specHash). */
  hash: string;
  /** Where it came from, for the description (`imported from <source>`). */
  source: string;
  probe: { images: ArrayValue; labels: ArrayValue };
  networks: NetworkValues[];
  alignments: PairValues[];
}

/** Where a result goes: a new experiment of the team, or an existing one it fills (replacing an earlier attempt). */
export interface ResultTarget {
  teamId: string;
  /** Experiment name (default: the spec's name). */
  name?: string | null;
  /** Fill this existing experiment instead of creating one. */
  experimentId?: string;
  /** `experimentId` is a placeholder made when the import was asked for: it takes the result's name, dataset and spec. */
  placeholder?: boolean;
}

export interface StoredResult {
  experimentId: string;
  networks: number;
  alignments: number;
}

/** Stores a result in ONE transaction (default timeout 10 minutes: large results insert many rows). */
export function storeResult(
  prisma: PrismaClient,
  target: ResultTarget,
  values: ResultValues,
  options: { timeoutMs?: number; onProgress?: (phase: string, fraction: number) => void } = {},
): Promise<StoredResult> {
  return prisma.$transaction((tx) => writeResult(tx, target, values, options.onProgress ?? (() => {})), txOptions(options.timeoutMs ?? 10 * 60_000));
}

async function writeResult(tx: Tx, target: ResultTarget, v: ResultValues, progress: (phase: string, fraction: number) => void): Promise<StoredResult> {
  const { teamId } = target;
  const m = v.manifest;
  const spec = m.experiment;
  const probe = { dataset: m.dataset.name, splitSeed: m.dataset.splitSeed, count: m.dataset.probe, imageShape: m.dataset.imageShape, classNames: m.dataset.classNames ?? null };
  let experimentId: string;
  if (target.experimentId) {
    experimentId = target.experimentId;
    // Replace whatever an earlier attempt stored (networks cascade to layers, units, alignments).
    await tx.alignment.deleteMany({ where: { experimentId } });
    await tx.chanceBaseline.deleteMany({ where: { experimentId } });
    await tx.layerStatistic.deleteMany({ where: { experimentId } });
    await tx.layer.deleteMany({ where: { network: { experimentId } } });
    await tx.artifact.deleteMany({ where: { experimentId, kind: { notIn: ['CHECKPOINT'] } } });
    await tx.experiment.update({
      where: { id: experimentId },
      data: {
        status: 'COMPLETED',
        phase: null,
        error: null,
        probeCount: m.dataset.probe,
        probe,
        // The manifest's random-stream version (results from before it existed read as 1).
        streamVersion: m.streams.version,
        completedAt: new Date(),
        ...(target.placeholder
          ? { name: target.name?.trim() || spec.name, dataset: m.dataset.name, spec: spec as unknown as Prisma.InputJsonValue, specHash: v.hash, description: `imported from ${v.source}` }
          : {}),
      },
    });
  } else {
    const created = await tx.experiment.create({
      data: {
        teamId,
        name: target.name?.trim() || spec.name,
        description: `imported from ${v.source}`,
        dataset: m.dataset.name,
        probe,
        spec: spec as unknown as Prisma.InputJsonValue,
        specHash: v.hash,
        source: 'RESULT',
        status: 'COMPLETED',
        probeCount: m.dataset.probe,
        streamVersion: m.streams.version,
        completedAt: new Date(),
      },
    });
    experimentId = created.id;
  }
  const owner: ArtifactOwner = { teamId, experimentId };

  await putProbe(tx, owner, v.probe);
  await putArtifact(tx, owner, manifestKey(experimentId), 'MANIFEST', Buffer.from(JSON.stringify(m)), { mediaType: 'application/json' });

  // ---- networks, layers, units
  const networkIds = new Map<string, string>();
  const layerIds = new Map<string, string>(); // `${network}/${layer}`
  for (const n of v.networks) {
    const id = await storeResultNetwork(tx, owner, n, { backend: m.backend.name, epochs: spec.training.epochs });
    networkIds.set(n.id, id);
    for (const [key, layerId] of await storeNetworkLayers(tx, owner, id, n.layers)) layerIds.set(`${n.id}/${key}`, layerId);
  }
  // Networks of an earlier plan that this result lacks would be stale.
  if (target.experimentId) await deleteNetworksNotIn(tx, experimentId, v.networks.map((n) => n.id));

  // ---- alignments
  let count = 0;
  for (const [i, a] of v.alignments.entries()) {
    count += await storePair(tx, { experimentId, teamId, networkIds, layerIds }, a);
    progress('writing', 0.3 + (0.65 * (i + 1)) / Math.max(1, v.alignments.length));
  }

  await storeChanceBaselines(tx, experimentId, m.layers);
  await storeLayerStatistics(tx, experimentId, m.layers);
  await storeConsensusAndStitching(tx, experimentId, m.consensus ?? [], m.stitching ?? []);
  return { experimentId, networks: v.networks.length, alignments: count };
}
