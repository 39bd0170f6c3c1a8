/**
 * The experiment's steps (exported, with `runExperiment`, as `@convergent/engine/steps` through entries/steps.ts) for whatever sequences them: plan →
 * train (one network) → record (the family's layer recordings; each network's layer records) → align (one pair ×
 * layer) → the family-level checks (consensus, stitching, layer summaries with their chance baselines). Each step
 * takes and answers values (a spec, image sets, loaded models, recordings, figures); the only files a step keeps
 * are a trained network's saved model and its epoch checkpoint, in folders its caller names.
 *
 * Two sequencers use them: `runExperiment` (run-experiment.ts, one process, a result directory) and the API's job
 * pipeline (apps/api/src/jobs/pipeline/, one job per step on any worker, rows in a database).
 */
export { type ExperimentPlan, type PlanOptions, type PlannedNetwork, UNTRAINED, planExperiment, planNetworks, recordedLayers, resolveArchitectures, safeId, trainingCosts } from './plan-step.ts';
export { type TrainDirs, type TrainStepOptions, type TrainStepOutput, buildUntrainedStep, datasetSource, trainStep, trainTaskFor, trainingSet } from './train-step.ts';
export {
  HELD_OUT_FRACTION,
  type NetworkLayerValues,
  type RecordStepInput,
  crossParts,
  heldOutOption,
  layerRecordValues,
  loadNetwork,
  memberParts,
  recordStep,
  shuffledOption,
} from './record-step.ts';
export {
  type AlignPairPlan,
  type AlignStepInput,
  type AlignStepOutput,
  type LayerPair,
  type MemberPair,
  type PairAlignmentValues,
  alignPairStep,
  alignPairsOf,
  finiteFigures,
  layerPairs,
  liveFigures,
  memberPairs,
  pairAlignmentValues,
  pairFigures,
  pairRecordingFromParts,
  reportedMatches,
  shuffledMember,
} from './align-step.ts';
export { type FamilyChecks, type PairFigures, type SummaryOptions, familyChecks, layerSummaries, layerSummary, stat } from './family-step.ts';

// What a sequencer needs around the steps: the spec, the data, the random streams' version, and the types the
// steps take and answer.
export { type ResolvedExperimentSpec, validateExperimentSpec } from './experiment-spec.ts';
export { type ExperimentData, loadExperimentData } from './experiment-data.ts';
export { STREAM_VERSION } from '../random/streams.ts';
export type { TrainTaskInput, TrainTaskOutput } from './train-task.ts';
export type { ConsensusRecord, EpochMetrics, LayerSummary, NetworkRecord, PairAlignment, StepMetric, StitchLayerRecord } from './manifest.ts';
export type { LayerRecording, RecordedNetwork } from '../record/record-family.ts';
export type { ResolvedArchitecture } from '../spec/architecture-spec.ts';
export type { ImageSet } from '../train/image-set.ts';
export type { TrainProgress } from '../train/train-network.ts';
