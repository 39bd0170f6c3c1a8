/** Layers of networks with their units: Layer rows, Unit rows (bulk) and each layer's within-correlation artifact. */
import { bulkInsert } from './bulk-insert.ts';
import { type ArtifactOwner, putNpyArtifact, withinKey } from './artifacts.ts';
import type { Db, Tx } from './db.ts';
import type { LayerValues } from './values.ts';

const UNIT_COLUMNS = [
  { name: 'layerId', type: 'text' },
  { name: 'index', type: 'int4' },
  { name: 'mean', type: 'float8' },
  { name: 'std', type: 'float8' },
  { name: 'dead', type: 'bool' },
  { name: 'topImages', type: 'jsonb' },
] as const;

/**
 * A network's recorded layers: Layer rows, their within-correlation artifacts and Unit rows, in the caller's
 * transaction. Answers layer name → id.
 */
export async function storeNetworkLayers(tx: Tx, owner: ArtifactOwner, networkId: string, layers: LayerValues[], firstIndex = 0): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, l] of layers.entries()) {
    const layer = await tx.layer.create({
      data: {
        networkId,
        name: l.name,
        index: firstIndex + i,
        kind: l.kind,
        unitCount: l.units,
        shape: l.shape,
        receptiveField: l.receptiveField,
        samples: l.samples,
        deadCount: l.deadCount,
      },
      select: { id: true },
    });
    ids.set(l.name, layer.id);
    const withinId = await putNpyArtifact(tx, owner, withinKey(layer.id), 'CORRELATION', l.within, { networkId });
    await tx.layer.update({ where: { id: layer.id }, data: { withinId } });
    await bulkInsert(
      tx,
      'Unit',
      [...UNIT_COLUMNS],
      l.unitStats.map((u) => [layer.id, u.index, u.mean, u.std, u.dead, u.top]),
    );
  }
  return ids;
}

/**
 * Deletes every layer of the experiment's networks (cascading to units and alignments) and, with `withinArtifacts`,
 * their within-correlation artifacts (keyed by layer id, so a rewrite would orphan them).
 */
export async function deleteExperimentLayers(db: Db, experimentId: string, options: { withinArtifacts?: boolean } = {}): Promise<void> {
  if (options.withinArtifacts) await db.artifact.deleteMany({ where: { experimentId, key: { startsWith: 'layer/' } } });
  await db.layer.deleteMany({ where: { network: { experimentId } } });
}
