/**
 * Trained networks back from their stored weights (the `network/<id>/model.json` and `weights.bin` artifacts a
 * TRAIN job or an import wrote), ready for the engine's recording pass. Used by RECORD (every network of an
 * experiment) and by the on-demand alignment of two networks of two experiments (align-networks-job.ts).
 */
import type { RecordedNetwork, ResolvedArchitecture } from '@convergent/engine/steps';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { weightKeys } from '../../store/artifacts.ts';
import { PermanentJobError } from '../job-context.ts';
import { engineSteps } from './step-context.ts';

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
  const { loadNetwork } = await engineSteps();
  const models: RecordedNetwork[] = [];
  try {
    for (const n of nets) {
      const files = await prisma.artifact.findMany({ where: { networkId: n.rowId, key: { in: [...weightKeys(n.rowId)] } }, select: { key: true, data: true } });
      const modelJson = files.find((f) => f.key.endsWith('model.json'))?.data;
      const weightsBin = files.find((f) => !f.key.endsWith('model.json'))?.data;
      if (files.length !== 2 || !modelJson || !weightsBin) throw new PermanentJobError(missing(n.id));
      models.push(await loadNetwork({ id: n.id, spec: n.spec, modelJson, weightsBin }));
    }
  } catch (err) {
    for (const m of models) m.model.dispose();
    throw err;
  }
  return models;
}
