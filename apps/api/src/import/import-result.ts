/**
 * Imports a result directory written by `convergent experiment run` (manifest.json + .npy files, see
 * packages/engine/src/experiment/manifest.ts) into the database, in ONE transaction: a reader sees all
 * of it or none of it. Matrices, probe images and weights become Artifacts (bytea); units, matches,
 * sparse weights and clusters become rows.
 *
 * Idempotent: a directory already imported for the team (same manifest SHA-256) answers the existing
 * experiment. With `experimentId` it fills an existing experiment (one created from a spec and computed
 * by a job), replacing whatever an earlier attempt stored.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeNpy, readNpy, type NpyArray, type NpyTypedArray } from '@convergent/engine/io/npy';
import { validateResultDirectory, MANIFEST_FILE, type LayerSummary, type NetworkRecord, type NpyRef, type PairAlignment, type ResultManifest } from '@convergent/engine/experiment/manifest';
import { GRAPHQL_METHOD_INFO, NEWER_MEASURES } from '@convergent/engine/align/methods';
import type { ConsensusRecord, StitchLayerRecord } from '@convergent/engine/experiment/manifest';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { AlignmentMethod, ArtifactKind } from '../generated/prisma/enums.ts';
import { bulkInsert, type Column } from './bulk-insert.ts';

const MATCH_COLUMNS: Column[] = [
  { name: 'alignmentId', type: 'text' },
  { name: 'direction', type: { enum: 'MatchDirection' } },
  { name: 'unitA', type: 'int4' },
  { name: 'unitB', type: 'int4' },
  { name: 'score', type: 'float8' },
  { name: 'correlation', type: 'float8' },
  { name: 'mutualInformation', type: 'float8' },
  { name: 'oneToOne', type: 'bool' },
];

/** UnitMatch rows as arrays in MATCH_COLUMNS order. */
function insertMatches(tx: Tx, rows: Prisma.UnitMatchCreateManyInput[]): Promise<unknown> {
  return bulkInsert(
    tx,
    'UnitMatch',
    MATCH_COLUMNS,
    rows.map((r) => [r.alignmentId, r.direction ?? 'A_TO_B', r.unitA, r.unitB ?? null, r.score, r.correlation ?? null, r.mutualInformation ?? null, r.oneToOne ?? false]),
  );
}

export interface ImportResultOptions {
  teamId: string;
  /** The result directory (absolute or relative to the working directory). */
  dir: string;
  /** Experiment name (default: the spec's name). */
  name?: string | null;
  /** Fill this existing experiment of the team instead of creating one. */
  experimentId?: string;
  /** `experimentId` is a placeholder made when the import was asked for: it takes the result's name, dataset and spec. */
  placeholder?: boolean;
  /** Transaction timeout (default 10 minutes: large results insert many rows). */
  timeoutMs?: number;
  onProgress?: (phase: string, fraction: number) => void;
}

export interface ImportResultOutcome {
  experimentId: string;
  /** false when the same result was already imported (nothing written). */
  created: boolean;
  networks: number;
  alignments: number;
}

type Tx = Prisma.TransactionClient;

const NPY = 'application/x-npy';

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes and decoded arrays of a result's files, by path relative to the result directory. */
export interface ArrayFiles {
  raw(rel: string): Promise<Buffer>;
  npy(ref: NpyRef): Promise<NpyArray>;
}

/** Arrays held in memory (a job's own results), encoded to .npy bytes on request. */
export class MemoryFiles implements ArrayFiles {
  private readonly arrays = new Map<string, NpyArray>();
  /** An `NpyWriter` for the engine's writeLayerStats / writePair that keeps the arrays here. */
  readonly writer = async (rel: string, data: Float32Array | Int32Array | Uint8Array, shape: number[], dtype: NpyRef['dtype']): Promise<NpyRef> => {
    this.arrays.set(rel, { data, shape, dtype } as unknown as NpyArray);
    return { path: rel, dtype, shape };
  };
  async raw(rel: string): Promise<Buffer> {
    const a = this.arrays.get(rel);
    if (!a) throw new Error(`no array ${rel} was computed`);
    return Buffer.concat(encodeNpy(a.data as NpyTypedArray, a.shape));
  }
  async npy(ref: NpyRef): Promise<NpyArray> {
    const a = this.arrays.get(ref.path);
    if (!a) throw new Error(`no array ${ref.path} was computed`);
    return a;
  }
}

/** Reads every referenced file up front, so the transaction only writes. */
class ResultFiles implements ArrayFiles {
  private bytes = new Map<string, Buffer>();
  private arrays = new Map<string, NpyArray>();
  constructor(readonly dir: string) {}

  async raw(rel: string): Promise<Buffer> {
    let b = this.bytes.get(rel);
    if (!b) {
      b = await readFile(path.join(this.dir, rel));
      this.bytes.set(rel, b);
    }
    return b;
  }

  async npy(ref: NpyRef): Promise<NpyArray> {
    let a = this.arrays.get(ref.path);
    if (!a) {
      a = await readNpy(path.join(this.dir, ref.path), { label: ref.path });
      const expected = ref.shape.join('x');
      if (a.shape.join('x') !== expected) {
        throw new Error(`${ref.path} has shape [${a.shape.join(', ')}] but manifest.json says [${ref.shape.join(', ')}]; the result directory is inconsistent`);
      }
      this.arrays.set(ref.path, a);
    }
    return a;
  }
}

function num(x: number | bigint | undefined): number {
  return Number(x ?? 0);
}

/** Postgres float8 has no NaN-safe JSON; non-finite figures are stored as null. */
function finite(x: number | undefined | null): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

export async function importResult(prisma: PrismaClient, options: ImportResultOptions): Promise<ImportResultOutcome> {
  const dir = path.resolve(options.dir);
  const progress = options.onProgress ?? (() => {});
  progress('validating', 0);
  const manifest = await validateResultDirectory(dir);
  const manifestText = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  const hash = sha256(manifestText);
  const files = new ResultFiles(dir);

  if (!options.experimentId) {
    const existing = await prisma.experiment.findFirst({
      where: { teamId: options.teamId, specHash: hash, source: 'RESULT' },
      select: { id: true, _count: { select: { networks: true, alignments: true } } },
    });
    if (existing) {
      return { experimentId: existing.id, created: false, networks: existing._count.networks, alignments: existing._count.alignments };
    }
  } else {
    const target = await prisma.experiment.findFirst({ where: { id: options.experimentId, teamId: options.teamId }, select: { id: true } });
    if (!target) throw new Error(`experiment ${options.experimentId} does not exist for this team`);
  }

  // Load every array before opening the transaction (reading is the slow, failure-prone part).
  progress('reading', 0.1);
  const refs: NpyRef[] = [manifest.probe.images, manifest.probe.labels];
  for (const n of manifest.networks) for (const l of n.layers) refs.push(l.within);
  for (const a of manifest.alignments) {
    refs.push(a.correlation);
    if (a.semi) refs.push(a.semi.matchA, a.semi.matchB);
    if (a.max) refs.push(a.max.match);
    if (a.mi) refs.push(a.mi.matrix, a.mi.matchA, a.mi.matchMax);
    if (a.sparse) refs.push(a.sparse.weights);
  }
  for (const r of refs) await files.npy(r);
  for (const n of manifest.networks) {
    await files.raw(n.weights.modelJson);
    await files.raw(n.weights.weightsBin);
  }

  progress('writing', 0.3);
  const outcome = await prisma.$transaction(
    async (tx) => writeManifest(tx, options, manifest, hash, files, progress),
    { timeout: options.timeoutMs ?? 10 * 60_000, maxWait: 60_000 },
  );
  progress('done', 1);
  return outcome;
}

export type ArtifactWriter = (key: string, kind: ArtifactKind, data: Buffer | Uint8Array, extra?: { networkId?: string; mediaType?: string; metadata?: Prisma.InputJsonValue }) => Promise<string>;

/** Upserts artifacts of an experiment by their team-unique key; answers the artifact id. */
export function artifactWriter(tx: Tx, teamId: string, experimentId: string): ArtifactWriter {
  return async (key, kind, data, extra = {}) => {
    const fields = {
      kind,
      experimentId,
      networkId: extra.networkId ?? null,
      mediaType: extra.mediaType ?? NPY,
      size: data.length,
      sha256: sha256(data),
      metadata: extra.metadata ?? {},
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) as Uint8Array<ArrayBuffer>,
    };
    const row = await tx.artifact.upsert({
      where: { teamId_key: { teamId, key } },
      create: { teamId, key, ...fields },
      update: fields,
      select: { id: true },
    });
    return row.id;
  };
}

async function writeManifest(
  tx: Tx,
  options: ImportResultOptions,
  m: ResultManifest,
  hash: string,
  files: ArrayFiles & { dir: string },
  progress: (phase: string, fraction: number) => void,
): Promise<ImportResultOutcome> {
  const teamId = options.teamId;
  const spec = m.experiment;
  const probe = { dataset: m.dataset.name, splitSeed: m.dataset.splitSeed, count: m.dataset.probe, imageShape: m.dataset.imageShape, classNames: m.dataset.classNames ?? null };
  let experimentId: string;
  if (options.experimentId) {
    experimentId = options.experimentId;
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
        ...(options.placeholder
          ? { name: options.name?.trim() || spec.name, dataset: m.dataset.name, spec: spec as unknown as Prisma.InputJsonValue, specHash: hash, description: `imported from ${path.basename(files.dir)}` }
          : {}),
      },
    });
  } else {
    const created = await tx.experiment.create({
      data: {
        teamId,
        name: options.name?.trim() || spec.name,
        description: `imported from ${path.basename(files.dir)}`,
        dataset: m.dataset.name,
        probe,
        spec: spec as unknown as Prisma.InputJsonValue,
        specHash: hash,
        source: 'RESULT',
        status: 'COMPLETED',
        probeCount: m.dataset.probe,
        streamVersion: m.streams.version,
        completedAt: new Date(),
      },
    });
    experimentId = created.id;
  }

  const artifact = artifactWriter(tx, teamId, experimentId);
  const npyArtifact = async (ref: NpyRef, key: string, kind: ArtifactKind, networkId?: string) =>
    artifact(key, kind, await files.raw(ref.path), networkId ? { networkId } : {});

  const ex = `experiment/${experimentId}`;
  await npyArtifact(m.probe.images, `${ex}/probe/images.npy`, 'PROBE_IMAGES');
  await npyArtifact(m.probe.labels, `${ex}/probe/labels.npy`, 'PROBE_LABELS');
  await artifact(`${ex}/manifest.json`, 'MANIFEST', Buffer.from(JSON.stringify(m)), { mediaType: 'application/json' });

  // ---- networks, layers, units
  const networkIds = new Map<string, string>();
  const layerIds = new Map<string, string>(); // `${network}/${layer}`
  for (const n of m.networks) {
    const last = n.metrics[n.metrics.length - 1];
    const fields = {
      arch: n.architecture,
      archSpec: n.spec as unknown as Prisma.InputJsonValue,
      seed: n.seed,
      untrained: n.role === 'untrained',
      backend: m.backend.name,
      status: 'COMPLETED' as const,
      epochs: n.role === 'untrained' ? 0 : spec.training.epochs,
      epochsDone: n.metrics.length,
      metrics: n.metrics as unknown as Prisma.InputJsonValue,
      // Results written before per-step metrics carry none: an empty series.
      stepMetrics: (n.stepMetrics ?? []) as unknown as Prisma.InputJsonValue,
      accuracy: finite(last?.validationAccuracy),
      parameterCount: n.parameterCount,
      trainSeconds: n.trainSeconds,
      trainedAt: new Date(),
      error: null,
    };
    const net = await tx.network.upsert({
      where: { experimentId_name: { experimentId, name: n.id } },
      create: { experimentId, name: n.id, ...fields },
      update: fields,
      select: { id: true },
    });
    networkIds.set(n.id, net.id);
    await artifact(`network/${net.id}/model.json`, 'WEIGHTS', await files.raw(n.weights.modelJson), {
      networkId: net.id,
      mediaType: 'application/json',
      metadata: { weightsKey: `network/${net.id}/weights.bin` },
    });
    await artifact(`network/${net.id}/weights.bin`, 'OTHER', await files.raw(n.weights.weightsBin), { networkId: net.id, mediaType: 'application/octet-stream' });
    for (const [key, id] of await writeNetworkLayers(tx, net.id, n.layers, files, artifact)) layerIds.set(`${n.id}/${key}`, id);
  }
  // Networks of an earlier plan that this result lacks would be stale.
  if (options.experimentId) {
    await tx.network.deleteMany({ where: { experimentId, name: { notIn: m.networks.map((n) => n.id) } } });
  }

  // ---- alignments
  let count = 0;
  for (const [i, a] of m.alignments.entries()) {
    count += await writePair(tx, { experimentId, teamId, a, networkIds, layerIds, files, artifact });
    progress('writing', 0.3 + (0.65 * (i + 1)) / Math.max(1, m.alignments.length));
  }

  await writeChanceBaselines(tx, experimentId, m.layers);
  await writeLayerStatistics(tx, experimentId, m.layers);
  await writeConsensusAndStitching(tx, experimentId, m.consensus ?? [], m.stitching ?? []);
  return { experimentId, created: true, networks: m.networks.length, alignments: count };
}

/** A network's recorded layers: Layer rows, their within-correlation artifacts and Unit rows. Answers layer name → id. */
export async function writeNetworkLayers(tx: Tx, networkId: string, layers: NetworkRecord['layers'], files: ArrayFiles, artifact: ArtifactWriter, firstIndex = 0): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, l] of layers.entries()) {
    const index = firstIndex + i;
    {
      const layer = await tx.layer.create({
        data: {
          networkId,
          name: l.name,
          index,
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
      const withinId = await artifact(`layer/${layer.id}/within.npy`, 'CORRELATION', await files.raw(l.within.path), { networkId });
      await tx.layer.update({ where: { id: layer.id }, data: { withinId } });
      await bulkInsert(
        tx,
        'Unit',
        [
          { name: 'layerId', type: 'text' },
          { name: 'index', type: 'int4' },
          { name: 'mean', type: 'float8' },
          { name: 'std', type: 'float8' },
          { name: 'dead', type: 'bool' },
          { name: 'topImages', type: 'jsonb' },
        ],
        l.unitStats.map((u) => [layer.id, u.index, u.mean, u.std, u.dead, u.top]),
      );
    }
  }
  return ids;
}

/** Chance baselines (trained vs untrained twin) from the per-layer summaries. */
export async function writeChanceBaselines(tx: Tx, experimentId: string, layers: LayerSummary[]): Promise<void> {
  for (const layer of layers) {
    for (const [key, stat] of Object.entries(layer.metrics)) {
      const chance = stat.chance;
      const target = chanceTarget(key);
      if (!chance || !target || !Number.isFinite(chance.mean)) continue;
      await tx.chanceBaseline.create({
        data: {
          experimentId,
          layerName: layer.name,
          method: target.method,
          metric: target.metric,
          value: chance.mean,
          spread: { std: finite(chance.std), min: finite(chance.min), max: finite(chance.max), n: chance.n },
          source: 'untrained',
        },
      });
    }
  }
}

/**
 * The per-layer statistics of a manifest (format 2, or the pipeline's completion) as LayerStatistic rows. A format-1
 * result has none: its figures count dead units and its chance pairs are not matched, so no interval is stored.
 */
export async function writeLayerStatistics(tx: Tx, experimentId: string, layers: LayerSummary[]): Promise<void> {
  const rows: Prisma.LayerStatisticCreateManyInput[] = [];
  for (const layer of layers) {
    for (const st of layer.statistics ?? []) {
      if (!Number.isFinite(st.mean)) continue;
      rows.push({
        experimentId,
        layerName: layer.name,
        figure: st.figure,
        scope: st.scope,
        direction: st.direction,
        pairs: st.pairs,
        mean: st.mean,
        ciLow: st.ci?.low ?? null,
        ciHigh: st.ci?.high ?? null,
        ciLevel: st.ci?.level ?? null,
        ciReason: st.ciReason,
        resamples: st.resamples,
        networks: st.networks,
        chanceMean: st.chance?.mean ?? null,
        chancePairs: st.chance?.pairs ?? null,
        chanceSource: st.chance?.source ?? null,
        pValue: st.pValue,
        nPermutations: st.nPermutations,
        exactTest: st.exactTest,
        shuffledMean: st.shuffled?.mean ?? null,
        shuffledPairs: st.shuffled?.pairs ?? null,
        shuffledPValue: st.shuffled?.pValue ?? null,
        atOrBelowChance: st.atOrBelowChance,
        verdict: st.verdict,
        verdictReason: st.verdictReason,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.layerStatistic.createMany({ data: rows.slice(i, i + 1000) });
}

/**
 * Consensus (per layer: trained family and untrained chance family) and stitching (per layer: every stitched pair,
 * per-map summary) as LayerConsensus / StitchLayer rows, replacing what an earlier attempt stored. Non-finite numbers
 * (JSON cannot hold them) become null.
 */
export async function writeConsensusAndStitching(tx: Tx, experimentId: string, consensus: ConsensusRecord[], stitching: StitchLayerRecord[]): Promise<void> {
  const json = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x))) as Prisma.InputJsonValue;
  await tx.layerConsensus.deleteMany({ where: { experimentId } });
  await tx.stitchLayer.deleteMany({ where: { experimentId } });
  if (consensus.length > 0) {
    await tx.layerConsensus.createMany({
      data: consensus.map((c) => ({
        experimentId,
        layerName: c.layer,
        matching: c.matching,
        fraction: c.trained.fraction,
        chanceFraction: c.chance ? c.chance.fraction : null,
        trained: json(c.trained),
        ...(c.chance ? { chance: json(c.chance) } : {}),
      })),
    });
  }
  if (stitching.length > 0) {
    await tx.stitchLayer.createMany({
      data: stitching.map((s) => ({ experimentId, layerName: s.layer, images: s.images, majorityRate: s.majorityRate, pairs: json(s.pairs), summary: json(s.summary) })),
    });
  }
}

/** Layer-summary metric keys (manifest.ts LayerSummary) → the method and summary figure they measure. */
function chanceTarget(key: string): { method: AlignmentMethod; metric: string } | null {
  const at = key.indexOf('@');
  const base = at < 0 ? key : key.slice(0, at);
  const param = at < 0 ? '' : key.slice(at);
  switch (base) {
    case 'semi':
      return { method: 'SEMI', metric: 'meanCorr' };
    case 'oneToOne':
      return { method: 'SEMI', metric: 'oneToOneFraction' };
    case 'max':
      return { method: 'HUNGARIAN', metric: 'meanCorr' };
    case 'miSemi':
      return { method: 'MI_SEMI', metric: 'meanMI' };
    case 'miMax':
      return { method: 'MI', metric: 'meanMI' };
    case 'cka':
      return { method: 'CKA', metric: 'ckaLinear' };
    case 'ckaDebiased':
      return { method: 'CKA', metric: 'ckaDebiased' };
    case 'sparseFvu':
      return { method: 'SPARSE', metric: `meanLoss${param}` };
    case 'spectralShared':
      return { method: 'SPECTRAL', metric: `mixedClusterFraction${param}` };
    default: {
      // The newer measures (issue 16): the figure key of the engine's method registry → its headline summary key.
      const hit = (Object.entries(GRAPHQL_METHOD_INFO) as Array<[AlignmentMethod, (typeof GRAPHQL_METHOD_INFO)[keyof typeof GRAPHQL_METHOD_INFO]]>).find(
        ([m, info]) => (NEWER_MEASURES as readonly string[]).includes(m) && info.figure === key,
      );
      return hit ? { method: hit[0], metric: hit[1].headline } : null;
    }
  }
}

export interface PairContext {
  experimentId: string;
  teamId: string;
  /** Network B's experiment when it is not `experimentId` (an on-demand alignment across experiments). */
  crossExperimentId?: string;
  a: PairAlignment;
  /** Network name → id. */
  networkIds: Map<string, string>;
  /** `${network name}/${layer}` → layer id. */
  layerIds: Map<string, string>;
  files: ArrayFiles;
  artifact: ArtifactWriter;
}

/** One aligned pair's Alignment rows (one per method) with their matches, sparse paths and clusters. Answers the row count. */
export async function writePair(tx: Tx, ctx: PairContext): Promise<number> {
  const { a, files, experimentId } = ctx;
  const networkAId = ctx.networkIds.get(a.a)!;
  const networkBId = ctx.networkIds.get(a.b)!;
  const layerAId = ctx.layerIds.get(`${a.a}/${a.layer}`)!;
  const layerBId = ctx.layerIds.get(`${a.b}/${a.layer}`)!;
  const { p, q } = a;
  const R = (await files.npy(a.correlation)).data as Float32Array;
  const base = `alignment/${experimentId}/${a.layer}/${a.a}__${a.b}`;
  const corrId = await ctx.artifact(`${base}/correlation.npy`, 'CORRELATION', await files.raw(a.correlation.path));
  const common = { experimentId, crossExperimentId: ctx.crossExperimentId ?? null, networkAId, networkBId, layerAId, layerBId, layerName: a.layer, kind: a.kind, status: 'COMPLETED' as const, completedAt: new Date() };
  // Format 2: live units, the trained pair a chance pair mirrors, the shuffled-probe null's figures (LayerSummary keys).
  const sizes = {
    unitsA: p,
    unitsB: q,
    ...(a.live ? { nLiveA: a.live.a, nLiveB: a.live.b } : {}),
    ...(a.mirrors ? { mirrors: a.mirrors } : {}),
  };
  const nullOf = (key: string) => (a.shuffled && Number.isFinite(a.shuffled.figures[key]) ? { shuffledNull: a.shuffled.figures[key] } : {});
  let n = 0;

  const create = async (method: AlignmentMethod, summary: Record<string, unknown>, extra: { matrixId?: string; parameters?: Record<string, unknown>; paramsKey?: string } = {}) => {
    n++;
    const row = await tx.alignment.create({
      data: {
        ...common,
        method,
        summary: { ...sizes, ...summary } as Prisma.InputJsonValue,
        parameters: (extra.parameters ?? {}) as Prisma.InputJsonValue,
        paramsKey: extra.paramsKey ?? '',
        matrixId: extra.matrixId ?? corrId,
      },
      select: { id: true },
    });
    return row.id;
  };

  if (a.semi) {
    const matchA = (await files.npy(a.semi.matchA)).data as Int32Array;
    const matchB = (await files.npy(a.semi.matchB)).data as Int32Array;
    const s = a.semi;
    const id = await create('SEMI', {
      meanCorr: finite(s.meanA),
      meanCorrB: finite(s.meanB),
      oneToOneFraction: finite(s.oneToOneFraction),
      ...(s.meanALive !== undefined ? { meanCorrLive: finite(s.meanALive), meanCorrBLive: finite(s.meanBLive), oneToOneFractionLive: finite(s.oneToOneFractionLive) } : {}),
      ...nullOf('semi'),
    });
    const rows: Prisma.UnitMatchCreateManyInput[] = [];
    // A −1 match (format 2: a dead unit, or a match to a dead unit) is stored unmatched, score 0.
    for (let i = 0; i < p; i++) {
      const j = num(matchA[i]);
      if (j < 0) rows.push({ alignmentId: id, direction: 'A_TO_B', unitA: i, unitB: null, score: 0, correlation: null, oneToOne: false });
      else rows.push({ alignmentId: id, direction: 'A_TO_B', unitA: i, unitB: j, score: R[i * q + j]!, correlation: R[i * q + j]!, oneToOne: num(matchB[j]) === i });
    }
    for (let j = 0; j < q; j++) {
      const i = num(matchB[j]);
      if (i < 0) continue; // a dead B unit (or one whose best match is dead): no B_TO_A row
      rows.push({ alignmentId: id, direction: 'B_TO_A', unitA: i, unitB: j, score: R[i * q + j]!, correlation: R[i * q + j]!, oneToOne: num(matchA[i]) === j });
    }
    await insertMatches(tx, rows);
  }
  if (a.max) {
    const match = (await files.npy(a.max.match)).data as Int32Array;
    const id = await create('HUNGARIAN', { meanCorr: finite(a.max.mean), ...(a.max.meanLive !== undefined ? { meanCorrLive: finite(a.max.meanLive) } : {}), ...nullOf('max') });
    const rows: Prisma.UnitMatchCreateManyInput[] = [];
    for (let i = 0; i < p; i++) {
      const j = num(match[i]);
      if (j < 0) rows.push({ alignmentId: id, direction: 'A_TO_B', unitA: i, unitB: null, score: 0, correlation: null, oneToOne: false });
      else rows.push({ alignmentId: id, direction: 'A_TO_B', unitA: i, unitB: j, score: R[i * q + j]!, correlation: R[i * q + j]!, oneToOne: true });
    }
    await insertMatches(tx, rows);
  }
  if (a.mi) {
    const mi = a.mi;
    const M = (await files.npy(mi.matrix)).data as Float32Array;
    const miId = await ctx.artifact(`${base}/mi.npy`, 'CORRELATION', await files.raw(mi.matrix.path));
    const parameters = { bins: mi.bins, samples: mi.samples };
    const semi = (await files.npy(mi.matchA)).data as Int32Array;
    const max = (await files.npy(mi.matchMax)).data as Int32Array;
    for (const [method, match, mean, live, key] of [
      ['MI_SEMI', semi, mi.semiMean, mi.semiMeanLive, 'miSemi'],
      ['MI', max, mi.maxMean, mi.maxMeanLive, 'miMax'],
    ] as const) {
      const id = await create(method, { meanMI: finite(mean), samples: mi.samples, ...(live !== undefined ? { meanMILive: finite(live) } : {}), ...nullOf(key) }, { matrixId: miId, parameters });
      const rows: Prisma.UnitMatchCreateManyInput[] = [];
      for (let i = 0; i < p; i++) {
        const j = num(match[i]);
        if (j < 0) rows.push({ alignmentId: id, direction: 'A_TO_B', unitA: i, unitB: null, score: 0 });
        else rows.push({ alignmentId: id, direction: 'A_TO_B', unitA: i, unitB: j, score: M[i * q + j]!, mutualInformation: M[i * q + j]!, correlation: R[i * q + j]! });
      }
      await insertMatches(tx, rows);
    }
  }
  if (a.cka) {
    const sh = a.shuffled?.figures;
    await create('CKA', {
      ckaLinear: finite(a.cka.linear),
      ckaDebiased: finite(a.cka.debiased),
      ...(sh && Number.isFinite(sh.cka) ? { shuffledNull: sh.cka, shuffledNullDebiased: finite(sh.ckaDebiased) } : {}),
    });
  }
  if (a.sparse) {
    const s = a.sparse;
    const W = (await files.npy(s.weights)).data as Float32Array; // [penalties, p, q]
    // Format 2: meanLossLive over live targets, meanLossHeldOut (live targets, held-out images) and the shuffled null.
    const lossPath = s.penalties.map((penalty, k) => ({
      penalty,
      meanLoss: finite(s.fvu[k]),
      meanLossLive: s.fvuLive ? finite(s.fvuLive[k]) : null,
      meanLossHeldOut: s.fvuHeldOut ? finite(s.fvuHeldOut[k]) : null,
      meanNonzero: finite(s.nonzero[k]),
      shuffledNull: a.shuffled ? finite(a.shuffled.figures[`sparseFvu@${penalty}`]) : null,
    }));
    const id = await create('SPARSE', { lossPath, ...(s.heldOut ? { heldOut: s.heldOut } : {}) }, { parameters: { penalties: s.penalties } });
    for (const [k, penalty] of s.penalties.entries()) {
      const paths: Prisma.SparsePathCreateManyInput[] = [];
      const weights: Array<Array<{ source: number; weight: number }>> = [];
      for (let t = 0; t < q; t++) {
        const ws: Array<{ source: number; weight: number }> = [];
        for (let j = 0; j < p; j++) {
          const w = W[k * p * q + j * q + t]!;
          if (w !== 0) ws.push({ source: j, weight: w });
        }
        paths.push({ alignmentId: id, target: t, penalty, nonzero: ws.length });
        weights.push(ws);
      }
      const created = await bulkInsert<{ id: number; target: number }>(
        tx,
        'SparsePath',
        [
          { name: 'alignmentId', type: 'text' },
          { name: 'target', type: 'int4' },
          { name: 'penalty', type: 'float8' },
          { name: 'nonzero', type: 'int4' },
        ],
        paths.map((x) => [x.alignmentId, x.target, x.penalty, x.nonzero]),
        ['id', 'target'],
      );
      const rows: unknown[][] = [];
      for (const c of created) for (const w of weights[c.target]!) rows.push([c.id, w.source, w.weight]);
      await bulkInsert(tx, 'SparseWeight', [{ name: 'pathId', type: 'int4' }, { name: 'source', type: 'int4' }, { name: 'weight', type: 'float8' }], rows);
    }
  }
  // ---- newer measures (issue 16): one row each, figures only (no unit matches); headline keys as in the engine's
  // method registry (align/methods.ts).
  if (a.svcca) await create('SVCCA', { svcca: finite(a.svcca.mean), keptA: a.svcca.keptA, keptB: a.svcca.keptB, explainedA: finite(a.svcca.explainedA), explainedB: finite(a.svcca.explainedB), ...nullOf('svcca') });
  if (a.pwcca) await create('PWCCA', { pwcca: finite(a.pwcca.weighted), pwccaMean: finite(a.pwcca.mean), rankA: a.pwcca.rankA, rankB: a.pwcca.rankB, ...nullOf('pwcca') });
  if (a.procrustes) await create('PROCRUSTES', { procrustesDistance: finite(a.procrustes.distance), procrustesAngular: finite(a.procrustes.angular), ...nullOf('procrustes') });
  if (a.knn) {
    const { k, metric, images, uniform } = a.knn;
    await create('KNN', { knnScore: finite(a.knn.score), k, metric, images, uniform: finite(uniform), ...nullOf('knn') }, { parameters: { k, metric }, paramsKey: `k=${k},${metric}` });
  }
  for (const sp of a.spectral ?? []) {
    const mixed = sp.clusters.filter((c) => c.aCount > 0 && c.bCount > 0).length;
    const id = await create(
      'SPECTRAL',
      {
        k: sp.k,
        mixedClusterFraction: sp.clusters.length ? mixed / sp.clusters.length : null,
        sharedClusters: sp.shared,
        ...(sp.mixing !== undefined ? { clusterMixing: sp.mixing } : {}),
        ...nullOf(`spectralMixing@${sp.k}`),
      },
      { parameters: { k: sp.k }, paramsKey: `k=${sp.k}` },
    );
    const clusters = await tx.cluster.createManyAndReturn({
      data: sp.clusters.map((c, index) => ({ alignmentId: id, index, countA: c.aCount, countB: c.bCount, mixed: c.aCount > 0 && c.bCount > 0 })),
      select: { id: true, index: true },
    });
    const byIndex = new Map(clusters.map((c) => [c.index, c.id]));
    const members: Prisma.ClusterMemberCreateManyInput[] = sp.labels.map((label, u) => ({
      clusterId: byIndex.get(label)!,
      side: u < p ? 'A_TO_B' : 'B_TO_A',
      unit: u < p ? u : u - p,
    }));
    await tx.clusterMember.createMany({ data: members });
  }
  return n;
}
