// Public API of @convergent/engine. Each area exports from its own folder; keep this list short.

// backend
export * from './backend/select-backend.ts';
export * from './backend/wasm-conv-kernels.ts';
export * from './backend/wasm-pool-kernels.ts';

// data: built-in MNIST / Fashion-MNIST (cached), IDX and .npy imports, seeded splits, batches
export * from './data/dataset.ts';
export * from './data/idx.ts';
export * from './data/load-dataset.ts';

// train: worker-thread job pool
export * from './train/worker-pool.ts';

// io: .npy / .npz files and activation streams
export * from './io/npy.ts';
export * from './io/npz.ts';
export * from './io/activation-source.ts';

// stats: streaming joint moments and row samples
export * from './stats/moments.ts';
export * from './stats/row-sample.ts';

// align: one-to-one matching (semi, max-weight, MI) and CKA
export * from './align/semi-matching.ts';
export * from './align/hungarian.ts';
export * from './align/mutual-information.ts';
export * from './align/cka.ts';

// align: sparse prediction (lasso path, one-to-many) and spectral clustering (many-to-many)
export * from './align/sparse-prediction.ts';
export * from './align/spectral-clustering.ts';
export { kMeans, type KMeansOptions, type KMeansResult } from './align/kmeans.ts';
export { lanczosLargest, type LanczosOptions, type LanczosResult } from './linalg/lanczos.ts';
export { cholesky, choleskySolve } from './linalg/cholesky.ts';

// spec: declarative architectures, presets, seeded model building
export { SpecError } from './spec/json-checks.ts';
export * from './spec/architecture-spec.ts';
export * from './spec/presets.ts';
export * from './spec/build-model.ts';

// random: the networks' random streams (stream version, network key, stream seeds)
export { STREAM_VERSION, DATA_ORDERS, type DataOrder, type StreamInfo, canonicalJson, fnv1a64, splitmix64, hash64, architectureIdentity, networkKey, familyKey, streamSeed } from './random/streams.ts';

// train: seeded, resumable training and tfjs weight files
export type { ImageSet } from './train/image-set.ts';
export { epochOrder, evaluate, trainNetwork, type TrainOptions, type TrainProgress, type TrainResult, type TrainRunOptions } from './train/train-network.ts';
export { fileLoadHandler, fileSaveHandler, loadModel, loadWeightsInto, saveModel, MODEL_JSON, WEIGHTS_BIN } from './train/weights-io.ts';

// record: streamed joint recording of a network family
export * from './record/record-family.ts';

// experiment: spec, result-directory manifest, runExperiment
export * from './experiment/experiment-spec.ts';
export {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  validateManifest,
  validateResultDirectory,
  type EpochMetrics,
  type LayerSummary,
  type MaxResult,
  type MiResult,
  type NetworkLayerRecord,
  type NetworkRecord,
  type NpyDtype as ManifestNpyDtype,
  type NpyRef,
  type PairAlignment,
  type ResultManifest,
  type SemiResult,
  type SparseResult,
  type SpectralResult,
  type SummaryStat,
  type TopImage,
  type UnitStats,
} from './experiment/manifest.ts';
export * from './experiment/experiment-data.ts';
export * from './experiment/run-experiment.ts';
export { convergenceTable } from './cli/experiment.ts';
