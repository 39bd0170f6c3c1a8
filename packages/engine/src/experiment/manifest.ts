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
import { SpecError, joinPath } from '../spec/json-checks.ts';
import { array, boolean, integer, number, object, oneOf, parse, string, z } from '../spec/schema-kit.ts';
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

/** An array as a value: row-major `data` with its shape and `.npy` dtype (what an `NpyRef` names by its file). */
export interface ArrayValue {
  data: Float32Array | Int32Array | Uint8Array;
  shape: number[];
  dtype: NpyDtype;
}

/**
 * A manifest record with every `NpyRef` replaced by its array (`A`): what the engine's steps answer, what the API's
 * store is given, and what `runExperiment` writes to `.npy` files (the record then names them by path).
 */
export type WithArrays<T, A extends ArrayValue = ArrayValue> = T extends NpyRef
  ? A
  : T extends readonly (infer U)[]
    ? WithArrays<U, A>[]
    : T extends object
      ? { [K in keyof T]: WithArrays<T[K], A> }
      : T;

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
// Validation: a zod schema of the fields a reader relies on (checked at compile time against ResultManifest:
// `manifestConforms` below fails to compile when they disagree), refinements for rules inside one object (unit
// counts, per-penalty arrays, stream versions), then `manifestRules` for references across the manifest (network ids,
// layers and unit counts of the pairs). Fields the schema does not name pass through untouched.

const anyObject = z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'must be an object' });
const finite = () => number();

const relPath = string().refine((s) => !(path.isAbsolute(s) || s.startsWith('/') || s.split(/[\\/]/).includes('..') || s.includes('\\')), {
  error: (iss) => `must be a relative path inside the result directory (got ${JSON.stringify(iss.input)})`,
  abort: true,
});

const npyRef = z.object(
  {
    path: relPath.refine((s) => s.endsWith('.npy'), { error: 'must name a .npy file' }),
    dtype: oneOf(['uint8', 'int32', 'float32', 'float64']),
    shape: array(integer({ min: 0 })),
  },
  { error: 'must be an object' },
);

/** `z.object` (unknown keys pass) with the validators' `must be an object`. */
const obj = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: 'must be an object' });
const numbers = <const K extends readonly string[]>(keys: K) => Object.fromEntries(keys.map((k) => [k, finite()])) as { [P in K[number]]: ReturnType<typeof finite> };

const unitStats = obj({
  index: integer({ min: 0 }),
  ...numbers(['mean', 'std']),
  dead: boolean(),
  top: array(obj({ imageIndex: integer({ min: 0 }), y: integer({ min: 0 }), x: integer({ min: 0 }), value: finite() })),
});

const networkLayer = obj({
  name: string(),
  kind: oneOf(['conv', 'dense']),
  units: integer({ min: 1 }),
  samples: integer({ min: 1 }),
  deadCount: integer({ min: 0 }),
  /**
   * Output shape per image, stored as Layer.shape (INTEGER[]): a non-empty list of positive integers, channels last
   * ([h, w, c] conv, [units] dense), so its last entry is the layer's unit count (checked below).
   */
  shape: array(integer({ min: 1, max: 2_147_483_647 }), { nonEmpty: true }),
  receptiveField: anyObject,
  within: npyRef,
  activations: npyRef.optional(),
  unitStats: array(unitStats),
}).check((ctx) => {
  const l = ctx.value;
  const last = l.shape[l.shape.length - 1];
  if (last !== l.units) ctx.issues.push({ code: 'custom', input: l.shape, path: ['shape'], message: `must end with the layer's ${l.units} units, channels last (ends with ${last})` });
  if (l.unitStats.length !== l.units) ctx.issues.push({ code: 'custom', input: l.unitStats, path: ['unitStats'], message: `must list ${l.units} units (has ${l.unitStats.length})` });
  l.unitStats.forEach((u, i) => {
    if (u.index !== i) ctx.issues.push({ code: 'custom', input: u.index, path: ['unitStats', i, 'index'], message: `must be ${i}` });
  });
});

/** A bound on `networks[].stepMetrics` a manifest may carry (the engine writes at most 200 points per network). */
export const MAX_MANIFEST_STEP_POINTS = 10_000;

const network = obj({
  id: string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'must be a folder-safe name' }),
  architecture: string(),
  seed: integer({ min: 0 }),
  streamKey: z.string({ error: 'must be 16 lowercase hex digits' }).regex(/^[0-9a-f]{16}$/, { error: 'must be 16 lowercase hex digits' }).optional(),
  role: oneOf(['trained', 'untrained']),
  spec: z.custom<ResolvedArchitecture>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'must be an object' }),
  parameterCount: integer({ min: 0 }),
  trainSeconds: number({ min: 0 }),
  metrics: array(obj({ epoch: integer({ min: 1 }), ...numbers(['trainLoss', 'trainAccuracy', 'validationLoss', 'validationAccuracy', 'seconds']) })),
  /** Per-step curve (optional: absent in results made before it existed), steps strictly increasing. */
  stepMetrics: array(
    obj({ step: integer({ min: 1 }), epoch: integer({ min: 1 }), samples: integer({ min: 1 }), loss: number({ min: 0 }), accuracy: number({ min: 0, max: 1 }) }),
  )
    .check((ctx) => {
      const points = ctx.value;
      if (points.length > MAX_MANIFEST_STEP_POINTS) {
        ctx.issues.push({ code: 'custom', input: points, message: `has ${points.length} points; at most ${MAX_MANIFEST_STEP_POINTS} (average neighbouring steps into fewer points)` });
      }
    })
    .optional(), // step order: manifestRules (reported even when a point has other bad fields)
  weights: obj({ modelJson: relPath, weightsBin: relPath }),
  layers: array(networkLayer),
});

const sparse = obj({ penalties: array(z.number()), fvu: array(z.number()), nonzero: array(z.number()), weights: npyRef }).check((ctx) => {
  for (const k of ['fvu', 'nonzero'] as const) {
    if (ctx.value[k].length !== ctx.value.penalties.length) ctx.issues.push({ code: 'custom', input: ctx.value[k], path: [k], message: 'must have one entry per penalty' });
  }
});

const alignment = obj({
  layer: string(),
  a: string(),
  b: string(),
  kind: oneOf(['between', 'chance']),
  p: integer({ min: 1 }),
  q: integer({ min: 1 }),
  correlation: npyRef,
  mirrors: obj({ a: string(), b: string() }).optional(),
  live: obj({ a: integer({ min: 0 }), b: integer({ min: 0 }) }).optional(),
  semi: obj({ ...numbers(['meanA', 'meanB', 'oneToOneFraction']), matchA: npyRef, matchB: npyRef }).optional(),
  max: obj({ mean: finite(), match: npyRef }).optional(),
  mi: obj({ ...numbers(['bins', 'samples', 'semiMean', 'maxMean']), matrix: npyRef, matchA: npyRef, matchMax: npyRef }).optional(),
  cka: obj(numbers(['linear', 'debiased'])).optional(),
  sparse: sparse.optional(),
  // ---- newer measures (issue 16)
  svcca: obj(numbers(['mean', 'keptA', 'keptB', 'explainedA', 'explainedB'])).optional(),
  pwcca: obj(numbers(['weighted', 'mean', 'rankA', 'rankB'])).optional(),
  procrustes: obj(numbers(['distance', 'angular'])).optional(),
  knn: obj(numbers(['score', 'k', 'images', 'uniform'])).optional(),
  spectral: array(obj({ k: integer({ min: 1 }), labels: array(z.number()), clusters: array(anyObject), shared: integer({ min: 0 }) })).optional(),
});

const consensusFamily = obj({
  networks: array(z.string()),
  reference: z.string(),
  ...numbers(['liveUnits', 'count', 'fraction', 'meanFound']),
  found: array(z.number()),
  units: array(array(z.number())),
}).check((ctx) => {
  const n = ctx.value.networks.length;
  ctx.value.units.forEach((row, k) => {
    if (row.length !== n) ctx.issues.push({ code: 'custom', input: row, path: ['units', k], message: `must list one unit per network (${n})` });
  });
});

const manifestSchema = obj({
  format: z.literal(MANIFEST_FORMAT, { error: `must be "${MANIFEST_FORMAT}"` }),
  version: z.union(
    READABLE_MANIFEST_VERSIONS.map((v) => z.literal(v)),
    { error: (iss) => `must be one of ${READABLE_MANIFEST_VERSIONS.join(', ')} (this reader does not know version ${JSON.stringify(iss.input)})` },
  ) as unknown as z.ZodType<(typeof READABLE_MANIFEST_VERSIONS)[number]>,
  createdAt: z.string({ error: 'must be an ISO date string' }).refine((s) => !Number.isNaN(Date.parse(s)), { error: 'must be an ISO date string' }),
  experiment: z.custom<ResolvedExperimentSpec>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'must be an object' }),
  /** Absent in results written before stream version 2: read as `{ version: 1 }`. */
  streams: object({ version: integer({ min: 1, max: STREAM_VERSION }), dataOrder: oneOf(DATA_ORDERS).optional() })
    .check((ctx) => {
      const { version, dataOrder } = ctx.value;
      if (version >= 2 && dataOrder === undefined) ctx.issues.push({ code: 'custom', input: dataOrder, path: ['dataOrder'], message: `must be one of ${DATA_ORDERS.join(', ')} (got undefined)` });
      if (version < 2 && dataOrder !== undefined) ctx.issues.push({ code: 'custom', input: dataOrder, path: ['dataOrder'], message: 'is recorded from stream version 2 on; version 1 results have none' });
    })
    .optional(),
  dataset: obj({
    name: string(),
    classes: integer({ min: 1 }),
    train: integer({ min: 1 }),
    validation: integer({ min: 1 }),
    probe: integer({ min: 1 }),
    splitSeed: integer({ min: 0 }),
    imageShape: z.tuple([z.number(), z.number(), z.number()], { error: (iss) => (iss.code === 'invalid_type' && iss.path?.length ? 'must be a finite number' : iss.code === 'invalid_type' ? 'must be an array' : 'must be [h, w, c]') }),
  }),
  probe: obj({ images: npyRef, labels: npyRef }),
  backend: obj({ name: string(), detail: string({ nonEmpty: false }) }),
  timings: obj(numbers(['totalSeconds', 'trainSeconds', 'recordSeconds', 'alignSeconds'])),
  networks: array(network, { nonEmpty: true }),
  alignments: array(alignment),
  // ---- consensus and stitching (issue 16)
  consensus: array(obj({ layer: string(), trained: consensusFamily, chance: consensusFamily.nullable() })).optional(),
  stitching: array(
    obj({
      layer: string(),
      ...numbers(['images', 'majorityRate']),
      summary: anyObject,
      pairs: array(
        obj({
          a: z.string(),
          b: z.string(),
          kind: oneOf(['between', 'chance']),
          ownAccuracy: finite(),
          maps: array(obj({ kind: oneOf(['permutation', 'sparse', 'linear']), ...numbers(['accuracy', 'nonzero']) })),
        }),
      ),
    }),
  ).optional(),
  layers: array(obj({ name: string(), networks: array(z.string()), metrics: anyObject })),
});

/** Compile-time check: every field the schema reads has the type ResultManifest declares (fails to compile otherwise). */
type ManifestView = z.infer<typeof manifestSchema>;
const manifestConforms: ResultManifest extends ManifestView ? true : false = true;
void manifestConforms;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * References across the manifest, read from the raw JSON (whatever is readable; the schema reports the rest): network
 * ids are unique, and pairs, mirrors, consensus families and stitched pairs name networks (pairs: with the layer and
 * its unit count); a pair's spectral labels cover its p + q units.
 */
function manifestRules(o: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const unitsOf = new Map<string, Map<string, number>>();
  list(o.networks).forEach((n, i) => {
    if (!isRecord(n) || typeof n.id !== 'string' || n.id === '') return;
    if (unitsOf.has(n.id)) errors.push(`${joinPath(joinPath('networks', i), 'id')} repeats network id "${n.id}"`);
    const layerUnits = new Map<string, number>();
    for (const l of list(n.layers)) if (isRecord(l) && typeof l.name === 'string' && typeof l.units === 'number') layerUnits.set(l.name, l.units);
    unitsOf.set(n.id, layerUnits);
  });
  // Steps of a per-step curve strictly increase (read raw, so a point with other bad fields still gets this line).
  list(o.networks).forEach((n, i) => {
    if (!isRecord(n)) return;
    let previous = 0;
    list(n.stepMetrics).forEach((pt, k) => {
      if (!isRecord(pt) || typeof pt.step !== 'number') return;
      if (pt.step <= previous) errors.push(`${joinPath(joinPath(joinPath(joinPath('networks', i), 'stepMetrics'), k), 'step')} must be greater than the previous point's step (${previous})`);
      previous = pt.step;
    });
  });
  list(o.alignments).forEach((a, i) => {
    if (!isRecord(a)) return;
    const p = joinPath('alignments', i);
    for (const side of ['a', 'b'] as const) {
      const id = a[side];
      if (typeof id !== 'string' || id === '' || typeof a.layer !== 'string') continue;
      const lu = unitsOf.get(id);
      const expect = a[side === 'a' ? 'p' : 'q'];
      if (!lu) errors.push(`${joinPath(p, side)} names no network ("${id}")`);
      else if (!lu.has(a.layer)) errors.push(`${joinPath(p, side)} network "${id}" has no recorded layer "${a.layer}"`);
      else if (typeof expect === 'number' && lu.get(a.layer) !== expect) errors.push(`${joinPath(p, side === 'a' ? 'p' : 'q')} must equal ${id}'s ${lu.get(a.layer)} units`);
    }
    const { p: pp, q: qq } = a;
    list(a.spectral).forEach((sp, si) => {
      if (isRecord(sp) && Array.isArray(sp.labels) && typeof pp === 'number' && typeof qq === 'number' && sp.labels.length !== pp + qq) {
        errors.push(`${joinPath(joinPath(joinPath(p, 'spectral'), si), 'labels')} must have p + q = ${pp + qq} entries`);
      }
    });
    if (isRecord(a.mirrors)) {
      for (const side of ['a', 'b'] as const) {
        const id = a.mirrors[side];
        if (typeof id === 'string' && !unitsOf.has(id)) errors.push(`${joinPath(joinPath(p, 'mirrors'), side)} names no network ("${id}")`);
      }
    }
  });
  const knownNetwork = (id: unknown, at: string) => {
    if (typeof id !== 'string' || !unitsOf.has(id)) errors.push(`${at} names no network (${JSON.stringify(id)})`);
  };
  list(o.consensus).forEach((r, i) => {
    if (!isRecord(r)) return;
    for (const side of ['trained', 'chance'] as const) {
      const f = r[side];
      if (!isRecord(f)) continue;
      const fp = joinPath(joinPath('consensus', i), side);
      list(f.networks).forEach((id, k) => knownNetwork(id, joinPath(joinPath(fp, 'networks'), k)));
      knownNetwork(f.reference, joinPath(fp, 'reference'));
    }
  });
  list(o.stitching).forEach((r, i) => {
    if (!isRecord(r)) return;
    list(r.pairs).forEach((pr, k) => {
      if (!isRecord(pr)) return;
      const pp = joinPath(joinPath(joinPath('stitching', i), 'pairs'), k);
      knownNetwork(pr.a, joinPath(pp, 'a'));
      knownNetwork(pr.b, joinPath(pp, 'b'));
    });
  });
  return errors;
}

/** The arrays of an aligned pair's entry: R_AB, then each method's matches, MI matrix and sparse weights. */
export function pairArrayRefs(a: {
  correlation: NpyRef;
  semi?: Pick<SemiResult, 'matchA' | 'matchB'>;
  max?: Pick<MaxResult, 'match'>;
  mi?: Pick<MiResult, 'matrix' | 'matchA' | 'matchMax'>;
  sparse?: Pick<SparseResult, 'weights'>;
}): NpyRef[] {
  return [
    a.correlation,
    ...(a.semi ? [a.semi.matchA, a.semi.matchB] : []),
    ...(a.max ? [a.max.match] : []),
    ...(a.mi ? [a.mi.matrix, a.mi.matchA, a.mi.matchMax] : []),
    ...(a.sparse ? [a.sparse.weights] : []),
  ];
}

/** The .npy files and the other files (tfjs weights) a valid manifest references. */
function referencedFiles(m: ManifestView): { npyFiles: NpyRef[]; otherFiles: string[] } {
  const npyFiles: NpyRef[] = [m.probe.images, m.probe.labels];
  const otherFiles: string[] = [];
  for (const n of m.networks) {
    otherFiles.push(n.weights.modelJson, n.weights.weightsBin);
    for (const l of n.layers) npyFiles.push(l.within, ...(l.activations ? [l.activations] : []));
  }
  for (const a of m.alignments) npyFiles.push(...pairArrayRefs(a));
  return { npyFiles: npyFiles.map((r) => ({ path: r.path, dtype: r.dtype, shape: r.shape })), otherFiles };
}

/**
 * Check a parsed manifest's structure and internal references (network ids, paths). Returns the
 * manifest typed and the list of referenced .npy files; throws SpecError naming every problem.
 */
export function validateManifest(value: unknown): { manifest: ResultManifest; npyFiles: NpyRef[]; otherFiles: string[] } {
  const parsed = parse(manifestSchema, value, '', '(manifest)');
  const errors = [...parsed.errors, ...(isRecord(value) ? manifestRules(value) : [])];
  if (errors.length > 0 || !parsed.data) throw new SpecError('invalid result manifest', errors);
  // A shallow copy of the caller's object (every field kept, not only those the schema reads): reading an old
  // manifest fills in defaults (streams) without touching the caller's object.
  const manifest = { ...(value as Record<string, unknown>), streams: parsed.data.streams ?? { version: 1 } } as unknown as ResultManifest;
  return { manifest, ...referencedFiles(parsed.data) };
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
