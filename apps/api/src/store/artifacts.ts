/**
 * Artifacts: binary values (matrices, probe images, weights, checkpoints, recorded statistics) keyed per team. The
 * key names live here, with the writes; readers (file routes, RECORD, ALIGN) look them up with the same helpers.
 */
import { createHash } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.ts';
import type { ArtifactKind } from '../generated/prisma/enums.ts';
import type { Db, Tx } from './db.ts';
import { type ArrayValue, npyBytes } from './values.ts';

const NPY = 'application/x-npy';

export const probeKeys = (experimentId: string) => ({ images: `experiment/${experimentId}/probe/images.npy`, labels: `experiment/${experimentId}/probe/labels.npy` });
export const manifestKey = (experimentId: string) => `experiment/${experimentId}/manifest.json`;
/** A network's tfjs weights: `model.json` (kind WEIGHTS) and `weights.bin`. */
export const weightKeys = (networkRowId: string) => [`network/${networkRowId}/model.json`, `network/${networkRowId}/weights.bin`] as const;
export const checkpointKey = (networkId: string) => `network/${networkId}/checkpoint.pack`;
export const withinKey = (layerId: string) => `layer/${layerId}/within.npy`;
/** RECORD's per (network, layer) statistics, read by ALIGN (engine record/pair-recording.ts member part). */
export const memberKey = (experimentId: string, layer: string, network: string) => `record/${experimentId}/${layer}/${network}.member`;
/** RECORD's per (pair, layer) statistics (cross part). */
export const crossKey = (experimentId: string, layer: string, a: string, b: string) => `record/${experimentId}/${layer}/${a}__${b}.cross`;

export interface ArtifactExtra {
  networkId?: string;
  mediaType?: string;
  metadata?: Prisma.InputJsonValue;
}

/** Whose artifacts: keys are unique per team; rows belong to an experiment (deleted with it). */
export interface ArtifactOwner {
  teamId: string;
  experimentId: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes (or replaces) the artifact `key` of the owner's team; answers its id. */
export async function putArtifact(db: Db, owner: ArtifactOwner, key: string, kind: ArtifactKind, data: Uint8Array, extra: ArtifactExtra = {}): Promise<string> {
  const fields = {
    kind,
    experimentId: owner.experimentId,
    networkId: extra.networkId ?? null,
    mediaType: extra.mediaType ?? NPY,
    size: data.length,
    sha256: sha256(data),
    metadata: extra.metadata ?? {},
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) as Uint8Array<ArrayBuffer>,
  };
  const row = await db.artifact.upsert({
    where: { teamId_key: { teamId: owner.teamId, key } },
    create: { teamId: owner.teamId, key, ...fields },
    update: fields,
    select: { id: true },
  });
  return row.id;
}

/** An array as a `.npy` artifact. */
export function putNpyArtifact(db: Db, owner: ArtifactOwner, key: string, kind: ArtifactKind, value: ArrayValue, extra: ArtifactExtra = {}): Promise<string> {
  return putArtifact(db, owner, key, kind, npyBytes(value), extra);
}

/** The probe images (uint8 [n, h, w, c]) and labels (int32 [n]) every recording of the experiment used. */
export async function putProbe(tx: Tx, owner: ArtifactOwner, probe: { images: ArrayValue; labels: ArrayValue }): Promise<void> {
  const keys = probeKeys(owner.experimentId);
  await putNpyArtifact(tx, owner, keys.images, 'PROBE_IMAGES', probe.images);
  await putNpyArtifact(tx, owner, keys.labels, 'PROBE_LABELS', probe.labels);
}

/** A network's tfjs weights as its two weight artifacts. */
export async function putWeights(db: Db, owner: ArtifactOwner, networkId: string, weights: { modelJson: Uint8Array; weightsBin: Uint8Array }): Promise<void> {
  const [modelKey, binKey] = weightKeys(networkId);
  await putArtifact(db, owner, modelKey, 'WEIGHTS', weights.modelJson, { networkId, mediaType: 'application/json', metadata: { weightsKey: binKey } });
  await putArtifact(db, owner, binKey, 'OTHER', weights.weightsBin, { networkId, mediaType: 'application/octet-stream' });
}

/** A training checkpoint (a packed folder) of a network, replacing the previous one. */
export function putCheckpoint(db: Db, owner: ArtifactOwner, networkId: string, bytes: Uint8Array, metadata: Prisma.InputJsonValue): Promise<string> {
  return putArtifact(db, owner, checkpointKey(networkId), 'CHECKPOINT', bytes, { networkId, mediaType: 'application/octet-stream', metadata });
}

/** Recorded statistics (kind MOMENTS) for the ALIGN jobs. */
export interface MomentsBlob {
  key: string;
  networkId?: string;
  bytes: Uint8Array;
  metadata: Prisma.InputJsonValue;
}

export async function putMoments(tx: Tx, owner: ArtifactOwner, blobs: MomentsBlob[]): Promise<void> {
  for (const b of blobs) {
    await putArtifact(tx, owner, b.key, 'MOMENTS', b.bytes, { mediaType: 'application/octet-stream', metadata: b.metadata, ...(b.networkId ? { networkId: b.networkId } : {}) });
  }
}
