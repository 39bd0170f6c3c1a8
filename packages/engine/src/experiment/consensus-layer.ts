/**
 * Consensus at one recorded layer of an experiment (align/consensus.ts): the trained networks that have the layer
 * form the family (reference = the first of them), pairwise max-weight matchings on their correlations from the
 * layer's joint moments; chance = the same on the untrained networks of the same architectures (as many of each
 * as the trained family has: planNetworks adds them when `consensus` is asked for).
 */
import { consensus } from '../align/consensus.ts';
import { hungarianAlignment } from '../align/hungarian.ts';
import type { LayerRecording } from '../record/record-family.ts';
import type { ConsensusFamily, ConsensusRecord } from './manifest.ts';

function correlationBlock(rec: LayerRecording, x: number, y: number): Float64Array {
  const m = rec.moments;
  const A = rec.members[x]!.group;
  const B = rec.members[y]!.group;
  const out = new Float64Array(A.count * B.count);
  for (let i = 0; i < A.count; i++) out.set(m.corr.subarray((A.offset + i) * m.width + B.offset, (A.offset + i) * m.width + B.offset + B.count), i * B.count);
  return out;
}

/** Consensus of the members `family` (indices into rec.members, at least 2). */
export function familyConsensus(rec: LayerRecording, family: number[]): ConsensusFamily {
  const members = family.map((i) => rec.members[i]!);
  const r = consensus({
    units: members.map((m) => m.group.count),
    dead: members.map((m) => rec.moments.dead.slice(m.group.offset, m.group.offset + m.group.count)),
    match: (x, y) => hungarianAlignment(correlationBlock(rec, family[x]!, family[y]!), members[x]!.group.count, members[y]!.group.count).match,
  });
  return {
    networks: members.map((m) => m.networkId),
    reference: members[r.reference]!.networkId,
    liveUnits: r.liveUnits,
    count: r.count,
    fraction: r.fraction,
    found: Array.from(r.found),
    meanFound: r.liveUnits > 0 ? r.found.reduce((a, b) => a + b, 0) / r.liveUnits : 0,
    units: r.groups.map((g) => Array.from(g)),
  };
}

/**
 * The layer's consensus record, or undefined when fewer than 2 trained networks have the layer. The chance family
 * pairs every trained member with a distinct untrained member of the same architecture, in order; it is null when
 * there are not enough untrained networks for that.
 */
export function layerConsensus(rec: LayerRecording, roleOf: (networkId: string) => { role: 'trained' | 'untrained'; architecture: string }): ConsensusRecord | undefined {
  const trained = rec.members.map((m, i) => [m, i] as const).filter(([m]) => roleOf(m.networkId).role === 'trained');
  if (trained.length < 2) return undefined;
  const untrained = rec.members.map((m, i) => [m, i] as const).filter(([m]) => roleOf(m.networkId).role === 'untrained');
  const used = new Set<number>();
  const chanceFamily: number[] = [];
  for (const [m] of trained) {
    const arch = roleOf(m.networkId).architecture;
    const twin = untrained.find(([u, i]) => !used.has(i) && roleOf(u.networkId).architecture === arch);
    if (!twin) break;
    used.add(twin[1]);
    chanceFamily.push(twin[1]);
  }
  return {
    layer: rec.name,
    matching: 'max',
    trained: familyConsensus(rec, trained.map(([, i]) => i)),
    chance: chanceFamily.length === trained.length ? familyConsensus(rec, chanceFamily) : null,
  };
}
