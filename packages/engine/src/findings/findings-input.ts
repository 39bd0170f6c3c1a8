/**
 * `FindingsInput` from a result directory (`convergent experiment run --out DIR`): the manifest (format 2) and the
 * semi-matching vectors + correlation matrices of every pair. Throws `SpecError` naming the problem and the fix for a
 * missing, partial or older-format directory.
 */
import path from 'node:path';
import { readNpy } from '../io/npy.ts';
import { MANIFEST_VERSION, type ResultManifest, validateResultDirectory } from '../experiment/manifest.ts';
import { SpecError } from '../spec/json-checks.ts';
import type { FindingsInput, FindingsPair } from './compute-findings.ts';

/** Per unit of the row side: best correlation (null for a dead unit, 0 for a live unit whose best partner is dead). */
export function bestCorrelations(R: ArrayLike<number>, p: number, q: number, match: ArrayLike<number>, rowsAreA: boolean, dead: ReadonlyArray<boolean>): Array<number | null> {
  const n = rowsAreA ? p : q;
  const out: Array<number | null> = new Array(n);
  for (let i = 0; i < n; i++) {
    if (dead[i]) out[i] = null;
    else {
      const m = match[i]!;
      out[i] = m < 0 ? 0 : rowsAreA ? R[i * q + m]! : R[m * q + i]!;
    }
  }
  return out;
}

async function numbers(dir: string, rel: string): Promise<ArrayLike<number>> {
  const arr = await readNpy(path.join(dir, rel));
  if (arr.data instanceof BigInt64Array || arr.data instanceof BigUint64Array) throw new SpecError('invalid result directory', [`${rel} holds 64-bit integers; the result writes float32 and int32`]);
  return arr.data;
}

export async function findingsInputFromResultDirectory(dir: string): Promise<FindingsInput> {
  const manifest: ResultManifest = await validateResultDirectory(dir);
  if (manifest.version !== MANIFEST_VERSION) {
    throw new SpecError('old result format', [
      `${path.join(dir, 'manifest.json')} is format ${manifest.version}; findings need format ${MANIFEST_VERSION} (live units, matched chance, statistics): run \`convergent experiment run\` on its spec again`,
    ]);
  }
  const noStats = manifest.layers.filter((l) => !l.statistics);
  if (noStats.length > 0) {
    throw new SpecError('incomplete result directory', [`layers ${noStats.map((l) => l.name).join(', ')} have no statistics in manifest.json; run \`convergent experiment run\` on its spec again`]);
  }
  const dead = new Map<string, boolean[]>();
  for (const n of manifest.networks) for (const l of n.layers) dead.set(`${n.id}\u0000${l.name}`, l.unitStats.map((u) => u.dead));
  const deadOf = (net: string, layer: string) => dead.get(`${net}\u0000${layer}`)!;
  const pairs: FindingsPair[] = [];
  for (const a of manifest.alignments) {
    const pair: FindingsPair = { layer: a.layer, a: a.a, b: a.b, kind: a.kind, ...(a.mirrors ? { mirrors: a.mirrors } : {}) };
    if (a.semi) {
      const [R, ma, mb] = await Promise.all([numbers(dir, a.correlation.path), numbers(dir, a.semi.matchA.path), numbers(dir, a.semi.matchB.path)]);
      pair.bestA = bestCorrelations(R, a.p, a.q, ma, true, deadOf(a.a, a.layer));
      pair.bestB = bestCorrelations(R, a.p, a.q, mb, false, deadOf(a.b, a.layer));
      pair.oneToOne = a.semi.oneToOneFractionLive ?? null;
    }
    if (a.max) pair.max = a.max.meanLive ?? null;
    if (a.sparse) pair.sparse = { nonzero: a.sparse.nonzero, fvuHeldOut: a.sparse.fvuHeldOut ?? a.sparse.nonzero.map(() => null) };
    pairs.push(pair);
  }
  // depth order: the order layers appear in the first network's record (input to output)
  const order = manifest.networks[0]?.layers.map((l) => l.name) ?? [];
  const layers = manifest.layers.map((l) => l.name).sort((x, y) => order.indexOf(x) - order.indexOf(y));
  return {
    source: { kind: 'result-directory', name: manifest.experiment.name, createdAt: manifest.createdAt },
    networks: manifest.networks.map((n) => ({ id: n.id, architecture: n.architecture, role: n.role })),
    layers,
    pairs,
    statistics: Object.fromEntries(manifest.layers.map((l) => [l.name, l.statistics ?? []])),
  };
}
