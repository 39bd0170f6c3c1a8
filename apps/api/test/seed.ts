// Seeds an experiment with planted, exactly known structure (tests check the API against these values):
//  - networks: trained architectures × seeds, plus optional untrained twins (chance baseline);
//  - per layer, every network has the within matrix W (W[i][i] = 1, W[i][j] = 0.1·cos(i + j)); for a stored pair
//    (a, b), B's units are A's shifted: the max matching maps unit i of A to perm(i) = (i + shift) mod q
//    (unmatched, -1, for i >= q), with score_i = v + 0.01·(i - (m - 1)/2) over the m matched units (mean exactly
//    v), and the between matrix R[i][perm(j)] = W[i][j] (i != j), R[i][perm(i)] = score_i: so
//    W[i][j] - R[i][perm(j)] is 0 off the diagonal and 1 - score_i on it;
//  - probe images uint8 [n, 8, 8, 1] with pixel (k, y, x) = (7k + 8y + x) mod 256.
import { encodeNpy } from '@convergent/engine/npy';
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import type { AlignmentMethod } from '../src/generated/prisma/client.ts';
import { createApiToken } from '../src/auth/tokens.ts';

export interface SeedNetworkSpec {
  arch: string;
  seed: number;
  untrained?: boolean;
}

export interface SeedOptions {
  name?: string;
  networks: SeedNetworkSpec[];
  /** Units per layer per architecture: layers[name][arch]. */
  layers: { name: string; kind: 'conv' | 'dense'; units: Record<string, number> }[];
  methods?: AlignmentMethod[];
  /** Which pairs of (trained) networks get alignments: all, or each network with the next `neighbors`. */
  neighbors?: number;
  probeImages?: number;
  /** Store R_AB / W artifacts (tests true; the benchmark may skip them). */
  matrices?: boolean;
  /** Store a ChanceBaseline row for the first layer (the other layers fall back to untrained alignments). */
  storedChance?: boolean;
}

export interface SeededNetwork {
  id: string;
  arch: string;
  seed: number;
  untrained: boolean;
  layers: Record<string, { id: string; units: number; unitIds: number[] }>;
}

export interface SeededAlignment {
  id: string;
  a: number;
  b: number;
  layer: string;
  method: AlignmentMethod;
  shift: number;
  value: number;
  p: number;
  q: number;
}

export interface Seeded {
  experimentId: string;
  networks: SeededNetwork[];
  alignments: SeededAlignment[];
  probeImages: number;
}

export const withinValue = (i: number, j: number): number => (i === j ? 1 : 0.1 * Math.cos(i + j));
export const pairShift = (a: number, b: number): number => (a * 3 + b) % 5;
/** Planted headline value of a pair at a layer (kept in (0, 1)). */
export const pairValue = (a: number, b: number, layerIndex: number, method: AlignmentMethod): number =>
  (method === 'CKA' ? 0.3 : method === 'SEMI' ? 0.45 : 0.4) + 0.1 * layerIndex + 0.01 * ((a + b) % 7);
export const perm = (i: number, shift: number, q: number): number => (i + shift) % q;

export function npy(data: Float32Array | Int32Array | Uint8Array, shape: number[]): Buffer {
  return Buffer.concat(encodeNpy(data, shape));
}

export function withinMatrix(p: number): Float32Array {
  const w = new Float32Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) w[i * p + j] = withinValue(i, j);
  return w;
}

/** Matched pairs (i, perm(i), score) of A's units, for p units of A and q of B. */
export function plantedMatches(p: number, q: number, shift: number, value: number): { i: number; j: number; score: number }[] {
  const m = Math.min(p, q);
  const out = [];
  for (let i = 0; i < m; i++) out.push({ i, j: perm(i, shift, q), score: value + 0.01 * (i - (m - 1) / 2) });
  return out;
}

export function betweenMatrix(p: number, q: number, shift: number, value: number): Float32Array {
  const r = new Float32Array(p * q);
  const matches = plantedMatches(p, q, shift, value);
  for (let i = 0; i < p; i++) for (let j = 0; j < Math.min(p, q); j++) if (i !== j) r[i * q + perm(j, shift, q)] = withinValue(i, j);
  for (const m of matches) r[m.i * q + m.j] = m.score;
  return r;
}

async function artifact(prisma: PrismaClient, teamId: string, experimentId: string, key: string, kind: 'CORRELATION' | 'PROBE_IMAGES', data: Buffer) {
  return prisma.artifact.create({
    data: {
      teamId,
      experimentId,
      key,
      kind,
      mediaType: 'application/x-npy',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data: new Uint8Array(data),
    },
    select: { id: true },
  });
}

/** A team and its first token, an ADMIN one (as `convergent team create` makes). */
export async function seedTeam(prisma: PrismaClient, name: string, options: { role?: 'ADMIN' | 'MEMBER'; importRoots?: string[] } = {}): Promise<{ teamId: string; token: string }> {
  const team = await prisma.team.create({ data: { name, importRoots: options.importRoots ?? [] }, select: { id: true } });
  const { token } = await createApiToken(prisma, team.id, `${name} test token`, { role: options.role ?? 'ADMIN' });
  return { teamId: team.id, token };
}

export async function seedExperiment(prisma: PrismaClient, teamId: string, options: SeedOptions): Promise<Seeded> {
  const methods = options.methods ?? ['HUNGARIAN', 'SEMI', 'SPARSE', 'SPECTRAL', 'CKA'];
  const nProbe = options.probeImages ?? 12;
  const matrices = options.matrices ?? true;
  const name = options.name ?? 'seeded';
  const exp = await prisma.experiment.create({
    data: {
      teamId,
      name,
      dataset: 'synthetic',
      probe: { probe: nProbe },
      probeCount: nProbe,
      spec: { name, seeds: [...new Set(options.networks.map((n) => n.seed))], architectures: [...new Set(options.networks.map((n) => n.arch))] },
      specHash: createHash('sha256').update(name + Math.random()).digest('hex'),
      source: 'RESULT',
      status: 'COMPLETED',
    },
  });
  const probe = new Uint8Array(nProbe * 64);
  for (let k = 0; k < nProbe; k++) for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) probe[k * 64 + y * 8 + x] = (7 * k + 8 * y + x) % 256;
  await artifact(prisma, teamId, exp.id, `experiment/${exp.id}/probe-images`, 'PROBE_IMAGES', npy(probe, [nProbe, 8, 8, 1]));

  const networks: SeededNetwork[] = [];
  for (const [k, spec] of options.networks.entries()) {
    const untrained = spec.untrained ?? false;
    const net = await prisma.network.create({
      data: {
        experimentId: exp.id,
        name: `${spec.arch}-${untrained ? 'untrained' : `s${spec.seed}`}`,
        arch: spec.arch,
        archSpec: { name: spec.arch, width: options.layers[0]!.units[spec.arch] ?? 0 },
        seed: spec.seed,
        untrained,
        backend: 'cpu',
        status: 'COMPLETED',
        epochs: 2,
        epochsDone: 2,
        metrics: [
          { epoch: 1, trainLoss: 1, trainAccuracy: 0.5, validationLoss: 1.1, validationAccuracy: 0.6, seconds: 2 },
          { epoch: 2, trainLoss: 0.5, trainAccuracy: 0.8, validationLoss: 0.6, validationAccuracy: untrained ? 0.1 : 0.8 + 0.01 * k, seconds: 2 },
        ],
        accuracy: untrained ? 0.1 : 0.8 + 0.01 * k,
      },
    });
    const layers: SeededNetwork['layers'] = {};
    for (const [li, l] of options.layers.entries()) {
      const units = l.units[spec.arch];
      if (!units) continue;
      const within = matrices ? await artifact(prisma, teamId, exp.id, `network/${net.id}/${l.name}/within`, 'CORRELATION', npy(withinMatrix(units), [units, units])) : null;
      const layer = await prisma.layer.create({
        data: {
          networkId: net.id,
          name: l.name,
          index: li,
          kind: l.kind,
          unitCount: units,
          shape: l.kind === 'conv' ? [4, 4, units] : [units],
          receptiveField: l.kind === 'conv' ? { size: 3, stride: 2, offset: -1 } : { size: 8, stride: 1, offset: 0 },
          samples: 100,
          deadCount: 1,
          withinId: within?.id ?? null,
        },
      });
      await prisma.unit.createMany({
        data: Array.from({ length: units }, (_, i) => ({
          layerId: layer.id,
          index: i,
          mean: k + i / 100,
          std: i === units - 1 ? 0 : 1 + i / 1000,
          dead: i === units - 1,
          topImages: [0, 1, 2].map((r) => ({ imageIndex: (i + r) % nProbe, y: r % 3, x: r % 2, value: 10 - r })),
        })),
      });
      const unitRows = await prisma.unit.findMany({ where: { layerId: layer.id }, orderBy: { index: 'asc' }, select: { id: true } });
      layers[l.name] = { id: layer.id, units, unitIds: unitRows.map((u) => u.id) };
    }
    networks.push({ id: net.id, arch: spec.arch, seed: spec.seed, untrained, layers });
  }

  const alignments: SeededAlignment[] = [];
  const trained = networks.map((n, i) => ({ n, i })).filter((x) => !x.n.untrained);
  const pairs: [number, number][] = [];
  for (let x = 0; x < trained.length; x++) {
    const upTo = options.neighbors === undefined ? trained.length : Math.min(trained.length, x + 1 + options.neighbors);
    for (let y = x + 1; y < upTo; y++) pairs.push([trained[x]!.i, trained[y]!.i]);
  }
  // Chance pairs: each untrained twin against the first trained network of its architecture.
  for (const [i, n] of networks.entries()) {
    if (!n.untrained) continue;
    const t = networks.findIndex((m) => !m.untrained && m.arch === n.arch);
    if (t >= 0) pairs.push([t, i]);
  }
  for (const [a, b] of pairs) {
    const na = networks[a]!;
    const nb = networks[b]!;
    const chance = na.untrained || nb.untrained;
    for (const [li, l] of options.layers.entries()) {
      const la = na.layers[l.name];
      const lb = nb.layers[l.name];
      if (!la || !lb) continue;
      const shift = pairShift(a, b);
      for (const method of chance ? (['HUNGARIAN', 'CKA'] as AlignmentMethod[]).filter((m) => methods.includes(m)) : methods) {
        const value = chance ? 0.1 + 0.01 * li : pairValue(a, b, li, method);
        const p = la.units;
        const q = lb.units;
        const between = matrices && (method === 'HUNGARIAN' || method === 'SEMI')
          ? await artifact(prisma, teamId, exp.id, `alignment/${na.id}/${nb.id}/${l.name}/${method}`, 'CORRELATION', npy(betweenMatrix(p, q, shift, value), [p, q]))
          : null;
        const matches = plantedMatches(p, q, shift, value);
        const summary: Record<string, unknown> = { samples: 100, unitsA: p, unitsB: q };
        if (method === 'HUNGARIAN') summary['meanCorr'] = value;
        if (method === 'SEMI') Object.assign(summary, { meanCorr: value, meanCorrB: value, oneToOneFraction: 1 });
        if (method === 'CKA') Object.assign(summary, { ckaLinear: value, ckaDebiased: value - 0.05 });
        if (method === 'SPECTRAL') summary['mixedClusterFraction'] = value;
        if (method === 'SPARSE') summary['lossPath'] = [
          { penalty: 0.01, meanLoss: 0.2, meanLossHeldOut: 0.25, meanNonzero: 2 },
          { penalty: 0.1, meanLoss: 1 - value, meanLossHeldOut: null, meanNonzero: 1 },
        ];
        const al = await prisma.alignment.create({
          data: {
            experimentId: exp.id,
            networkAId: na.id,
            networkBId: nb.id,
            layerName: l.name,
            layerAId: la.id,
            layerBId: lb.id,
            method,
            kind: chance ? 'chance' : 'between',
            summary: summary as object,
            status: 'COMPLETED',
            matrixId: between?.id ?? null,
            completedAt: new Date(),
          },
        });
        if (method === 'HUNGARIAN' || method === 'SEMI') {
          const rows = [];
          for (let i = 0; i < p; i++) {
            const m = matches.find((x) => x.i === i);
            rows.push({ alignmentId: al.id, direction: 'A_TO_B' as const, unitA: i, unitB: m ? m.j : null, score: m ? m.score : 0, correlation: m ? m.score : null, oneToOne: Boolean(m) });
          }
          if (method === 'SEMI') {
            // B's own best matches: the inverse of the planted matching (unmatched B units pick unit 0).
            for (let j = 0; j < q; j++) {
              const m = matches.find((x) => x.j === j);
              rows.push({ alignmentId: al.id, direction: 'B_TO_A' as const, unitA: m ? m.i : 0, unitB: j, score: m ? m.score : 0, correlation: m ? m.score : 0, oneToOne: Boolean(m) });
            }
          }
          await prisma.unitMatch.createMany({ data: rows });
        }
        if (method === 'SPARSE') {
          // Target j of B is predicted from A's unit perm^-1(j) (weight 0.9) and, at the small penalty, unit 0 too.
          for (const m of matches) {
            for (const penalty of [0.01, 0.1]) {
              const path = await prisma.sparsePath.create({ data: { alignmentId: al.id, target: m.j, penalty, fvu: penalty === 0.01 ? 0.2 : 1 - value, nonzero: penalty === 0.01 ? 2 : 1 } });
              const weights = [{ pathId: path.id, source: m.i, weight: 0.9 }];
              if (penalty === 0.01 && m.i !== 0) weights.push({ pathId: path.id, source: 0, weight: -0.05 });
              await prisma.sparseWeight.createMany({ data: weights });
            }
          }
        }
        if (method === 'SPECTRAL') {
          // Two clusters: A's even units with B's units perm(even), and the rest.
          for (const c of [0, 1]) {
            const as = Array.from({ length: p }, (_, i) => i).filter((i) => i % 2 === c);
            const bs = matches.filter((m) => m.i % 2 === c).map((m) => m.j);
            const cl = await prisma.cluster.create({ data: { alignmentId: al.id, index: c, countA: as.length, countB: bs.length, mixed: as.length > 0 && bs.length > 0 } });
            await prisma.clusterMember.createMany({
              data: [...as.map((u) => ({ clusterId: cl.id, side: 'A_TO_B' as const, unit: u })), ...bs.map((u) => ({ clusterId: cl.id, side: 'B_TO_A' as const, unit: u }))],
            });
          }
        }
        alignments.push({ id: al.id, a, b, layer: l.name, method, shift, value, p, q });
      }
    }
  }
  if (options.storedChance && methods.includes('HUNGARIAN')) {
    const first = options.layers[0]!;
    await prisma.chanceBaseline.create({
      data: { experimentId: exp.id, layerName: first.name, method: 'HUNGARIAN', metric: 'meanCorr', value: 0.05, source: 'untrained' },
    });
  }
  return { experimentId: exp.id, networks, alignments, probeImages: nProbe };
}
