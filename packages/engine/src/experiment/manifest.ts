/**
 * The self-describing result directory written by `convergent experiment run --out DIR` and imported by
 * the API. `DIR/manifest.json` (type `ResultManifest`) describes everything; large arrays live in
 * `.npy` files next to it, referenced by paths relative to DIR (never absolute, never `..`).
 *
 *   DIR/manifest.json
 *   DIR/probe/images.npy                      uint8 [n, h, w, c] probe images (patch crops)
 *   DIR/probe/labels.npy                      int32 [n]
 *   DIR/networks/<id>/model.json, weights.bin tfjs LayersModel format
 *   DIR/layers/<layer>/within/<id>.npy        float32 [p, p] within-net correlation
 *   DIR/layers/<layer>/pairs/<a>__<b>/*.npy   between-net correlation, matches, MI, sparse weights
 *   DIR/layers/<layer>/activations/<id>.npy   optional dump, float32 [rows, p]
 *
 * Row-major everywhere; unit i of a conv layer is channel i. Matrices between networks a and b are
 * [p (units of a), q (units of b)].
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TopImage } from '../record/top-image.ts';
import type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
import type { EpochMetrics, StepMetric } from '../train/train-types.ts';
import { Checker, SpecError, joinPath } from '../spec/json-checks.ts';
import type { ResolvedExperimentSpec } from './experiment-spec.ts';
import { DATA_ORDERS, STREAM_VERSION, type StreamInfo } from '../random/streams.ts';
import type { LayerStatistic } from './layer-statistics.ts';

export const MANIFEST_FORMAT = 'convergent-result';
/**
 * Result format version. 2 (issue 11) adds live-unit figures, matched chance pairs (`mirrors`), cluster mixing,
 * held-out FVU and per-layer `statistics`; version 1 directories stay readable (those fields are absent).
 */
export const MANIFEST_VERSION = 2;
export const READABLE_MANIFEST_VERSIONS = [1, 2] as const;
export const MANIFEST_FILE = 'manifest.json';

export type NpyDtype = 'uint8' | 'int32' | 'float32' | 'float64';
const DTYPE_BYTES: Record<NpyDtype, number> = { uint8: 1, int32: 4, float32: 4, float64: 8 };

/** A `.npy` file in the result directory. */
export interface NpyRef {
  /** Relative to the result directory, `/`-separated. */
  path: string;
  dtype: NpyDtype;
  shape: number[];
}

// Defined in leaf modules (train/ and record/ must not import experiment/); re-exported for the manifest's readers.
export type { EpochMetrics, StepMetric, TopImage };

export interface UnitStats {
  index: number;
  mean: number;
  std: number;
  /** Never active on the probe set (std 0): correlations with it are 0 by definition. */
  dead: boolean;
  /** Top 9 probe images by the unit's spatial maximum, best first. */
  top: TopImage[];
}

export interface NetworkLayerRecord {
  name: string;
  kind: 'conv' | 'dense';
  /** Output shape of one image: [h, w, c] for conv, [units] for dense. */
  shape: number[];
  units: number;
  /** Samples behind the statistics: probe images × h × w. */
  samples: number;
  /** Receptive field of one unit in input pixels (square side) and its stride, for patch crops. */
  receptiveField: { size: number; stride: number; offset: number };
  deadCount: number;
  unitStats: UnitStats[];
  /** Within-network correlation, float32 [units, units]. */
  within: NpyRef;
  /** Optional dump of activations, float32 [rows, units] (subsampled positions). */
  activations?: NpyRef;
}

export interface NetworkRecord {
  /** Unique id, also the folder name: `<architecture>-s<seed>` or `<architecture>-untrained`. */
  id: string;
  architecture: string;
  seed: number;
  /**
   * Stream version ≥ 2: the network key (16 hex digits, a hash of the resolved architecture and the seed) every
   * random stream of this network derives from (random/streams.ts). Two networks with the same key are the same network.
   */
  streamKey?: string;
  /** `untrained` networks are the chance baseline (initialised, never trained). */
  role: 'trained' | 'untrained';
  spec: ResolvedArchitecture;
  parameterCount: number;
  metrics: EpochMetrics[];
  /**
   * Per-step training curve, at most 200 points, each the mean over K steps (train/step-metrics.ts). Optional:
   * results written before it have none (read as an empty series); empty for untrained twins.
   */
  stepMetrics?: StepMetric[];
  trainSeconds: number;
  weights: { modelJson: string; weightsBin: string };
  layers: NetworkLayerRecord[];
}

export interface SemiResult {
  /** mean_i max_j R[i, j] (a → b). */
  meanA: number;
  /** mean_j max_i R[i, j] (b → a). */
  meanB: number;
  /** Fraction of a's units whose match is mutual. */
  oneToOneFraction: number;
  /** Format 2: the same over live units only (dead units left out). */
  meanALive?: number;
  meanBLive?: number;
  oneToOneFractionLive?: number;
  /** int32 [p]: best unit of b for each unit of a; −1 for a dead unit or a match to a dead unit (format 2). */
  matchA: NpyRef;
  /** int32 [q]: best unit of a for each unit of b; −1 likewise. */
  matchB: NpyRef;
}

export interface MaxResult {
  /** mean over matched a units of R[i, π(i)]. */
  mean: number;
  /** Format 2: mean over live a units. */
  meanLive?: number;
  /** int32 [p]: π(i), −1 where unmatched (p > q) and (format 2) for dead units and matches to dead units. */
  match: NpyRef;
}

export interface MiResult {
  bins: number;
  /** Rows of the seeded sample the MI was computed on. */
  samples: number;
  /** float32 [p, q] bias-corrected MI in bits. */
  matrix: NpyRef;
  semiMean: number;
  maxMean: number;
  /** Format 2: over live a units. */
  semiMeanLive?: number;
  maxMeanLive?: number;
  matchA: NpyRef;
  matchMax: NpyRef;
}

export interface SparseResult {
  penalties: number[];
  /** Per penalty: mean FVU over b's units (train statistics). */
  fvu: number[];
  /** Format 2: per penalty, mean FVU over b's live units (fitted on all probe images). */
  fvuLive?: number[];
  /**
   * Format 2: per penalty, mean FVU over b's live units on the held-out probe images, with weights fitted on the
   * other images (the split is by image, seeded: `heldOut`).
   */
  fvuHeldOut?: number[];
  heldOut?: { images: number; fitImages: number; seed: number };
  /** Per penalty: mean number of a units used per b unit. */
  nonzero: number[];
  /** float32 [penalties, p, q]: weights predicting b's unit k from a's units (column k). */
  weights: NpyRef;
}

export interface SpectralResult {
  k: number;
  /** Cluster of every unit: a's p units first, then b's q units. */
  labels: number[];
  /** Per cluster: how many units of a and of b. */
  clusters: Array<{ aCount: number; bCount: number }>;
  /** Clusters holding units of both networks (saturates at all clusters for trained and chance pairs alike). */
  shared: number;
  /**
   * Format 2: 1 − AMI(cluster labels, network identity) over live units (align/cluster-mixing.ts): 1 = every cluster
   * holds both nets in proportion, 0 = clusters separate the nets; null without live units on both sides.
   */
  mixing?: number | null;
}

export interface PairAlignment {
  layer: string;
  a: string;
  b: string;
  /**
   * `chance`: untrained networks (the null baseline). Format 2: a and b are the untrained twins of the trained pair
   * `mirrors` (matched chance); format 1: a trained network and the untrained twin of its architecture.
   */
  kind: 'between' | 'chance';
  mirrors?: { a: string; b: string };
  p: number;
  q: number;
  /** Format 2: live (not dead) units of a and of b at this layer. */
  live?: { a: number; b: number };
  /**
   * Format 2, between pairs: the shuffled-probe null — the pair's figures (LayerSummary keys) with b's activations
   * taken on other probe images (record-family.ts `shuffled`).
   */
  shuffled?: { of: 'b'; figures: Record<string, number> };
  /** float32 [p, q] R_AB. */
  correlation: NpyRef;
  semi?: SemiResult;
  max?: MaxResult;
  mi?: MiResult;
  cka?: { linear: number; debiased: number };
  sparse?: SparseResult;
  spectral?: SpectralResult[];
  // ---- newer measures (issue 16)
  /** SVCCA: mean canonical correlation after keeping 99% of each side's variance, and the directions kept. */
  svcca?: { mean: number; keptA: number; keptB: number; explainedA: number; explainedB: number };
  /** PWCCA (weights from a): projection-weighted mean canonical correlation, the plain mean, non-null directions. */
  pwcca?: { weighted: number; mean: number; rankA: number; rankB: number };
  /** Orthogonal Procrustes distance 2 − 2‖XᵀY‖_* in [0, 2] and its angular form arccos ‖XᵀY‖_* (radians). */
  procrustes?: { distance: number; angular: number };
  /** Mutual kNN over probe images: mean share of shared neighbours, k, metric, images and k / (images − 1). */
  knn?: { score: number; k: number; metric: 'euclidean' | 'cosine'; images: number; uniform: number };
}

export interface SummaryStat {
  mean: number;
  std: number;
  min: number;
  max: number;
  n: number;
}

/**
 * Per-layer convergence summary over pairs. Newer measures add the keys `svcca`, `pwcca`, `procrustes` (distance:
 * lower is more similar) and `knn`. Metric keys (per pair, then mean/std/min/max over pairs):
 * `semi` (mean of the two directions' mean semi-matched correlation, (meanA + meanB) / 2), `max` (mean
 * max-weight matched correlation), `oneToOne` (fraction of mutual best matches), `miSemi`, `miMax` (mean
 * matched MI, bits), `cka`, `ckaDebiased`, `sparseFvu@<α>` (mean FVU predicting b from a),
 * `spectralShared@<k>` (fraction of non-empty clusters holding units of both networks).
 * Format 2: unit-averaged figures (`semi`, `oneToOne`, `max`, `miSemi`, `miMax`, `sparseFvu@<α>`) are over LIVE
 * units; `<key>.all` holds the same over every unit. New keys: `spectralMixing@<k>` (1 − AMI of cluster labels and
 * network identity, live units), `sparseFvuHeldOut@<α>` (held-out images, live targets).
 */
export interface LayerSummary {
  name: string;
  networks: string[];
  metrics: Record<string, { between: SummaryStat | null; chance: SummaryStat | null }>;
  /** Format 2: per figure and scope, the mean with its network-bootstrap interval, matched chance and test. */
  statistics?: LayerStatistic[];
}

// ---- consensus and stitching (issue 16)

/** Consensus of one family (trained, or the untrained chance family) at a layer; see align/consensus.ts. */
export interface ConsensusFamily {
  /** Network ids of the family, in recording order; `units` columns follow this order. */
  networks: string[];
  /** The reference network (its units are counted). */
  reference: string;
  /** Live units of the reference. */
  liveUnits: number;
  /** Units found consistently in every network of the family. */
  count: number;
  /** count / liveUnits. */
  fraction: number;
  /** Per reference unit: networks it is found in, the reference included (0 for dead units). */
  found: number[];
  /** Mean of `found` over the reference's live units (1 … networks). */
  meanFound: number;
  /** Per consensus unit: its unit index in each network of `networks` (for side-by-side top images). */
  units: number[][];
}

export interface ConsensusRecord {
  layer: string;
  /** Matching the consensus is built on: max-weight matching of signed correlations. */
  matching: 'max';
  trained: ConsensusFamily;
  /** The same computation on untrained twins of the same architectures (null without enough of them). */
  chance: ConsensusFamily | null;
}

/** One stitched pair: b's upper layers on a map from a's activations (kind `chance`: a is an untrained network). */
export interface StitchPairRecord {
  a: string;
  b: string;
  kind: 'between' | 'chance';
  /** b's own held-out accuracy on the same images. */
  ownAccuracy: number;
  /** Per map: held-out accuracy, the sparse map's penalty, mean non-zero weights per unit of b. */
  maps: Array<{ kind: 'permutation' | 'sparse' | 'linear'; accuracy: number; penalty?: number; nonzero: number }>;
}

export interface StitchLayerRecord {
  layer: string;
  /** Held-out validation images scored (never trained on, never used to fit the maps). */
  images: number;
  /** Share of the most frequent class among them. */
  majorityRate: number;
  pairs: StitchPairRecord[];
  /** Per map kind: accuracy over between pairs and over chance pairs; `own` = the receiving networks' own accuracy. */
  summary: Record<string, { between: SummaryStat | null; chance: SummaryStat | null }>;
}

export interface ResultManifest {
  format: typeof MANIFEST_FORMAT;
  version: (typeof READABLE_MANIFEST_VERSIONS)[number];
  createdAt: string;
  experiment: ResolvedExperimentSpec;
  /**
   * The random streams the networks were made with (random/streams.ts): version 2 derives every stream from the
   * network's identity (architecture + seed) and records the data order; a manifest without this field was written
   * before it existed and reads as `{ version: 1 }` (initialisers and dropout from (seed, layer index) only, so
   * networks of different architectures with the same seed shared streams).
   */
  streams: StreamInfo;
  dataset: {
    name: string;
    imageShape: [number, number, number];
    classes: number;
    classNames?: string[];
    splitSeed: number;
    train: number;
    validation: number;
    probe: number;
  };
  probe: { images: NpyRef; labels: NpyRef };
  backend: { name: string; detail: string };
  timings: { totalSeconds: number; trainSeconds: number; recordSeconds: number; alignSeconds: number };
  networks: NetworkRecord[];
  alignments: PairAlignment[];
  layers: LayerSummary[];
  // ---- consensus and stitching (issue 16); present when the spec's methods ask for them
  consensus?: ConsensusRecord[];
  stitching?: StitchLayerRecord[];
}

// ---------------------------------------------------------------------------------------------------
// Validation

function checkRelPath(c: Checker, value: unknown, p: string): string | undefined {
  const s = c.string(value, p);
  if (s === undefined) return undefined;
  if (path.isAbsolute(s) || s.startsWith('/') || s.split(/[\\/]/).includes('..') || s.includes('\\')) {
    c.fail(p, `must be a relative path inside the result directory (got ${JSON.stringify(s)})`);
    return undefined;
  }
  return s;
}

function checkNpyRef(c: Checker, value: unknown, p: string, refs: NpyRef[]): void {
  const o = c.object(value, p);
  if (!o) return;
  const rel = checkRelPath(c, o.path, joinPath(p, 'path'));
  const dtype = c.oneOf(o.dtype, joinPath(p, 'dtype'), ['uint8', 'int32', 'float32', 'float64'] as const);
  const shape = c.array(o.shape, joinPath(p, 'shape'));
  const dims = shape?.map((d, i) => c.integer(d, joinPath(joinPath(p, 'shape'), i), { min: 0 }));
  if (rel && rel.endsWith('.npy') === false) c.fail(joinPath(p, 'path'), 'must name a .npy file');
  if (rel && dtype && dims?.every((d) => d !== undefined)) refs.push({ path: rel, dtype, shape: dims as number[] });
}

/**
 * A recorded layer's output shape per image, stored as Layer.shape (INTEGER[]): a non-empty list of positive
 * integers, channels last ([h, w, c] conv, [units] dense), so its last entry is the layer's unit count.
 */
function checkLayerShape(c: Checker, value: unknown, p: string, units: number | undefined): void {
  const shape = c.array(value, p, { nonEmpty: true });
  if (!shape) return;
  const dims = shape.map((d, i) => c.integer(d, joinPath(p, i), { min: 1, max: 2_147_483_647 }));
  const last = dims[dims.length - 1];
  if (units !== undefined && last !== undefined && last !== units) c.fail(p, `must end with the layer's ${units} units, channels last (ends with ${last})`);
}

/** A bound on `networks[].stepMetrics` a manifest may carry (the engine writes at most 200 points per network). */
export const MAX_MANIFEST_STEP_POINTS = 10_000;

function checkNumbers(c: Checker, obj: Record<string, unknown>, p: string, keys: string[]): void {
  for (const k of keys) c.number(obj[k], joinPath(p, k));
}

/**
 * Check a parsed manifest's structure and internal references (network ids, paths). Returns the
 * manifest typed and the list of referenced .npy files; throws SpecError naming every problem.
 */
export function validateManifest(value: unknown): { manifest: ResultManifest; npyFiles: NpyRef[]; otherFiles: string[] } {
  const c = new Checker();
  const refs: NpyRef[] = [];
  const other: string[] = [];
  const m = c.object(value, '(manifest)');
  if (!m) c.done('invalid result manifest');
  // A shallow copy: reading an old manifest fills in defaults (streams) without touching the caller's object.
  const o = { ...(m as Record<string, unknown>) };
  if (o.format !== MANIFEST_FORMAT) c.fail('format', `must be "${MANIFEST_FORMAT}"`);
  if (!(READABLE_MANIFEST_VERSIONS as readonly unknown[]).includes(o.version)) {
    c.fail('version', `must be one of ${READABLE_MANIFEST_VERSIONS.join(', ')} (this reader does not know version ${JSON.stringify(o.version)})`);
  }
  if (typeof o.createdAt !== 'string' || Number.isNaN(Date.parse(o.createdAt))) c.fail('createdAt', 'must be an ISO date string');
  c.object(o.experiment, 'experiment');
  if (o.streams === undefined) o.streams = { version: 1 };
  else {
    const st = c.object(o.streams, 'streams');
    if (st) {
      c.noUnknownKeys(st, 'streams', ['version', 'dataOrder']);
      const v = c.integer(st.version, 'streams.version', { min: 1, max: STREAM_VERSION });
      if (v !== undefined && v >= 2) c.oneOf(st.dataOrder, 'streams.dataOrder', DATA_ORDERS);
      else if (v !== undefined && st.dataOrder !== undefined) c.fail('streams.dataOrder', 'is recorded from stream version 2 on; version 1 results have none');
    }
  }
  const ds = c.object(o.dataset, 'dataset');
  if (ds) {
    c.string(ds.name, 'dataset.name');
    for (const k of ['classes', 'train', 'validation', 'probe']) c.integer(ds[k], joinPath('dataset', k), { min: 1 });
    c.integer(ds.splitSeed, 'dataset.splitSeed', { min: 0 });
    const shape = c.array(ds.imageShape, 'dataset.imageShape');
    if (shape && shape.length !== 3) c.fail('dataset.imageShape', 'must be [h, w, c]');
  }
  const probe = c.object(o.probe, 'probe');
  if (probe) {
    checkNpyRef(c, probe.images, 'probe.images', refs);
    checkNpyRef(c, probe.labels, 'probe.labels', refs);
  }
  const be = c.object(o.backend, 'backend');
  if (be) {
    c.string(be.name, 'backend.name');
    c.string(be.detail, 'backend.detail', { nonEmpty: false });
  }
  const tm = c.object(o.timings, 'timings');
  if (tm) checkNumbers(c, tm, 'timings', ['totalSeconds', 'trainSeconds', 'recordSeconds', 'alignSeconds']);

  const unitsOf = new Map<string, Map<string, number>>();
  const nets = c.array(o.networks, 'networks', { nonEmpty: true }) ?? [];
  nets.forEach((nv, i) => {
    const p = joinPath('networks', i);
    const n = c.object(nv, p);
    if (!n) return;
    const id = c.string(n.id, joinPath(p, 'id'));
    if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) c.fail(joinPath(p, 'id'), 'must be a folder-safe name');
    if (id !== undefined && unitsOf.has(id)) c.fail(joinPath(p, 'id'), `repeats network id "${id}"`);
    const layerUnits = new Map<string, number>();
    if (id !== undefined) unitsOf.set(id, layerUnits);
    c.string(n.architecture, joinPath(p, 'architecture'));
    c.integer(n.seed, joinPath(p, 'seed'), { min: 0 });
    if (n.streamKey !== undefined && (typeof n.streamKey !== 'string' || !/^[0-9a-f]{16}$/.test(n.streamKey))) c.fail(joinPath(p, 'streamKey'), 'must be 16 lowercase hex digits');
    c.oneOf(n.role, joinPath(p, 'role'), ['trained', 'untrained'] as const);
    c.object(n.spec, joinPath(p, 'spec'));
    c.integer(n.parameterCount, joinPath(p, 'parameterCount'), { min: 0 });
    c.number(n.trainSeconds, joinPath(p, 'trainSeconds'), { min: 0 });
    (c.array(n.metrics, joinPath(p, 'metrics')) ?? []).forEach((ev, e) => {
      const ep = joinPath(joinPath(p, 'metrics'), e);
      const em = c.object(ev, ep);
      if (!em) return;
      c.integer(em.epoch, joinPath(ep, 'epoch'), { min: 1 });
      checkNumbers(c, em, ep, ['trainLoss', 'trainAccuracy', 'validationLoss', 'validationAccuracy', 'seconds']);
    });
    if (n.stepMetrics !== undefined) {
      let previous = 0;
      const points = c.array(n.stepMetrics, joinPath(p, 'stepMetrics')) ?? [];
      if (points.length > MAX_MANIFEST_STEP_POINTS) c.fail(joinPath(p, 'stepMetrics'), `has ${points.length} points; at most ${MAX_MANIFEST_STEP_POINTS} (average neighbouring steps into fewer points)`);
      points.slice(0, MAX_MANIFEST_STEP_POINTS).forEach((sv, k) => {
        const sp = joinPath(joinPath(p, 'stepMetrics'), k);
        const sm = c.object(sv, sp);
        if (!sm) return;
        const step = c.integer(sm.step, joinPath(sp, 'step'), { min: 1 });
        if (step !== undefined && step <= previous) c.fail(joinPath(sp, 'step'), `must be greater than the previous point's step (${previous})`);
        if (step !== undefined) previous = step;
        c.integer(sm.epoch, joinPath(sp, 'epoch'), { min: 1 });
        c.integer(sm.samples, joinPath(sp, 'samples'), { min: 1 });
        c.number(sm.loss, joinPath(sp, 'loss'), { min: 0 });
        c.number(sm.accuracy, joinPath(sp, 'accuracy'), { min: 0, max: 1 });
      });
    }
    const w = c.object(n.weights, joinPath(p, 'weights'));
    if (w) {
      const mj = checkRelPath(c, w.modelJson, joinPath(p, 'weights.modelJson'));
      const wb = checkRelPath(c, w.weightsBin, joinPath(p, 'weights.weightsBin'));
      if (mj) other.push(mj);
      if (wb) other.push(wb);
    }
    (c.array(n.layers, joinPath(p, 'layers')) ?? []).forEach((lv, li) => {
      const lp = joinPath(joinPath(p, 'layers'), li);
      const l = c.object(lv, lp);
      if (!l) return;
      const name = c.string(l.name, joinPath(lp, 'name'));
      c.oneOf(l.kind, joinPath(lp, 'kind'), ['conv', 'dense'] as const);
      const units = c.integer(l.units, joinPath(lp, 'units'), { min: 1 });
      if (name !== undefined && units !== undefined) layerUnits.set(name, units);
      c.integer(l.samples, joinPath(lp, 'samples'), { min: 1 });
      c.integer(l.deadCount, joinPath(lp, 'deadCount'), { min: 0 });
      checkLayerShape(c, l.shape, joinPath(lp, 'shape'), units);
      c.object(l.receptiveField, joinPath(lp, 'receptiveField'));
      checkNpyRef(c, l.within, joinPath(lp, 'within'), refs);
      if (l.activations !== undefined) checkNpyRef(c, l.activations, joinPath(lp, 'activations'), refs);
      const us = c.array(l.unitStats, joinPath(lp, 'unitStats')) ?? [];
      if (units !== undefined && us.length !== units) c.fail(joinPath(lp, 'unitStats'), `must list ${units} units (has ${us.length})`);
      us.forEach((uv, ui) => {
        const up = joinPath(joinPath(lp, 'unitStats'), ui);
        const u = c.object(uv, up);
        if (!u) return;
        if (u.index !== ui) c.fail(joinPath(up, 'index'), `must be ${ui}`);
        checkNumbers(c, u, up, ['mean', 'std']);
        c.boolean(u.dead, joinPath(up, 'dead'));
        (c.array(u.top, joinPath(up, 'top')) ?? []).forEach((tv, ti) => {
          const tp = joinPath(joinPath(up, 'top'), ti);
          const t = c.object(tv, tp);
          if (!t) return;
          c.integer(t.imageIndex, joinPath(tp, 'imageIndex'), { min: 0 });
          c.integer(t.y, joinPath(tp, 'y'), { min: 0 });
          c.integer(t.x, joinPath(tp, 'x'), { min: 0 });
          c.number(t.value, joinPath(tp, 'value'));
        });
      });
    });
  });

  (c.array(o.alignments, 'alignments') ?? []).forEach((av, i) => {
    const p = joinPath('alignments', i);
    const a = c.object(av, p);
    if (!a) return;
    const layer = c.string(a.layer, joinPath(p, 'layer'));
    c.oneOf(a.kind, joinPath(p, 'kind'), ['between', 'chance'] as const);
    const pp = c.integer(a.p, joinPath(p, 'p'), { min: 1 });
    const qq = c.integer(a.q, joinPath(p, 'q'), { min: 1 });
    for (const [side, expect] of [['a', pp], ['b', qq]] as const) {
      const id = c.string(a[side], joinPath(p, side));
      if (id === undefined || layer === undefined) continue;
      const lu = unitsOf.get(id);
      if (!lu) c.fail(joinPath(p, side), `names no network ("${id}")`);
      else if (!lu.has(layer)) c.fail(joinPath(p, side), `network "${id}" has no recorded layer "${layer}"`);
      else if (expect !== undefined && lu.get(layer) !== expect) c.fail(joinPath(p, side === 'a' ? 'p' : 'q'), `must equal ${id}'s ${lu.get(layer)} units`);
    }
    checkNpyRef(c, a.correlation, joinPath(p, 'correlation'), refs);
    if (a.mirrors !== undefined) {
      const mo = c.object(a.mirrors, joinPath(p, 'mirrors'));
      if (mo) {
        for (const side of ['a', 'b'] as const) {
          const id = c.string(mo[side], joinPath(joinPath(p, 'mirrors'), side));
          if (id !== undefined && !unitsOf.has(id)) c.fail(joinPath(joinPath(p, 'mirrors'), side), `names no network ("${id}")`);
        }
      }
    }
    if (a.live !== undefined) {
      const lo = c.object(a.live, joinPath(p, 'live'));
      if (lo) for (const side of ['a', 'b'] as const) c.integer(lo[side], joinPath(joinPath(p, 'live'), side), { min: 0 });
    }
    if (a.semi !== undefined) {
      const s = c.object(a.semi, joinPath(p, 'semi'));
      if (s) {
        checkNumbers(c, s, joinPath(p, 'semi'), ['meanA', 'meanB', 'oneToOneFraction']);
        checkNpyRef(c, s.matchA, joinPath(p, 'semi.matchA'), refs);
        checkNpyRef(c, s.matchB, joinPath(p, 'semi.matchB'), refs);
      }
    }
    if (a.max !== undefined) {
      const s = c.object(a.max, joinPath(p, 'max'));
      if (s) {
        checkNumbers(c, s, joinPath(p, 'max'), ['mean']);
        checkNpyRef(c, s.match, joinPath(p, 'max.match'), refs);
      }
    }
    if (a.mi !== undefined) {
      const s = c.object(a.mi, joinPath(p, 'mi'));
      if (s) {
        checkNumbers(c, s, joinPath(p, 'mi'), ['bins', 'samples', 'semiMean', 'maxMean']);
        for (const k of ['matrix', 'matchA', 'matchMax']) checkNpyRef(c, s[k], joinPath(joinPath(p, 'mi'), k), refs);
      }
    }
    if (a.cka !== undefined) {
      const s = c.object(a.cka, joinPath(p, 'cka'));
      if (s) checkNumbers(c, s, joinPath(p, 'cka'), ['linear', 'debiased']);
    }
    if (a.sparse !== undefined) {
      const s = c.object(a.sparse, joinPath(p, 'sparse'));
      if (s) {
        const pens = c.array(s.penalties, joinPath(p, 'sparse.penalties')) ?? [];
        for (const k of ['fvu', 'nonzero']) {
          const arr = c.array(s[k], joinPath(joinPath(p, 'sparse'), k));
          if (arr && arr.length !== pens.length) c.fail(joinPath(joinPath(p, 'sparse'), k), 'must have one entry per penalty');
        }
        checkNpyRef(c, s.weights, joinPath(p, 'sparse.weights'), refs);
      }
    }
    // ---- newer measures (issue 16)
    for (const [key, fields] of [
      ['svcca', ['mean', 'keptA', 'keptB', 'explainedA', 'explainedB']],
      ['pwcca', ['weighted', 'mean', 'rankA', 'rankB']],
      ['procrustes', ['distance', 'angular']],
      ['knn', ['score', 'k', 'images', 'uniform']],
    ] as const) {
      if (a[key] === undefined) continue;
      const s = c.object(a[key], joinPath(p, key));
      if (s) checkNumbers(c, s, joinPath(p, key), [...fields]);
    }
    if (a.spectral !== undefined) {
      (c.array(a.spectral, joinPath(p, 'spectral')) ?? []).forEach((sv, si) => {
        const sp = joinPath(joinPath(p, 'spectral'), si);
        const s = c.object(sv, sp);
        if (!s) return;
        c.integer(s.k, joinPath(sp, 'k'), { min: 1 });
        const labels = c.array(s.labels, joinPath(sp, 'labels'));
        if (labels && pp !== undefined && qq !== undefined && labels.length !== pp + qq) c.fail(joinPath(sp, 'labels'), `must have p + q = ${pp + qq} entries`);
        c.array(s.clusters, joinPath(sp, 'clusters'));
        c.integer(s.shared, joinPath(sp, 'shared'), { min: 0 });
      });
    }
  });

  // ---- consensus and stitching (issue 16)
  const knownNetwork = (id: unknown, at: string) => {
    if (typeof id !== 'string' || !unitsOf.has(id)) c.fail(at, `names no network (${JSON.stringify(id)})`);
  };
  if (o.consensus !== undefined) {
    (c.array(o.consensus, 'consensus') ?? []).forEach((cv, i) => {
      const p = joinPath('consensus', i);
      const r = c.object(cv, p);
      if (!r) return;
      c.string(r.layer, joinPath(p, 'layer'));
      for (const side of ['trained', 'chance'] as const) {
        if (side === 'chance' && r.chance === null) continue;
        const fp = joinPath(p, side);
        const f = c.object(r[side], fp);
        if (!f) continue;
        const nets = c.array(f.networks, joinPath(fp, 'networks')) ?? [];
        nets.forEach((id, k) => knownNetwork(id, joinPath(joinPath(fp, 'networks'), k)));
        knownNetwork(f.reference, joinPath(fp, 'reference'));
        checkNumbers(c, f, fp, ['liveUnits', 'count', 'fraction', 'meanFound']);
        c.array(f.found, joinPath(fp, 'found'));
        (c.array(f.units, joinPath(fp, 'units')) ?? []).forEach((u, k) => {
          const row = c.array(u, joinPath(joinPath(fp, 'units'), k));
          if (row && row.length !== nets.length) c.fail(joinPath(joinPath(fp, 'units'), k), `must list one unit per network (${nets.length})`);
        });
      }
    });
  }
  if (o.stitching !== undefined) {
    (c.array(o.stitching, 'stitching') ?? []).forEach((sv, i) => {
      const p = joinPath('stitching', i);
      const r = c.object(sv, p);
      if (!r) return;
      c.string(r.layer, joinPath(p, 'layer'));
      checkNumbers(c, r, p, ['images', 'majorityRate']);
      c.object(r.summary, joinPath(p, 'summary'));
      (c.array(r.pairs, joinPath(p, 'pairs')) ?? []).forEach((pv, k) => {
        const pp = joinPath(joinPath(p, 'pairs'), k);
        const pr = c.object(pv, pp);
        if (!pr) return;
        knownNetwork(pr.a, joinPath(pp, 'a'));
        knownNetwork(pr.b, joinPath(pp, 'b'));
        c.oneOf(pr.kind, joinPath(pp, 'kind'), ['between', 'chance'] as const);
        c.number(pr.ownAccuracy, joinPath(pp, 'ownAccuracy'));
        (c.array(pr.maps, joinPath(pp, 'maps')) ?? []).forEach((mv, j) => {
          const mp = joinPath(joinPath(pp, 'maps'), j);
          const m = c.object(mv, mp);
          if (!m) return;
          c.oneOf(m.kind, joinPath(mp, 'kind'), ['permutation', 'sparse', 'linear'] as const);
          checkNumbers(c, m, mp, ['accuracy', 'nonzero']);
        });
      });
    });
  }

  (c.array(o.layers, 'layers') ?? []).forEach((lv, i) => {
    const p = joinPath('layers', i);
    const l = c.object(lv, p);
    if (!l) return;
    c.string(l.name, joinPath(p, 'name'));
    c.array(l.networks, joinPath(p, 'networks'));
    c.object(l.metrics, joinPath(p, 'metrics'));
  });
  c.done('invalid result manifest');
  return { manifest: o as unknown as ResultManifest, npyFiles: refs, otherFiles: other };
}

/**
 * Read and validate `DIR/manifest.json` and check that every referenced file exists and every .npy
 * file is at least as large as its declared dtype × shape. Throws SpecError listing every problem.
 */
export async function validateResultDirectory(dir: string): Promise<ResultManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new SpecError(`not a result directory`, [`${file} is missing; point at the folder that \`convergent experiment run --out\` wrote`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SpecError('invalid result manifest', [`${file} is not valid JSON (${(err as Error).message})`]);
  }
  const { manifest, npyFiles, otherFiles } = validateManifest(json);
  const problems: string[] = [];
  await Promise.all([
    ...npyFiles.map(async (ref) => {
      const need = ref.shape.reduce((a, b) => a * b, 1) * DTYPE_BYTES[ref.dtype];
      try {
        const st = await fs.stat(path.join(dir, ref.path));
        if (st.size < need) problems.push(`${ref.path} holds ${st.size} bytes, fewer than its ${ref.dtype} [${ref.shape.join(', ')}] data`);
      } catch {
        problems.push(`${ref.path} is missing`);
      }
    }),
    ...otherFiles.map(async (rel) => {
      try {
        await fs.access(path.join(dir, rel));
      } catch {
        problems.push(`${rel} is missing`);
      }
    }),
  ]);
  if (problems.length > 0) throw new SpecError('incomplete result directory', problems.sort());
  return manifest;
}
