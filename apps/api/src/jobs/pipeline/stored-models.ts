/**
 * Trained networks back from their stored weights (the `network/<id>/model.json` and `weights.bin` artifacts a
 * TRAIN job or an import wrote), ready for the engine's recording pass. Used by RECORD (every network of an
 * experiment) and by the on-demand alignment of two networks of two experiments (align-networks-job.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RecordedNetwork } from '@convergent/engine/record/record-family';
import type { ResolvedArchitecture } from '@convergent/engine/spec/architecture-spec';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { weightKeys } from '../../store/artifacts.ts';
import { PermanentJobError } from '../job-context.ts';

/**
 * Load each network's model in the given order. `id` is the member id the recording uses; `rowId` the Network row.
 * A network without both weight artifacts fails for good with `missing(id)` (retrying cannot create weights).
 * The caller disposes the models.
 */
export async function loadStoredModels(
  prisma: PrismaClient,
  nets: ReadonlyArray<{ id: string; rowId: string; spec: ResolvedArchitecture }>,
  missing: (id: string) => string,
): Promise<RecordedNetwork[]> {
  const { loadModel } = await import('@convergent/engine/train/weights-io');
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'cv-record-'));
  const models: RecordedNetwork[] = [];
  try {
    for (const n of nets) {
      const files = await prisma.artifact.findMany({ where: { networkId: n.rowId, key: { in: [...weightKeys(n.rowId)] } }, select: { key: true, data: true } });
      if (files.length !== 2) throw new PermanentJobError(missing(n.id));
      const dir = path.join(scratch, `m${models.length}`);
      await mkdir(dir, { recursive: true });
      for (const f of files) await writeFile(path.join(dir, f.key.endsWith('model.json') ? 'model.json' : 'weights.bin'), f.data);
      models.push({ id: n.id, spec: n.spec, model: await loadModel(dir) });
    }
  } catch (err) {
    for (const m of models) m.model.dispose();
    throw err;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return models;
}
