/** The rows behind an alignability check (alignability.ts) of one network, read within one team. */
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { AlignSide } from './alignability.ts';

/** The alignability inputs of a network (null when it does not exist in `teamId`). */
export async function alignSide(prisma: PrismaClient, networkId: string, teamId: string): Promise<AlignSide | null> {
  const n = await prisma.network.findFirst({
    where: { id: networkId, experiment: { teamId } },
    select: {
      id: true,
      name: true,
      experiment: { select: { id: true, name: true, status: true, spec: true, probeCount: true, teamId: true } },
      layers: { select: { name: true, shape: true }, orderBy: [{ index: 'asc' }, { name: 'asc' }] },
      artifacts: { where: { kind: 'WEIGHTS' }, select: { id: true }, take: 1 },
    },
  });
  if (!n) return null;
  return {
    experiment: { id: n.experiment.id, name: n.experiment.name, status: n.experiment.status, spec: n.experiment.spec, probeCount: n.experiment.probeCount },
    network: {
      id: n.id,
      name: n.name,
      hasWeights: n.artifacts.length > 0,
      layers: n.layers.map((l) => l.name),
      // [] is a legacy row whose shape is unknown: left out, so it neither passes nor fails the spatial-size check.
      shapes: Object.fromEntries(n.layers.filter((l) => l.shape.length > 0).map((l) => [l.name, l.shape])),
    },
  };
}

