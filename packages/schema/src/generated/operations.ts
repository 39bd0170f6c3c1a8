import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO-8601 timestamp (UTC). */
  DateTime: { input: string; output: string; }
  /** Arbitrary JSON value (experiment specs, network configs, method parameters). */
  JSON: { input: unknown; output: unknown; }
};

export type ActivationLayout =
  | 'NCHW'
  | 'NHWC';

export type AlignNetworksInput = {
  /** Network A: its experiment owns the alignment and gives the methods and their parameters. */
  a: Scalars['ID']['input'];
  /** Network B, of another experiment. */
  b: Scalars['ID']['input'];
  /** Layer names to align (default: every layer recorded in both). */
  layers?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type AlignNetworksPayload = {
  __typename?: 'AlignNetworksPayload';
  job: Job;
  /** The layers the job aligns. */
  layers: Array<Scalars['String']['output']>;
};

export type Alignment = {
  __typename?: 'Alignment';
  /** Between-net correlation matrix [unitsA, unitsB] float32 .npy (null when not stored). */
  betweenUrl?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Network B's experiment when it is another one (an on-demand alignment, mutation alignNetworks); null otherwise. */
  crossExperiment?: Maybe<Experiment>;
  /** The experiment that owns the alignment (network A's). */
  experiment: Experiment;
  id: Scalars['ID']['output'];
  /** Layer name (both networks' layers of that name). */
  layer: Scalars['String']['output'];
  layerA: Layer;
  layerB: Layer;
  /** Match of every unit of A (index in B or -1), int32 .npy [unitsA]; for reordering matrices. */
  matchUrl?: Maybe<Scalars['String']['output']>;
  /**
   * Unit matches of A's units; order SCORE_DESC / SCORE_ASC give the best / worst matched units. Dead units of A are left out unless includeDead (so they never rank as worst matched);
   * a dead unit's match, and a match to a dead unit, is stored unmatched (unitB null, score 0).
   */
  matches: UnitMatchConnection;
  method: AlignmentMethod;
  networkA: Network;
  networkB: Network;
  parameters?: Maybe<Scalars['JSON']['output']>;
  /** Histogram of each unit of A's best score (matched correlation or MI); live units of A unless includeDead. */
  scoreHistogram: Array<HistogramBin>;
  status: AlignmentStatus;
  /** Stitching B's layer from A's at this layer (A → B), when the experiment ran `stitch`; null otherwise. */
  stitching?: Maybe<StitchPair>;
  /** Summary figures; unit-averaged ones over live units unless includeDead. */
  summary: AlignmentSummary;
  /** Within-A correlation matrix [unitsA, unitsA] float32 .npy. */
  withinAUrl?: Maybe<Scalars['String']['output']>;
  /** Within-B correlation matrix [unitsB, unitsB] float32 .npy. */
  withinBUrl?: Maybe<Scalars['String']['output']>;
};


export type AlignmentMatchesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDead?: InputMaybe<Scalars['Boolean']['input']>;
  order?: InputMaybe<MatchOrder>;
};


export type AlignmentScoreHistogramArgs = {
  bins?: InputMaybe<Scalars['Int']['input']>;
  includeDead?: InputMaybe<Scalars['Boolean']['input']>;
};


export type AlignmentSummaryArgs = {
  includeDead?: InputMaybe<Scalars['Boolean']['input']>;
};

export type AlignmentMethod =
  /** Linear CKA. */
  | 'CKA'
  /** Max-weight bipartite matching on correlation (the paper's bipartite matching). */
  | 'HUNGARIAN'
  /** Mutual k-nearest-neighbour alignment over probe images, Huh et al. 2024 (headline summary.knnScore). */
  | 'KNN'
  /** Max-weight bipartite matching on mutual information. */
  | 'MI'
  /** Semi-matching on mutual information. */
  | 'MI_SEMI'
  /**
   * Orthogonal Procrustes distance 2 − 2‖AᵀB‖_* on centred, Frobenius-normalised activations, in [0, 2]; LOWER is more
   * alike (headline summary.procrustesDistance; its statistics test trained < chance).
   */
  | 'PROCRUSTES'
  /** PWCCA: projection-weighted mean canonical correlation, Morcos et al. 2018 (headline summary.pwcca). */
  | 'PWCCA'
  /** Semi-matching: each unit's most correlated unit in the other net. */
  | 'SEMI'
  /** L1-regularised sparse prediction (one-to-many). */
  | 'SPARSE'
  /** Spectral clustering of both nets' units (many-to-many). */
  | 'SPECTRAL'
  /** SVCCA: SVD keeping 99% of each side's variance, then CCA; mean canonical correlation (headline summary.svcca). */
  | 'SVCCA';

export type AlignmentStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type AlignmentSummary = {
  __typename?: 'AlignmentSummary';
  ckaDebiased?: Maybe<Scalars['Float']['output']>;
  ckaLinear?: Maybe<Scalars['Float']['output']>;
  /**
   * SPECTRAL: 1 − adjusted mutual information between cluster labels and network identity over live units (about 1:
   * every cluster holds both nets in proportion; 0: clusters separate the nets; above 1 when the split is more even
   * than a random labelling's). Null for results stored before it existed.
   */
  clusterMixing?: Maybe<Scalars['Float']['output']>;
  /** Spectral clusters (SPECTRAL). */
  clusters: Array<Cluster>;
  /** SPARSE: the held-out split (by image, seeded) behind meanLossHeldOut. */
  heldOut?: Maybe<HeldOutSplit>;
  /** Whether the unit-averaged figures here count dead units (includeDead, or a result stored without live figures). */
  includesDead: Scalars['Boolean']['output'];
  /** KNN: mean share of shared k nearest neighbours over probe images (uniform chance k / (images − 1)). */
  knnScore?: Maybe<Scalars['Float']['output']>;
  /** Sparse-prediction path (SPARSE). */
  lossPath: Array<SparsePathPoint>;
  /** Mean correlation of matched pairs (SEMI, HUNGARIAN). */
  meanCorr?: Maybe<Scalars['Float']['output']>;
  /** Mean mutual information of matched pairs, bits (MI). */
  meanMI?: Maybe<Scalars['Float']['output']>;
  /** Share of clusters containing units of both nets (SPECTRAL). Saturates at 1 for trained and chance pairs alike; see clusterMixing. */
  mixedClusterFraction?: Maybe<Scalars['Float']['output']>;
  /** Live units of A and B (null for results stored before live units were recorded). */
  nLiveA?: Maybe<Scalars['Int']['output']>;
  nLiveB?: Maybe<Scalars['Int']['output']>;
  /** Fraction of units whose best matches agree both ways (SEMI). */
  oneToOneFraction?: Maybe<Scalars['Float']['output']>;
  /** PROCRUSTES: orthogonal Procrustes distance in [0, 2] (lower is more alike). */
  procrustesDistance?: Maybe<Scalars['Float']['output']>;
  /** PWCCA: projection-weighted mean canonical correlation (weights from A). */
  pwcca?: Maybe<Scalars['Float']['output']>;
  samples?: Maybe<Scalars['Int']['output']>;
  /**
   * The shuffled-probe null of this pair (between pairs): the method's headline figure with B's probe images shuffled
   * (whole images, seeded; live units). Null when not computed.
   */
  shuffledNull?: Maybe<Scalars['Float']['output']>;
  /** SVCCA: mean canonical correlation after keeping 99% of each side's variance. */
  svcca?: Maybe<Scalars['Float']['output']>;
  unitsA: Scalars['Int']['output'];
  unitsB: Scalars['Int']['output'];
};

export type ArchitectureGroup = {
  __typename?: 'ArchitectureGroup';
  architecture: Scalars['String']['output'];
  networks: Array<Network>;
  seeds: Array<Scalars['Int']['output']>;
};

export type ChanceBaseline = {
  __typename?: 'ChanceBaseline';
  /** Architecture of the untrained nets the baseline comes from, when per architecture. */
  architecture?: Maybe<Scalars['String']['output']>;
  layer: Scalars['String']['output'];
  method: AlignmentMethod;
  /** How it was obtained, e.g. 'untrained' (same architecture, untrained weights). */
  source: Scalars['String']['output'];
  /** The method's summary figure between untrained nets (the null level). */
  value: Scalars['Float']['output'];
};

export type CheckInterval = {
  __typename?: 'CheckInterval';
  high: Scalars['Float']['output'];
  /** Coverage, 0.95. */
  level: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
  /** How it was computed (Wilson score over units, or the network bootstrap). */
  method: Scalars['String']['output'];
};

/**
 * A family-level check (consensus, stitching) read like every pair figure: value, interval, matched chance, one-sided
 * test against it, verdict. Computed on read from the stored records (engine experiment/family-check-statistics.ts).
 */
export type CheckStatistic = {
  __typename?: 'CheckStatistic';
  /** The same figure on untrained networks; null when there are none. */
  chance?: Maybe<Scalars['Float']['output']>;
  /** consensusFraction, or stitchAccuracy:<map>. */
  figure: Scalars['String']['output'];
  interval?: Maybe<CheckInterval>;
  /** Why there is no interval (null when there is one). */
  intervalReason?: Maybe<Scalars['String']['output']>;
  mean: Scalars['Float']['output'];
  /** Units (consensus: the reference's live units) or trained pairs (stitching) behind mean. */
  n: Scalars['Int']['output'];
  /** One-sided p of trained > chance; null without chance. */
  pValue?: Maybe<Scalars['Float']['output']>;
  /** The test behind pValue, in words. */
  test?: Maybe<Scalars['String']['output']>;
  verdict: Verdict;
  verdictReason: Scalars['String']['output'];
};

export type Cluster = {
  __typename?: 'Cluster';
  countA: Scalars['Int']['output'];
  countB: Scalars['Int']['output'];
  index: Scalars['Int']['output'];
  mixed: Scalars['Boolean']['output'];
  size: Scalars['Int']['output'];
  unitsA: Array<Unit>;
  unitsB: Array<Unit>;
};

export type CompareKind =
  | 'EXPERIMENT'
  | 'NETWORK';

/** A network or an experiment taking part in a comparison. */
export type CompareSubject = {
  __typename?: 'CompareSubject';
  /** Final validation accuracy (network) or mean over networks (experiment). */
  accuracy?: Maybe<Scalars['Float']['output']>;
  experiment?: Maybe<Experiment>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  network?: Maybe<Network>;
};

export type Comparison = {
  __typename?: 'Comparison';
  entries: Array<ComparisonEntry>;
  kind: CompareKind;
  method: AlignmentMethod;
  reference: CompareSubject;
};

export type ComparisonEntry = {
  __typename?: 'ComparisonEntry';
  /** accuracy - reference accuracy. */
  accuracyDelta?: Maybe<Scalars['Float']['output']>;
  /** Configuration (network config or experiment spec) leaves that differ from the reference. */
  configDiff: Array<ConfigDifference>;
  /**
   * NETWORK comparisons of a network of another experiment than the reference's: whether the two can be aligned on
   * demand (alignNetworks) and the job that does it. Null otherwise (same experiment, or EXPERIMENT comparisons).
   */
  crossAlignment?: Maybe<CrossAlignment>;
  layers: Array<LayerComparison>;
  subject: CompareSubject;
};

export type ConfidenceInterval = {
  __typename?: 'ConfidenceInterval';
  high: Scalars['Float']['output'];
  /** Coverage, 0.95. */
  level: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
  /** Bootstrap replicates (networks resampled with replacement within each architecture). */
  resamples: Scalars['Int']['output'];
};

export type ConfigDifference = {
  __typename?: 'ConfigDifference';
  /** JSON path of the differing leaf, e.g. layers[2].units. */
  path: Scalars['String']['output'];
  reference?: Maybe<Scalars['JSON']['output']>;
  value?: Maybe<Scalars['JSON']['output']>;
};

/** Consensus of one family of networks at a layer (engine align/consensus.ts). */
export type ConsensusFamily = {
  __typename?: 'ConsensusFamily';
  /** Reference units found consistently (cycle-consistent matchings) in every network of the family. */
  count: Scalars['Int']['output'];
  /** Per reference unit: networks it is found in, the reference included (0 for dead units). */
  found: Array<Scalars['Int']['output']>;
  /** count / liveUnits. */
  fraction: Scalars['Float']['output'];
  /** Live units of the reference. */
  liveUnits: Scalars['Int']['output'];
  /** Mean of found over the reference's live units (1 … networks). */
  meanFound: Scalars['Float']['output'];
  /** The family's networks; `units` columns follow this order. */
  networks: Array<Network>;
  /** The reference network whose units are counted (the first trained network). */
  reference: Network;
  /** Per consensus unit: its unit index in each network of `networks` (for side-by-side top images). */
  units: Array<Array<Scalars['Int']['output']>>;
};

export type ConvergenceStats = {
  __typename?: 'ConvergenceStats';
  max?: Maybe<Scalars['Float']['output']>;
  mean?: Maybe<Scalars['Float']['output']>;
  min?: Maybe<Scalars['Float']['output']>;
  pairCount: Scalars['Int']['output'];
  std?: Maybe<Scalars['Float']['output']>;
};

/**
 * Which stored figure of a method the statistics fields of LayerConvergence (figure, mean, ci, matchedChance, ...)
 * describe. DEFAULT: the method's headline (SPARSE: held-out FVU when stored, else in-sample). DEBIASED: debiased
 * linear CKA (CKA only). IN_SAMPLE / HELD_OUT: the sparse path's in-sample or held-out FVU (SPARSE only). A variant
 * the method does not have, or that was not stored, gives null statistics with the reason in ciReason.
 */
export type ConvergenceVariant =
  | 'DEBIASED'
  | 'DEFAULT'
  | 'HELD_OUT'
  | 'IN_SAMPLE';

export type CreateExperimentInput = {
  name: Scalars['String']['input'];
  /** Experiment spec as accepted by `convergent experiment run` (validated by the engine). */
  spec: Scalars['JSON']['input'];
};

export type CreateExperimentPayload = {
  __typename?: 'CreateExperimentPayload';
  experiment: Experiment;
  jobs: Array<Job>;
};

export type CreateSignInLinkInput = {
  /** Who the link is for; becomes the session's name (1 to 100 characters). */
  name: Scalars['String']['input'];
  role?: TeamRole;
};

export type CreateTokenInput = {
  /** Days until the token expires (1 to 3650); null: never. */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** What the token is for (shown in lists), 1 to 100 characters. */
  name: Scalars['String']['input'];
  role?: TeamRole;
};

export type CreateTokenPayload = {
  __typename?: 'CreateTokenPayload';
  credential: Credential;
  /** The secret (cvg_…), shown this once: send it as Authorization: Bearer <token>. */
  token: Scalars['String']['output'];
};

/** A team token or dashboard session. The secret itself is never shown again after creation. */
export type Credential = {
  __typename?: 'Credential';
  createdAt: Scalars['DateTime']['output'];
  /** True for the credential of this very request. */
  current: Scalars['Boolean']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kind: CredentialKind;
  /** Last use, to the minute (null when never used). */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The first characters of the secret (cvg_… tokens, cvs_… sessions), to tell them apart. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role: TeamRole;
};

export type CredentialConnection = {
  __typename?: 'CredentialConnection';
  edges: Array<CredentialEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CredentialEdge = {
  __typename?: 'CredentialEdge';
  cursor: Scalars['String']['output'];
  node: Credential;
};

export type CredentialKind =
  /** A dashboard session, opened with a one-time sign-in link. */
  | 'SESSION'
  /** A team token for scripts (Authorization: Bearer). */
  | 'TOKEN';

/** Whether two networks of two experiments can be aligned on demand (mutation alignNetworks), and its latest job. */
export type CrossAlignment = {
  __typename?: 'CrossAlignment';
  alignable: Scalars['Boolean']['output'];
  /** The newest on-demand alignment job of this pair (either order), null when none was queued. */
  job?: Maybe<Job>;
  /** The layers an alignment covers (every layer recorded in both); empty when not alignable. */
  layers: Array<Scalars['String']['output']>;
  /** Why not, one line per reason, each naming both sides' values (empty when alignable). */
  reasons: Array<Scalars['String']['output']>;
};

export type DeleteExperimentPayload = {
  __typename?: 'DeleteExperimentPayload';
  deleted: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
};

export type EpochMetric = {
  __typename?: 'EpochMetric';
  epoch: Scalars['Int']['output'];
  seconds?: Maybe<Scalars['Float']['output']>;
  trainAccuracy?: Maybe<Scalars['Float']['output']>;
  trainLoss?: Maybe<Scalars['Float']['output']>;
  valAccuracy?: Maybe<Scalars['Float']['output']>;
};

export type Experiment = {
  __typename?: 'Experiment';
  /** Trained networks grouped by architecture, each group sorted by seed. */
  architectures: Array<ArchitectureGroup>;
  chanceBaselines: Array<ChanceBaseline>;
  /**
   * Consensus across the experiment's trained networks per layer (spec method `consensus`): units of the reference
   * network matched cycle-consistently in every other network, against the same on untrained twins. Empty when the
   * experiment did not ask for it; one layer with `layer`.
   */
  consensus: Array<LayerConsensus>;
  /** Per-layer convergence across all pairs (see Query.layerConvergence); figures over live units unless includeDead. */
  convergence: Array<LayerConvergence>;
  createdAt: Scalars['DateTime']['output'];
  /** Dataset name (e.g. fashion-mnist, mnist, or the name given on import). */
  dataset: Scalars['String']['output'];
  /** Why the experiment failed, when it did. */
  error?: Maybe<Scalars['String']['output']>;
  /**
   * The paper's findings computed from the stored rows by the engine (findings/compute-findings.ts, the same function
   * as `convergent report`): statistic, 95% network-bootstrap interval, p-value, chance and a computed verdict each.
   */
  findings: Findings;
  id: Scalars['ID']['output'];
  jobs: JobConnection;
  /** Names of the recorded layers, in network order (union over architectures). */
  layerNames: Array<Scalars['String']['output']>;
  /**
   * True when the networks were trained in this project with the old random streams (streamVersion 1): networks of
   * different architectures with the same seed then started from related weights, which inflates their similarity
   * (e.g. units matched to the unit with the same index). Re-run the experiment to compare independent networks.
   * Always false for imported activations (networks trained elsewhere).
   */
  legacyStreams: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** Number of trained networks (untrained chance twins not counted). */
  networkCount: Scalars['Int']['output'];
  /** Networks sorted by architecture and seed; untrained chance twins only when includeUntrained. */
  networks: NetworkConnection;
  /** What a RUNNING experiment is doing: training, recording or aligning (null otherwise). */
  phase?: Maybe<Scalars['String']['output']>;
  /** Number of probe images; each is served at probeImageUrl with {index} replaced by the image index. */
  probeImageCount: Scalars['Int']['output'];
  /** URL template of one probe image as PNG, e.g. /files/probe/<experimentId>/{index}.png. */
  probeImageUrl: Scalars['String']['output'];
  /** Overall progress in [0, 1] over the experiment's jobs (null when it has none). */
  progress?: Maybe<Scalars['Float']['output']>;
  /** How the experiment came to be: SPEC (computed by jobs), RESULT (imported result directory), ACTIVATIONS. */
  source: Scalars['String']['output'];
  /** The spec the experiment was created from (JSON, as validated by the engine). */
  spec: Scalars['JSON']['output'];
  status: ExperimentStatus;
  /**
   * Stitching per layer (spec method `stitch`): held-out accuracy of network B with its layer replaced by a map from
   * network A's activations, against B's own and chance. Empty when the experiment did not ask for it.
   */
  stitching: Array<LayerStitching>;
  /**
   * Version of the random streams its networks were made with. 2: every random stream of a network (initialisers,
   * dropout masks, a per-network data order) derives from the network's identity (architecture + seed), so two
   * networks share a stream only if they are the same network. 1: the old seeding, from (seed, layer index) only,
   * under which networks of different architectures with the same seed shared their random streams. Stored
   * experiments and result directories from before the field existed read as 1.
   */
  streamVersion: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


export type ExperimentConsensusArgs = {
  layer?: InputMaybe<Scalars['String']['input']>;
};


export type ExperimentConvergenceArgs = {
  includeDead?: InputMaybe<Scalars['Boolean']['input']>;
  method?: AlignmentMethod;
  variant?: InputMaybe<ConvergenceVariant>;
};


export type ExperimentJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<JobStatus>;
};


export type ExperimentNetworksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  architecture?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeUntrained?: InputMaybe<Scalars['Boolean']['input']>;
};


export type ExperimentStitchingArgs = {
  layer?: InputMaybe<Scalars['String']['input']>;
};

export type ExperimentConnection = {
  __typename?: 'ExperimentConnection';
  edges: Array<ExperimentEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ExperimentEdge = {
  __typename?: 'ExperimentEdge';
  cursor: Scalars['String']['output'];
  node: Experiment;
};

export type ExperimentStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type Finding = {
  __typename?: 'Finding';
  chance?: Maybe<Scalars['Float']['output']>;
  chanceName?: Maybe<Scalars['String']['output']>;
  claim: Scalars['String']['output'];
  /** reliable-features, subspaces, local-distributed, semi-vs-max, depth-trend or trained-vs-chance. */
  id: Scalars['String']['output'];
  interval?: Maybe<FindingInterval>;
  /** Why there is no interval (null when there is one). */
  intervalReason?: Maybe<Scalars['String']['output']>;
  pValue?: Maybe<Scalars['Float']['output']>;
  /** Why this verdict, with the numbers; always present (also for INCONCLUSIVE). */
  reason: Scalars['String']['output'];
  rows: Array<FindingRow>;
  /** The exact decision rule. */
  rule: Scalars['String']['output'];
  statistic?: Maybe<Scalars['Float']['output']>;
  /** The layer (or layers) the statistic is from, when it is one layer's. */
  statisticLayer?: Maybe<Scalars['String']['output']>;
  statisticName: Scalars['String']['output'];
  /** The test behind pValue, in words. */
  test?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  verdict: FindingVerdict;
};

export type FindingInterval = {
  __typename?: 'FindingInterval';
  high: Scalars['Float']['output'];
  level: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
};

/** One layer (or layer x figure) behind a finding. */
export type FindingRow = {
  __typename?: 'FindingRow';
  chance?: Maybe<Scalars['Float']['output']>;
  figure?: Maybe<Scalars['String']['output']>;
  interval?: Maybe<FindingInterval>;
  intervalReason?: Maybe<Scalars['String']['output']>;
  layer: Scalars['String']['output'];
  n: Scalars['Int']['output'];
  pValue?: Maybe<Scalars['Float']['output']>;
  reason: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
  verdict: FindingVerdict;
};

export type FindingVerdict =
  | 'INCONCLUSIVE'
  | 'NOT_SUPPORTED'
  | 'SUPPORTED';

/** The paper's findings for one experiment (engine README: findings.json schema). */
export type Findings = {
  __typename?: 'Findings';
  findings: Array<Finding>;
  layers: Array<Scalars['String']['output']>;
  /** Threshold on the semi-matched correlation behind reliable-features. */
  reliableR: Scalars['Float']['output'];
  /** Trained networks (untrained twins not counted). */
  trainedNetworks: Scalars['Int']['output'];
  untrainedNetworks: Scalars['Int']['output'];
  /** Schema version of the findings (engine FINDINGS_VERSION). */
  version: Scalars['Int']['output'];
};

export type HeldOutSplit = {
  __typename?: 'HeldOutSplit';
  /** Probe images the weights were fitted on. */
  fitImages: Scalars['Int']['output'];
  /** Probe images held out (the loss is reported on them). */
  images: Scalars['Int']['output'];
  seed: Scalars['Int']['output'];
};

export type HistogramBin = {
  __typename?: 'HistogramBin';
  count: Scalars['Int']['output'];
  lower: Scalars['Float']['output'];
  upper: Scalars['Float']['output'];
};

export type ImportActivationsInput = {
  dataset?: Scalars['String']['input'];
  /** Layout of 4-D activation arrays. */
  layout?: ActivationLayout;
  /** Methods to run on every pair (default: all). */
  methods?: InputMaybe<Array<AlignmentMethod>>;
  name: Scalars['String']['input'];
  networks: Array<ImportNetworkInput>;
};

export type ImportLayerInput = {
  name: Scalars['String']['input'];
  /** Absolute path of a .npy file [samples, units] or [images, H, W, C] on the API server's machine. */
  path: Scalars['String']['input'];
};

export type ImportNetworkInput = {
  architecture: Scalars['String']['input'];
  layers: Array<ImportLayerInput>;
  name: Scalars['String']['input'];
  seed: Scalars['Int']['input'];
};

export type ImportPayload = {
  __typename?: 'ImportPayload';
  experiment: Experiment;
  /** The job doing the work, when it runs asynchronously. */
  job?: Maybe<Job>;
};

export type ImportResultInput = {
  /** Experiment name (defaults to the one in the result's manifest). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Absolute path of a result directory on the API server's machine. */
  path: Scalars['String']['input'];
};

export type Job = {
  __typename?: 'Job';
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  /** Estimated seconds left (null when unknown). */
  etaSeconds?: Maybe<Scalars['Float']['output']>;
  experiment?: Maybe<Experiment>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Progress in [0, 1]. */
  fraction: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  kind: JobKind;
  network?: Maybe<Network>;
  /** Current phase, e.g. 'epoch 2/5', 'recording conv2', 'aligning'. */
  phase?: Maybe<Scalars['String']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: JobStatus;
};

export type JobConnection = {
  __typename?: 'JobConnection';
  edges: Array<JobEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type JobEdge = {
  __typename?: 'JobEdge';
  cursor: Scalars['String']['output'];
  node: Job;
};

export type JobKind =
  | 'ALIGN'
  /** Orchestrates a whole experiment (queues the other jobs). */
  | 'EXPERIMENT'
  | 'IMPORT'
  | 'RECORD'
  | 'TRAIN';

export type JobStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type Layer = {
  __typename?: 'Layer';
  /**
   * Number of dead units: population std over the probe set (images × positions) equal to 0 or at most 1e-6 × |mean|
   * (engine stats/moments.ts DEAD_RELATIVE).
   */
  deadCount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Position among the network's recorded layers (0-based). */
  index: Scalars['Int']['output'];
  /** Layer kind (conv, dense, ...). */
  kind?: Maybe<Scalars['String']['output']>;
  /** Live (not dead) units: unitCount − deadCount. */
  nLive: Scalars['Int']['output'];
  /** All units (= unitCount). */
  nTotal: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  network: Network;
  /**
   * Activation shape without the batch dimension: [h, w, c] for conv (e.g. [14, 14, 32]), [units] for dense. Empty only
   * for a layer stored before shapes were checked whose stored shape was not a list of positive integers.
   */
  shape: Array<Scalars['Int']['output']>;
  unit?: Maybe<Unit>;
  unitCount: Scalars['Int']['output'];
  units: UnitConnection;
};


export type LayerUnitArgs = {
  index: Scalars['Int']['input'];
};


export type LayerUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<UnitOrder>;
};

export type LayerComparison = {
  __typename?: 'LayerComparison';
  /** NETWORK: the reference-vs-network alignment (for its matrices). */
  alignment?: Maybe<Alignment>;
  delta?: Maybe<Scalars['Float']['output']>;
  /**
   * NETWORK: within-reference correlation minus the between matrix with B reordered by the matching, float32 .npy
   * [unitsA, unitsA] (how much the matched units' correlation structure differs). Null when not available.
   */
  differenceUrl?: Maybe<Scalars['String']['output']>;
  layer: Scalars['String']['output'];
  /** EXPERIMENT: the reference experiment's mean at the layer. NETWORK: null. */
  referenceValue?: Maybe<Scalars['Float']['output']>;
  /**
   * NETWORK: the method's summary figure between reference and this network at the layer.
   * EXPERIMENT: this experiment's mean over all its pairs at the layer.
   */
  value?: Maybe<Scalars['Float']['output']>;
};

export type LayerConsensus = {
  __typename?: 'LayerConsensus';
  chance?: Maybe<ConsensusFamily>;
  /** Consensus fraction of the untrained twins (matched chance); null without enough twins. */
  chanceFraction?: Maybe<Scalars['Float']['output']>;
  /** Consensus fraction of the trained family. */
  fraction: Scalars['Float']['output'];
  layer: Scalars['String']['output'];
  /** Matching the consensus is built on: max (max-weight matching of signed correlations). */
  matching: Scalars['String']['output'];
  /**
   * The trained consensus fraction against the untrained family's (matched chance): Wilson 95% interval over the
   * reference's live units and a one-sided Fisher exact test, both counting units as independent (optimistic; the
   * `test` field says so), and the verdict (engine experiment/family-check-statistics.ts).
   */
  statistic: CheckStatistic;
  trained: ConsensusFamily;
};

/**
 * Convergence of one layer for one method. `all`/`sameArchitecture`/`crossArchitecture` and `chance` are the
 * per-pair spread as before; the fields below are the stored statistics over all trained pairs (engine
 * experiment/layer-statistics.ts): the mean with a 95% bootstrap interval that resamples networks, the matched chance
 * (untrained twins of the same two architectures), the shuffled-probe null, a one-sided permutation test and a
 * verdict computed from them. `scopes` gives the same per scope (all, same, cross).
 */
export type LayerConvergence = {
  __typename?: 'LayerConvergence';
  all: ConvergenceStats;
  atOrBelowChance: Scalars['Boolean']['output'];
  chance?: Maybe<ChanceBaseline>;
  ci?: Maybe<ConfidenceInterval>;
  /** Why ci is null, e.g. 'needs at least 3 networks per architecture; have 2 of lenet'. */
  ciReason?: Maybe<Scalars['String']['output']>;
  crossArchitecture: ConvergenceStats;
  /** The statistic's figure key (manifest LayerSummary key), e.g. max, max.all, sparseFvu@0.1, spectralMixing@8. */
  figure?: Maybe<Scalars['String']['output']>;
  /** Whether the figures count dead units (includeDead, or results stored without live-unit figures). */
  includesDead: Scalars['Boolean']['output'];
  layer: Scalars['String']['output'];
  matchedChance?: Maybe<MatchedChance>;
  mean?: Maybe<Scalars['Float']['output']>;
  method: AlignmentMethod;
  /** Live units summed over the experiment's trained networks at this layer, and all units. */
  nLive: Scalars['Int']['output'];
  nPermutations?: Maybe<Scalars['Int']['output']>;
  nTotal: Scalars['Int']['output'];
  pValue?: Maybe<Scalars['Float']['output']>;
  sameArchitecture: ConvergenceStats;
  scopes: Array<ScopeStatistic>;
  shuffledNull?: Maybe<ShuffledNull>;
  verdict: Verdict;
  /** The verdict in words, e.g. 'at or below chance (0.737 vs chance 0.753)'. */
  verdictReason: Scalars['String']['output'];
};

export type LayerStitching = {
  __typename?: 'LayerStitching';
  /** Held-out validation images scored (never trained on, never used to fit the maps). */
  images: Scalars['Int']['output'];
  layer: Scalars['String']['output'];
  /** Share of the most frequent class among them (accuracy of always guessing it). */
  majorityRate: Scalars['Float']['output'];
  pairs: Array<StitchPair>;
  summary: Array<StitchSummary>;
};

export type MatchOrder =
  | 'SCORE_ASC'
  | 'SCORE_DESC'
  | 'UNIT_A';

export type MatchedChance = {
  __typename?: 'MatchedChance';
  mean: Scalars['Float']['output'];
  pairs: Scalars['Int']['output'];
  /** 'untrained-twins' (matched: twin i of A × twin j of B for trained pair i × j) or 'untrained-twin-of-a' (older results). */
  source: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Queue an on-demand alignment of two networks of two experiments that probed the same images (same dataset, split
   * seed, validation and probe sizes; both completed, with stored weights and the layers). One ALIGN job records both
   * networks again on the stored probe images and aligns them with network A's experiment's methods and parameters,
   * as that experiment's own ALIGN steps do; the result is read like any alignment (`alignment`, `compare`).
   * BAD_USER_INPUT lists every reason when they cannot be aligned; NOT_FOUND for a network of another team. While a
   * job for the pair is queued or running, that job is answered instead of a second one.
   */
  alignNetworks: AlignNetworksPayload;
  /** Cancel a queued or running job (a running job stops at its next checkpoint). */
  cancelJob: Job;
  /**
   * Validate an experiment spec with the engine's spec validator (BAD_USER_INPUT with the problem when invalid),
   * store the experiment and queue its jobs (train, record, align).
   */
  createExperiment: CreateExperimentPayload;
  /**
   * Team admins: a one-time sign-in link for the dashboard, for a teammate or another browser. It works once, for
   * 15 minutes, and opens a session with the given role.
   */
  createSignInLink: SignInLinkPayload;
  /** Team admins: create a team token for scripts. Its secret is in the payload, once (only a hash is stored). */
  createToken: CreateTokenPayload;
  /** Delete an experiment with its networks, alignments, jobs and files. */
  deleteExperiment: DeleteExperimentPayload;
  /**
   * Import external activations (.npy per network and layer, paths on the API server's machine) and queue
   * alignments between every pair of imported networks at every layer.
   */
  importActivations: ImportPayload;
  /**
   * Import a result directory written by `convergent experiment run` (a path on the API server's machine, inside one
   * of the team's import roots, Team.importRoots). A path outside them, a missing one and a file where a directory is
   * expected all answer the same BAD_USER_INPUT (the API does not reveal which server paths exist).
   */
  importResult: ImportPayload;
  /** Queue a failed or cancelled job again. */
  retryJob: Job;
  /**
   * Team admins: revoke a token or a dashboard session of the team (its signed file URLs stop working with it).
   * Anyone may revoke the credential of the request itself (signing out).
   */
  revokeCredential: Credential;
};


export type MutationAlignNetworksArgs = {
  input: AlignNetworksInput;
};


export type MutationCancelJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateExperimentArgs = {
  input: CreateExperimentInput;
};


export type MutationCreateSignInLinkArgs = {
  input: CreateSignInLinkInput;
};


export type MutationCreateTokenArgs = {
  input: CreateTokenInput;
};


export type MutationDeleteExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationImportActivationsArgs = {
  input: ImportActivationsInput;
};


export type MutationImportResultArgs = {
  input: ImportResultInput;
};


export type MutationRetryJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeCredentialArgs = {
  id: Scalars['ID']['input'];
};

export type Network = {
  __typename?: 'Network';
  architecture: Scalars['String']['output'];
  /** Compute backend it trained on (tensorflow, wasm, cpu, ...), null when imported. */
  backend?: Maybe<Scalars['String']['output']>;
  /** Architecture config (JSON layer list) of this network. */
  config?: Maybe<Scalars['JSON']['output']>;
  experiment: Experiment;
  /** Validation accuracy after the last epoch. */
  finalValAccuracy?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  layer?: Maybe<Layer>;
  layers: Array<Layer>;
  /** Per-epoch training metrics. */
  metrics: Array<EpochMetric>;
  name: Scalars['String']['output'];
  seed: Scalars['Int']['output'];
  status: NetworkStatus;
  /**
   * Per-step training curve: at most ~200 points, each the mean over K consecutive optimiser steps (K chosen so a run
   * keeps at most 200), in step order. Grows while the network trains; empty for untrained twins, imported
   * activations and results trained before per-step metrics were recorded.
   */
  stepMetrics: Array<StepMetric>;
  /** An untrained twin (initialised, never trained): the chance baseline of its architecture. */
  untrained: Scalars['Boolean']['output'];
  /** tfjs LayersModel model.json of the trained weights, when stored. */
  weightsUrl?: Maybe<Scalars['String']['output']>;
};


export type NetworkLayerArgs = {
  name: Scalars['String']['input'];
};

export type NetworkConnection = {
  __typename?: 'NetworkConnection';
  edges: Array<NetworkEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type NetworkEdge = {
  __typename?: 'NetworkEdge';
  cursor: Scalars['String']['output'];
  node: Network;
};

export type NetworkStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  /** Imported from outside (activations only, no training). */
  | 'IMPORTED'
  | 'QUEUED'
  | 'RECORDING'
  | 'TRAINING';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * The alignment of two networks at a layer (by layer name) for a method. NOT_FOUND when the networks are unknown,
   * and null when both exist but that alignment has not been computed (yet). The order of networkA/networkB may be
   * either way round: the answer is oriented so that `networkA` is the first argument.
   */
  alignment?: Maybe<Alignment>;
  /** One alignment by id. */
  alignmentById: Alignment;
  /**
   * Compare networks (kind NETWORK: ids are network ids) or experiments (kind EXPERIMENT) against a reference:
   * configuration differences, accuracy and per-layer alignment.
   */
  compare: Comparison;
  /** One experiment; NOT_FOUND when unknown or another team's. */
  experiment: Experiment;
  /** The team's experiments, newest first. */
  experiments: ExperimentConnection;
  job: Job;
  /** The team's jobs, newest first, optionally of one experiment or in one status. */
  jobs: JobConnection;
  layer: Layer;
  /**
   * Per recorded layer of an experiment, the summary figure of the method (meanCorr for SEMI/HUNGARIAN, meanMI for
   * MI, linear CKA for CKA) over all network pairs: mean and spread, split into same- and cross-architecture pairs,
   * with the chance baseline and the stored statistics (interval, matched chance, test, verdict). Figures are over
   * LIVE units unless includeDead (dead units counted as r = 0 / FVU 1). `variant` picks another stored figure of the
   * method (debiased CKA; SPARSE in-sample or held-out FVU) for the statistics fields.
   */
  layerConvergence: Array<LayerConvergence>;
  network: Network;
  /** What the experiment form offers, from the engine: built-in datasets, architecture presets, methods, optimizers. */
  specOptions: SpecOptions;
  /** The caller's team (same as viewer.team). */
  team: Team;
  unit: Unit;
  /**
   * Every check createExperiment makes (name, the engine's spec validator with this server's limits, a built-in
   * dataset name, dataset files inside the team's import roots), without writing anything: the dashboard's form
   * validates live with it, so the form and the mutation cannot disagree.
   */
  validateSpec: SpecValidation;
  /** The caller: its team and the token used. */
  viewer: Viewer;
};


export type QueryAlignmentArgs = {
  layer: Scalars['String']['input'];
  method?: AlignmentMethod;
  networkA: Scalars['ID']['input'];
  networkB: Scalars['ID']['input'];
};


export type QueryAlignmentByIdArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCompareArgs = {
  kind: CompareKind;
  method?: AlignmentMethod;
  others: Array<Scalars['ID']['input']>;
  reference: Scalars['ID']['input'];
};


export type QueryExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExperimentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ExperimentStatus>;
};


export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<JobStatus>;
};


export type QueryLayerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLayerConvergenceArgs = {
  experimentId: Scalars['ID']['input'];
  includeDead?: InputMaybe<Scalars['Boolean']['input']>;
  method?: AlignmentMethod;
  variant?: InputMaybe<ConvergenceVariant>;
};


export type QueryNetworkArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUnitArgs = {
  id: Scalars['ID']['input'];
};


export type QueryValidateSpecArgs = {
  name: Scalars['String']['input'];
  spec: Scalars['JSON']['input'];
};

export type ScopeStatistic = {
  __typename?: 'ScopeStatistic';
  atOrBelowChance: Scalars['Boolean']['output'];
  ci?: Maybe<ConfidenceInterval>;
  ciReason?: Maybe<Scalars['String']['output']>;
  figure: Scalars['String']['output'];
  matchedChance?: Maybe<MatchedChance>;
  mean: Scalars['Float']['output'];
  nPermutations?: Maybe<Scalars['Int']['output']>;
  pValue?: Maybe<Scalars['Float']['output']>;
  pairs: Scalars['Int']['output'];
  scope: StatisticScope;
  shuffledNull?: Maybe<ShuffledNull>;
  verdict: Verdict;
  verdictReason: Scalars['String']['output'];
};

export type ShuffledNull = {
  __typename?: 'ShuffledNull';
  mean: Scalars['Float']['output'];
  /** One-sided permutation test of trained against the shuffled null. */
  pValue: Scalars['Float']['output'];
  pairs: Scalars['Int']['output'];
};

export type SignInLinkPayload = {
  __typename?: 'SignInLinkPayload';
  /** The one-time code (cvc_…). */
  code: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  /** Path of the link on the dashboard: /sign-in#code=<code> (the code stays in the fragment, never sent in a URL). */
  path: Scalars['String']['output'];
};

export type SparsePathPoint = {
  __typename?: 'SparsePathPoint';
  /** Mean fraction of variance unexplained on the fitted statistics (live target units unless includeDead). */
  meanLoss: Scalars['Float']['output'];
  /**
   * Same on held-out probe images (live targets), weights fitted on the other images: the split is by image, seeded
   * (AlignmentSummary.heldOut). Null for results stored before it was computed.
   */
  meanLossHeldOut?: Maybe<Scalars['Float']['output']>;
  /** Mean number of non-zero weights per target unit. */
  meanNonzero: Scalars['Float']['output'];
  penalty: Scalars['Float']['output'];
};

export type SparseWeight = {
  __typename?: 'SparseWeight';
  penalty: Scalars['Float']['output'];
  /** Source unit (in the other network). */
  unit: Unit;
  weight: Scalars['Float']['output'];
};

/** Choices of the experiment spec (engine constants). */
export type SpecOptions = {
  __typename?: 'SpecOptions';
  /** Architecture preset names (width variants -xN, depth variant lenet-deep, residual and MLP families). */
  architectures: Array<Scalars['String']['output']>;
  datasets: Array<Scalars['String']['output']>;
  /** The methods run when a spec lists none. */
  defaultMethods: Array<Scalars['String']['output']>;
  /** Every alignment method a spec may list. */
  methods: Array<Scalars['String']['output']>;
  optimizers: Array<Scalars['String']['output']>;
};

/** The answer of validateSpec. */
export type SpecValidation = {
  __typename?: 'SpecValidation';
  /** Alignment methods it would run (resolved: the default and "all" expanded), when it is valid. */
  methods?: Maybe<Array<Scalars['String']['output']>>;
  /** Trained networks the spec asks for (architectures x seeds), when it is valid. */
  networkCount?: Maybe<Scalars['Int']['output']>;
  /** True when createExperiment would accept this name and spec. */
  ok: Scalars['Boolean']['output'];
  /** One entry per problem, each "<json path> <message>" as the engine words it (the root path reads (experiment spec)). */
  problems: Array<Scalars['String']['output']>;
};

export type StatisticScope =
  | 'ALL'
  | 'CROSS_ARCHITECTURE'
  | 'SAME_ARCHITECTURE';

/** One point of a per-step training curve: the mean over the bucket of steps ending at `step`. */
export type StepMetric = {
  __typename?: 'StepMetric';
  /** Fraction of the bucket's samples classified right while training on them (batch accuracy). */
  accuracy: Scalars['Float']['output'];
  /** Epoch (1-based) of the bucket's last step. */
  epoch: Scalars['Int']['output'];
  /** Mean training loss (softmax cross-entropy) over the bucket's samples. */
  loss: Scalars['Float']['output'];
  /** Training samples seen at the end of the bucket, over all epochs. */
  samples: Scalars['Int']['output'];
  /** Optimiser steps done at the end of the bucket (1-based). */
  step: Scalars['Int']['output'];
};

export type StitchMap = {
  __typename?: 'StitchMap';
  /** Held-out accuracy of B with the layer stitched from A (null if not finite). */
  accuracy?: Maybe<Scalars['Float']['output']>;
  kind: StitchMapKind;
  /** Mean non-zero weights per unit of B. */
  nonzero?: Maybe<Scalars['Float']['output']>;
  /** SPARSE: the L1 penalty of the map. */
  penalty?: Maybe<Scalars['Float']['output']>;
};

export type StitchMapKind =
  /** A least-squares linear map. */
  | 'LINEAR'
  /** B's unit j takes A's max-matched unit (standardised). */
  | 'PERMUTATION'
  /** The sparse-prediction map at the chosen penalty. */
  | 'SPARSE';

/** One stitched pair: B's upper layers on a map from A's activations at `layer`. */
export type StitchPair = {
  __typename?: 'StitchPair';
  /** between (two trained networks) or chance (A is an untrained twin). */
  kind: Scalars['String']['output'];
  layer: Scalars['String']['output'];
  maps: Array<StitchMap>;
  networkA: Network;
  networkB: Network;
  /** B's own held-out accuracy on the same images. */
  ownAccuracy?: Maybe<Scalars['Float']['output']>;
};

/** Accuracy of one map kind over stitched pairs (`own`: the receiving networks' own accuracy). */
export type StitchSummary = {
  __typename?: 'StitchSummary';
  between?: Maybe<ConvergenceStats>;
  chance?: Maybe<ConvergenceStats>;
  map: Scalars['String']['output'];
  /** Stitched accuracy over trained pairs against the chance pairs: interval, test, verdict (null for `own`, which is no check). */
  statistic?: Maybe<CheckStatistic>;
};

export type Team = {
  __typename?: 'Team';
  createdAt: Scalars['DateTime']['output'];
  /**
   * Team admins (FORBIDDEN otherwise): the team's tokens and dashboard sessions, newest first. Inactive ones
   * (revoked or expired) only when includeInactive.
   */
  credentials: CredentialConnection;
  experiments: ExperimentConnection;
  id: Scalars['ID']['output'];
  /**
   * Absolute folders on the API server this team may import from (importResult, importActivations, dataset files).
   * Set by the server's operator: `convergent team import-roots <team> DIR…`.
   */
  importRoots: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};


export type TeamCredentialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
  kind?: InputMaybe<CredentialKind>;
};


export type TeamExperimentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ExperimentStatus>;
};

/** What a credential may do: ADMIN also manages the team's tokens, sessions and sign-in links. */
export type TeamRole =
  | 'ADMIN'
  | 'MEMBER';

export type TopImage = {
  __typename?: 'TopImage';
  /** The unit's maximum activation on that image. */
  activation: Scalars['Float']['output'];
  /** Index of the probe image. */
  imageIndex: Scalars['Int']['output'];
  rank: Scalars['Int']['output'];
  /** PNG of the probe image. */
  url: Scalars['String']['output'];
  x?: Maybe<Scalars['Int']['output']>;
  /** Position (row, column) of that maximum in the layer's spatial grid; null for dense units. */
  y?: Maybe<Scalars['Int']['output']>;
};

export type Unit = {
  __typename?: 'Unit';
  /**
   * The unit's best match in every other network of the experiment at the same layer name, from the stored
   * alignments of `method`. One entry per other network that has such an alignment.
   */
  bestMatches: Array<UnitBestMatch>;
  dead: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  index: Scalars['Int']['output'];
  layer: Layer;
  mean: Scalars['Float']['output'];
  network: Network;
  std: Scalars['Float']['output'];
  /** Top probe images by the unit's spatial maximum (up to 9), best first. */
  topImages: Array<TopImage>;
  /** All top images as one PNG sprite (a row of tiles), for a single <img>. */
  topImagesSpriteUrl: Scalars['String']['output'];
};


export type UnitBestMatchesArgs = {
  method?: AlignmentMethod;
};

export type UnitBestMatch = {
  __typename?: 'UnitBestMatch';
  alignment: Alignment;
  /** Correlation of the pair (null for MI). */
  correlation?: Maybe<Scalars['Float']['output']>;
  /** Mutual information of the pair in bits (MI alignments). */
  mutualInformation?: Maybe<Scalars['Float']['output']>;
  network: Network;
  /**
   * Sparse-prediction weights from the other network's units onto this unit, when a SPARSE alignment exists
   * (predicting this network from the other), largest |weight| first. `penalty` picks a point of the path (default:
   * the middle penalty of the path).
   */
  sparseWeights: Array<SparseWeight>;
  /** The matched unit in `network`, null when the unit is unmatched (rectangular matching). */
  unit?: Maybe<Unit>;
};


export type UnitBestMatchSparseWeightsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  penalty?: InputMaybe<Scalars['Float']['input']>;
};

export type UnitConnection = {
  __typename?: 'UnitConnection';
  edges: Array<UnitEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UnitEdge = {
  __typename?: 'UnitEdge';
  cursor: Scalars['String']['output'];
  node: Unit;
};

export type UnitMatch = {
  __typename?: 'UnitMatch';
  correlation?: Maybe<Scalars['Float']['output']>;
  mutualInformation?: Maybe<Scalars['Float']['output']>;
  /** Matched score (correlation, or MI in bits for MI alignments). */
  score: Scalars['Float']['output'];
  unitA: Unit;
  /** Null when unit A is unmatched. */
  unitB?: Maybe<Unit>;
};

export type UnitMatchConnection = {
  __typename?: 'UnitMatchConnection';
  edges: Array<UnitMatchEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UnitMatchEdge = {
  __typename?: 'UnitMatchEdge';
  cursor: Scalars['String']['output'];
  node: UnitMatch;
};

export type UnitOrder =
  | 'INDEX'
  | 'MEAN_DESC'
  | 'STD_DESC';

export type Verdict =
  | 'ABOVE_CHANCE'
  | 'AT_OR_BELOW_CHANCE'
  | 'INCONCLUSIVE';

export type Viewer = {
  __typename?: 'Viewer';
  /** TOKEN (a team token, scripts) or SESSION (a dashboard sign-in). */
  credentialKind: CredentialKind;
  /** Role of the token or session used for this request. */
  role: TeamRole;
  team: Team;
  /** Name of the token or session used for this request. */
  tokenName: Scalars['String']['output'];
};

export type ComparePickerQueryVariables = Exact<{ [key: string]: never; }>;


export type ComparePickerQuery = { __typename?: 'Query', experiments: { __typename?: 'ExperimentConnection', edges: Array<{ __typename?: 'ExperimentEdge', node: { __typename?: 'Experiment', id: string, name: string, dataset: string, architectures: Array<{ __typename?: 'ArchitectureGroup', architecture: string, networks: Array<{ __typename?: 'Network', id: string, name: string, seed: number }> }> } }> } };

export type CompareQueryVariables = Exact<{
  kind: CompareKind;
  reference: Scalars['ID']['input'];
  others: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type CompareQuery = { __typename?: 'Query', compare: { __typename?: 'Comparison', kind: CompareKind, method: AlignmentMethod, reference: { __typename?: 'CompareSubject', id: string, name: string, accuracy?: number | null, network?: { __typename?: 'Network', id: string, experiment: { __typename?: 'Experiment', id: string, name: string, status: ExperimentStatus } } | null }, entries: Array<{ __typename?: 'ComparisonEntry', accuracyDelta?: number | null, subject: { __typename?: 'CompareSubject', id: string, name: string, accuracy?: number | null, network?: { __typename?: 'Network', id: string, layers: Array<{ __typename?: 'Layer', name: string }>, experiment: { __typename?: 'Experiment', id: string, name: string, status: ExperimentStatus } } | null }, crossAlignment?: { __typename?: 'CrossAlignment', alignable: boolean, reasons: Array<string>, layers: Array<string>, job?: { __typename?: 'Job', id: string, status: JobStatus, phase?: string | null, fraction: number, error?: string | null } | null } | null, configDiff: Array<{ __typename?: 'ConfigDifference', path: string, reference?: unknown | null, value?: unknown | null }>, layers: Array<{ __typename?: 'LayerComparison', layer: string, value?: number | null, referenceValue?: number | null, delta?: number | null, differenceUrl?: string | null, alignment?: { __typename?: 'Alignment', id: string } | null }> }> } };

export type AlignNetworksMutationVariables = Exact<{
  a: Scalars['ID']['input'];
  b: Scalars['ID']['input'];
}>;


export type AlignNetworksMutation = { __typename?: 'Mutation', alignNetworks: { __typename?: 'AlignNetworksPayload', layers: Array<string>, job: { __typename?: 'Job', id: string, status: JobStatus, phase?: string | null, fraction: number, error?: string | null } } };

export type ConsensusFamilySummaryFragment = { __typename?: 'ConsensusFamily', liveUnits: number, count: number, fraction: number, meanFound: number, found: Array<number>, reference: { __typename?: 'Network', id: string, name: string }, networks: Array<{ __typename?: 'Network', id: string }> };

export type CheckStatisticFieldsFragment = { __typename?: 'CheckStatistic', figure: string, n: number, mean: number, intervalReason?: string | null, chance?: number | null, pValue?: number | null, test?: string | null, verdict: Verdict, verdictReason: string, interval?: { __typename?: 'CheckInterval', low: number, high: number, level: number, method: string } | null };

export type StitchStatsFieldsFragment = { __typename?: 'ConvergenceStats', pairCount: number, mean?: number | null, std?: number | null, min?: number | null, max?: number | null };

export type StitchPairFieldsFragment = { __typename?: 'StitchPair', layer: string, kind: string, ownAccuracy?: number | null, networkA: { __typename?: 'Network', id: string, name: string, architecture: string, untrained: boolean }, networkB: { __typename?: 'Network', id: string, name: string }, maps: Array<{ __typename?: 'StitchMap', kind: StitchMapKind, accuracy?: number | null, penalty?: number | null, nonzero?: number | null }> };

export type ExperimentConsensusStitchingQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExperimentConsensusStitchingQuery = { __typename?: 'Query', experiment: { __typename?: 'Experiment', id: string, spec: unknown, consensus: Array<{ __typename?: 'LayerConsensus', layer: string, matching: string, fraction: number, chanceFraction?: number | null, statistic: { __typename?: 'CheckStatistic', figure: string, n: number, mean: number, intervalReason?: string | null, chance?: number | null, pValue?: number | null, test?: string | null, verdict: Verdict, verdictReason: string, interval?: { __typename?: 'CheckInterval', low: number, high: number, level: number, method: string } | null }, trained: { __typename?: 'ConsensusFamily', liveUnits: number, count: number, fraction: number, meanFound: number, found: Array<number>, reference: { __typename?: 'Network', id: string, name: string }, networks: Array<{ __typename?: 'Network', id: string }> }, chance?: { __typename?: 'ConsensusFamily', liveUnits: number, count: number, fraction: number, meanFound: number, found: Array<number>, reference: { __typename?: 'Network', id: string, name: string }, networks: Array<{ __typename?: 'Network', id: string }> } | null }>, stitching: Array<{ __typename?: 'LayerStitching', layer: string, images: number, majorityRate: number, summary: Array<{ __typename?: 'StitchSummary', map: string, between?: { __typename?: 'ConvergenceStats', pairCount: number, mean?: number | null, std?: number | null, min?: number | null, max?: number | null } | null, chance?: { __typename?: 'ConvergenceStats', pairCount: number, mean?: number | null, std?: number | null, min?: number | null, max?: number | null } | null, statistic?: { __typename?: 'CheckStatistic', figure: string, n: number, mean: number, intervalReason?: string | null, chance?: number | null, pValue?: number | null, test?: string | null, verdict: Verdict, verdictReason: string, interval?: { __typename?: 'CheckInterval', low: number, high: number, level: number, method: string } | null } | null }> }> } };

export type ConsensusViewQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  layer?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsensusViewQuery = { __typename?: 'Query', experiment: { __typename?: 'Experiment', id: string, name: string, spec: unknown, layerNames: Array<string>, consensus: Array<{ __typename?: 'LayerConsensus', layer: string, matching: string, fraction: number, chanceFraction?: number | null, statistic: { __typename?: 'CheckStatistic', figure: string, n: number, mean: number, intervalReason?: string | null, chance?: number | null, pValue?: number | null, test?: string | null, verdict: Verdict, verdictReason: string, interval?: { __typename?: 'CheckInterval', low: number, high: number, level: number, method: string } | null }, trained: { __typename?: 'ConsensusFamily', liveUnits: number, count: number, fraction: number, meanFound: number, found: Array<number>, units: Array<Array<number>>, reference: { __typename?: 'Network', id: string, name: string }, networks: Array<{ __typename?: 'Network', id: string, name: string, architecture: string, seed: number }> }, chance?: { __typename?: 'ConsensusFamily', liveUnits: number, count: number, fraction: number, meanFound: number, found: Array<number>, reference: { __typename?: 'Network', id: string, name: string }, networks: Array<{ __typename?: 'Network', id: string }> } | null }> } };

export type ConsensusUnitQueryVariables = Exact<{
  network: Scalars['ID']['input'];
  layer: Scalars['String']['input'];
  index: Scalars['Int']['input'];
}>;


export type ConsensusUnitQuery = { __typename?: 'Query', network: { __typename?: 'Network', id: string, layer?: { __typename?: 'Layer', id: string, shape: Array<number>, unit?: { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }> } | null } | null } };

export type PairStitchingQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PairStitchingQuery = { __typename?: 'Query', experiment: { __typename?: 'Experiment', id: string, spec: unknown, status: ExperimentStatus, layerNames: Array<string>, stitching: Array<{ __typename?: 'LayerStitching', layer: string, images: number, majorityRate: number, pairs: Array<{ __typename?: 'StitchPair', layer: string, kind: string, ownAccuracy?: number | null, networkA: { __typename?: 'Network', id: string, name: string, architecture: string, untrained: boolean }, networkB: { __typename?: 'Network', id: string, name: string }, maps: Array<{ __typename?: 'StitchMap', kind: StitchMapKind, accuracy?: number | null, penalty?: number | null, nonzero?: number | null }> }> }> } };

export type ExperimentOverviewQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExperimentOverviewQuery = { __typename?: 'Query', experiment: { __typename?: 'Experiment', id: string, name: string, dataset: string, status: ExperimentStatus, phase?: string | null, error?: string | null, progress?: number | null, createdAt: string, updatedAt: string, networkCount: number, layerNames: Array<string>, spec: unknown, legacyStreams: boolean, probeImageCount: number, architectures: Array<{ __typename?: 'ArchitectureGroup', architecture: string, seeds: Array<number>, networks: Array<{ __typename?: 'Network', id: string, name: string, seed: number, architecture: string, untrained: boolean, backend?: string | null, status: NetworkStatus, finalValAccuracy?: number | null, metrics: Array<{ __typename?: 'EpochMetric', epoch: number, valAccuracy?: number | null, trainAccuracy?: number | null, trainLoss?: number | null }>, stepMetrics: Array<{ __typename?: 'StepMetric', step: number, epoch: number, samples: number, loss: number, accuracy: number }> }> }>, allJobs: { __typename?: 'JobConnection', edges: Array<{ __typename?: 'JobEdge', node: { __typename?: 'Job', id: string, kind: JobKind, status: JobStatus, phase?: string | null, error?: string | null, network?: { __typename?: 'Network', name: string } | null } }> }, jobs: { __typename?: 'JobConnection', edges: Array<{ __typename?: 'JobEdge', node: { __typename?: 'Job', id: string, kind: JobKind, phase?: string | null, fraction: number, etaSeconds?: number | null, network?: { __typename?: 'Network', name: string } | null } }> } } };

export type StatisticFieldsFragment = { __typename?: 'ScopeStatistic', scope: StatisticScope, figure: string, pairs: number, mean: number, ciReason?: string | null, pValue?: number | null, nPermutations?: number | null, atOrBelowChance: boolean, verdict: Verdict, verdictReason: string, ci?: { __typename?: 'ConfidenceInterval', low: number, high: number, level: number, resamples: number } | null, matchedChance?: { __typename?: 'MatchedChance', mean: number, pairs: number, source: string } | null, shuffledNull?: { __typename?: 'ShuffledNull', mean: number, pairs: number, pValue: number } | null };

export type ExperimentMethodConvergenceQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  method: AlignmentMethod;
  includeDead: Scalars['Boolean']['input'];
  variant: ConvergenceVariant;
}>;


export type ExperimentMethodConvergenceQuery = { __typename?: 'Query', experiment: { __typename?: 'Experiment', id: string, convergence: Array<{ __typename?: 'LayerConvergence', layer: string, method: AlignmentMethod, includesDead: boolean, nLive: number, nTotal: number, figure?: string | null, mean?: number | null, ciReason?: string | null, pValue?: number | null, nPermutations?: number | null, atOrBelowChance: boolean, verdict: Verdict, verdictReason: string, all: { __typename?: 'ConvergenceStats', pairCount: number, mean?: number | null, std?: number | null }, sameArchitecture: { __typename?: 'ConvergenceStats', pairCount: number, mean?: number | null }, crossArchitecture: { __typename?: 'ConvergenceStats', pairCount: number, mean?: number | null }, chance?: { __typename?: 'ChanceBaseline', value: number, source: string } | null, ci?: { __typename?: 'ConfidenceInterval', low: number, high: number, level: number, resamples: number } | null, matchedChance?: { __typename?: 'MatchedChance', mean: number, pairs: number, source: string } | null, shuffledNull?: { __typename?: 'ShuffledNull', mean: number, pairs: number, pValue: number } | null, scopes: Array<{ __typename?: 'ScopeStatistic', scope: StatisticScope, figure: string, pairs: number, mean: number, ciReason?: string | null, pValue?: number | null, nPermutations?: number | null, atOrBelowChance: boolean, verdict: Verdict, verdictReason: string, ci?: { __typename?: 'ConfidenceInterval', low: number, high: number, level: number, resamples: number } | null, matchedChance?: { __typename?: 'MatchedChance', mean: number, pairs: number, source: string } | null, shuffledNull?: { __typename?: 'ShuffledNull', mean: number, pairs: number, pValue: number } | null }> }> } };

export type ExperimentListQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExperimentListQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', tokenName: string, credentialKind: CredentialKind, team: { __typename?: 'Team', id: string, name: string } }, experiments: { __typename?: 'ExperimentConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'ExperimentEdge', node: { __typename?: 'Experiment', id: string, name: string, dataset: string, status: ExperimentStatus, phase?: string | null, error?: string | null, networkCount: number, progress?: number | null, createdAt: string } }> }, jobs: { __typename?: 'JobConnection', edges: Array<{ __typename?: 'JobEdge', node: { __typename?: 'Job', id: string, kind: JobKind, phase?: string | null, fraction: number, etaSeconds?: number | null, experiment?: { __typename?: 'Experiment', id: string } | null, network?: { __typename?: 'Network', id: string, name: string } | null } }> } };

export type CreateExperimentMutationVariables = Exact<{
  input: CreateExperimentInput;
}>;


export type CreateExperimentMutation = { __typename?: 'Mutation', createExperiment: { __typename?: 'CreateExperimentPayload', experiment: { __typename?: 'Experiment', id: string, name: string }, jobs: Array<{ __typename?: 'Job', id: string }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', tokenName: string, role: TeamRole, credentialKind: CredentialKind, team: { __typename?: 'Team', id: string, name: string } } };

export type SpecOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SpecOptionsQuery = { __typename?: 'Query', specOptions: { __typename?: 'SpecOptions', datasets: Array<string>, architectures: Array<string>, methods: Array<string>, defaultMethods: Array<string>, optimizers: Array<string> } };

export type ValidateSpecQueryVariables = Exact<{
  name: Scalars['String']['input'];
  spec: Scalars['JSON']['input'];
}>;


export type ValidateSpecQuery = { __typename?: 'Query', validateSpec: { __typename?: 'SpecValidation', ok: boolean, problems: Array<string>, networkCount?: number | null, methods?: Array<string> | null } };

export type ExperimentSpecQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExperimentSpecQuery = { __typename?: 'Query', experiment: { __typename?: 'Experiment', id: string, name: string, spec: unknown } };

export type CancelJobMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelJobMutation = { __typename?: 'Mutation', cancelJob: { __typename?: 'Job', id: string, status: JobStatus } };

export type RetryJobMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RetryJobMutation = { __typename?: 'Mutation', retryJob: { __typename?: 'Job', id: string, status: JobStatus } };

export type DeleteExperimentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteExperimentMutation = { __typename?: 'Mutation', deleteExperiment: { __typename?: 'DeleteExperimentPayload', id: string, deleted: boolean } };

export type ExperimentJobsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExperimentJobsQuery = { __typename?: 'Query', experiment: { __typename?: 'Experiment', id: string, jobs: { __typename?: 'JobConnection', edges: Array<{ __typename?: 'JobEdge', node: { __typename?: 'Job', id: string, status: JobStatus } }> } } };

export type FindingsPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FindingsPageQuery = { __typename?: 'Query', experiment: { __typename?: 'Experiment', id: string, name: string, findings: { __typename?: 'Findings', version: number, layers: Array<string>, trainedNetworks: number, untrainedNetworks: number, reliableR: number, findings: Array<{ __typename?: 'Finding', id: string, title: string, claim: string, statisticName: string, statistic?: number | null, statisticLayer?: string | null, intervalReason?: string | null, pValue?: number | null, test?: string | null, chanceName?: string | null, chance?: number | null, verdict: FindingVerdict, reason: string, rule: string, interval?: { __typename?: 'FindingInterval', low: number, high: number, level: number } | null, rows: Array<{ __typename?: 'FindingRow', layer: string, figure?: string | null, value?: number | null, intervalReason?: string | null, chance?: number | null, pValue?: number | null, n: number, verdict: FindingVerdict, reason: string, interval?: { __typename?: 'FindingInterval', low: number, high: number, level: number } | null }> }> } } };

export type TopImageFieldsFragment = { __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string };

export type MatchUnitFieldsFragment = { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, shape: Array<number> } };

export type MatchRowFieldsFragment = { __typename?: 'UnitMatch', score: number, correlation?: number | null, unitA: { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, shape: Array<number> } }, unitB?: { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, shape: Array<number> } } | null };

export type PairViewQueryVariables = Exact<{
  a: Scalars['ID']['input'];
  b: Scalars['ID']['input'];
  layer: Scalars['String']['input'];
  examples: Scalars['Int']['input'];
}>;


export type PairViewQuery = { __typename?: 'Query', networkA: { __typename?: 'Network', id: string, name: string, architecture: string, seed: number, layer?: { __typename?: 'Layer', id: string, unitCount: number, deadCount: number } | null, experiment: { __typename?: 'Experiment', id: string, name: string, status: ExperimentStatus, error?: string | null, probeImageCount: number, layerNames: Array<string>, architectures: Array<{ __typename?: 'ArchitectureGroup', architecture: string, networks: Array<{ __typename?: 'Network', id: string, name: string, seed: number }> }> } }, networkB: { __typename?: 'Network', id: string, name: string, architecture: string, seed: number, layer?: { __typename?: 'Layer', id: string, unitCount: number, deadCount: number } | null, experiment: { __typename?: 'Experiment', id: string, name: string, dataset: string, probeImageCount: number } }, max?: { __typename?: 'Alignment', id: string, status: AlignmentStatus, betweenUrl?: string | null, withinAUrl?: string | null, withinBUrl?: string | null, matchUrl?: string | null, summary: { __typename?: 'AlignmentSummary', samples?: number | null, unitsA: number, unitsB: number, meanCorr?: number | null }, scoreHistogram: Array<{ __typename?: 'HistogramBin', lower: number, upper: number, count: number }>, best: { __typename?: 'UnitMatchConnection', edges: Array<{ __typename?: 'UnitMatchEdge', node: { __typename?: 'UnitMatch', score: number, correlation?: number | null, unitA: { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, shape: Array<number> } }, unitB?: { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, shape: Array<number> } } | null } }> }, worst: { __typename?: 'UnitMatchConnection', edges: Array<{ __typename?: 'UnitMatchEdge', node: { __typename?: 'UnitMatch', score: number, correlation?: number | null, unitA: { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, shape: Array<number> } }, unitB?: { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, shape: Array<number> } } | null } }> } } | null, semi?: { __typename?: 'Alignment', id: string, status: AlignmentStatus, summary: { __typename?: 'AlignmentSummary', meanCorr?: number | null, oneToOneFraction?: number | null } } | null, sparse?: { __typename?: 'Alignment', id: string, status: AlignmentStatus, summary: { __typename?: 'AlignmentSummary', lossPath: Array<{ __typename?: 'SparsePathPoint', penalty: number, meanLoss: number, meanLossHeldOut?: number | null, meanNonzero: number }>, heldOut?: { __typename?: 'HeldOutSplit', images: number, fitImages: number } | null } } | null, spectral?: { __typename?: 'Alignment', id: string, status: AlignmentStatus, summary: { __typename?: 'AlignmentSummary', mixedClusterFraction?: number | null, clusterMixing?: number | null, shuffledNull?: number | null, nLiveA?: number | null, nLiveB?: number | null, clusters: Array<{ __typename?: 'Cluster', index: number, size: number, countA: number, countB: number, mixed: boolean, unitsA: Array<{ __typename?: 'Unit', id: string, index: number }>, unitsB: Array<{ __typename?: 'Unit', id: string, index: number }> }> } } | null };

export type PairCellQueryVariables = Exact<{
  a: Scalars['ID']['input'];
  b: Scalars['ID']['input'];
  layer: Scalars['String']['input'];
  unitA: Scalars['Int']['input'];
  unitB: Scalars['Int']['input'];
}>;


export type PairCellQuery = { __typename?: 'Query', networkA: { __typename?: 'Network', id: string, layer?: { __typename?: 'Layer', id: string, unit?: { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, shape: Array<number> } } | null } | null }, networkB: { __typename?: 'Network', id: string, layer?: { __typename?: 'Layer', id: string, unit?: { __typename?: 'Unit', id: string, index: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, shape: Array<number> } } | null } | null } };

export type TeamSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamSettingsQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', tokenName: string, role: TeamRole, credentialKind: CredentialKind, team: { __typename?: 'Team', id: string, name: string, importRoots: Array<string> } } };

export type TeamCredentialsQueryVariables = Exact<{
  includeInactive: Scalars['Boolean']['input'];
}>;


export type TeamCredentialsQuery = { __typename?: 'Query', team: { __typename?: 'Team', id: string, credentials: { __typename?: 'CredentialConnection', totalCount: number, edges: Array<{ __typename?: 'CredentialEdge', node: { __typename?: 'Credential', id: string, name: string, kind: CredentialKind, role: TeamRole, prefix: string, createdAt: string, lastUsedAt?: string | null, expiresAt?: string | null, revokedAt?: string | null, current: boolean } }> } } };

export type CredentialFieldsFragment = { __typename?: 'Credential', id: string, name: string, kind: CredentialKind, role: TeamRole, prefix: string, createdAt: string, lastUsedAt?: string | null, expiresAt?: string | null, revokedAt?: string | null, current: boolean };

export type CreateTokenMutationVariables = Exact<{
  input: CreateTokenInput;
}>;


export type CreateTokenMutation = { __typename?: 'Mutation', createToken: { __typename?: 'CreateTokenPayload', token: string, credential: { __typename?: 'Credential', id: string, name: string, kind: CredentialKind, role: TeamRole, prefix: string, createdAt: string, lastUsedAt?: string | null, expiresAt?: string | null, revokedAt?: string | null, current: boolean } } };

export type RevokeCredentialMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeCredentialMutation = { __typename?: 'Mutation', revokeCredential: { __typename?: 'Credential', id: string, name: string, kind: CredentialKind, role: TeamRole, prefix: string, createdAt: string, lastUsedAt?: string | null, expiresAt?: string | null, revokedAt?: string | null, current: boolean } };

export type CreateSignInLinkMutationVariables = Exact<{
  input: CreateSignInLinkInput;
}>;


export type CreateSignInLinkMutation = { __typename?: 'Mutation', createSignInLink: { __typename?: 'SignInLinkPayload', code: string, path: string, expiresAt: string } };

export type UnitPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnitPageQuery = { __typename?: 'Query', unit: { __typename?: 'Unit', id: string, index: number, mean: number, std: number, dead: boolean, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }>, layer: { __typename?: 'Layer', id: string, name: string, kind?: string | null, shape: Array<number>, unitCount: number, deadCount: number }, network: { __typename?: 'Network', id: string, name: string, architecture: string, seed: number, experiment: { __typename?: 'Experiment', id: string, name: string } }, max: Array<{ __typename?: 'UnitBestMatch', correlation?: number | null, network: { __typename?: 'Network', id: string, name: string, architecture: string, seed: number }, unit?: { __typename?: 'Unit', id: string, index: number, topImages: Array<{ __typename?: 'TopImage', rank: number, imageIndex: number, activation: number, y?: number | null, x?: number | null, url: string }> } | null, sparseWeights: Array<{ __typename?: 'SparseWeight', penalty: number, weight: number, unit: { __typename?: 'Unit', id: string, index: number } }> }>, mi: Array<{ __typename?: 'UnitBestMatch', mutualInformation?: number | null, network: { __typename?: 'Network', id: string }, unit?: { __typename?: 'Unit', id: string, index: number } | null }> } };

export type UnitByIndexQueryVariables = Exact<{
  layerId: Scalars['ID']['input'];
  index: Scalars['Int']['input'];
}>;


export type UnitByIndexQuery = { __typename?: 'Query', layer: { __typename?: 'Layer', id: string, unit?: { __typename?: 'Unit', id: string } | null } };

export const ConsensusFamilySummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsensusFamilySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsensusFamily"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"liveUnits"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"meanFound"}},{"kind":"Field","name":{"kind":"Name","value":"found"}}]}}]} as unknown as DocumentNode<ConsensusFamilySummaryFragment, unknown>;
export const CheckStatisticFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckStatisticFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckStatistic"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"method"}}]}},{"kind":"Field","name":{"kind":"Name","value":"intervalReason"}},{"kind":"Field","name":{"kind":"Name","value":"chance"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"verdictReason"}}]}}]} as unknown as DocumentNode<CheckStatisticFieldsFragment, unknown>;
export const StitchStatsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StitchStatsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConvergenceStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pairCount"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]} as unknown as DocumentNode<StitchStatsFieldsFragment, unknown>;
export const StitchPairFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StitchPairFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StitchPair"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"ownAccuracy"}},{"kind":"Field","name":{"kind":"Name","value":"networkA"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"untrained"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networkB"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"maps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"accuracy"}},{"kind":"Field","name":{"kind":"Name","value":"penalty"}},{"kind":"Field","name":{"kind":"Name","value":"nonzero"}}]}}]}}]} as unknown as DocumentNode<StitchPairFieldsFragment, unknown>;
export const StatisticFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScopeStatistic"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"ci"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"resamples"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ciReason"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"nPermutations"}},{"kind":"Field","name":{"kind":"Name","value":"matchedChance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shuffledNull"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"atOrBelowChance"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"verdictReason"}}]}}]} as unknown as DocumentNode<StatisticFieldsFragment, unknown>;
export const TopImageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TopImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TopImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"imageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"activation"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<TopImageFieldsFragment, unknown>;
export const MatchUnitFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchUnitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"topImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TopImageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TopImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TopImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"imageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"activation"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<MatchUnitFieldsFragment, unknown>;
export const MatchRowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnitMatch"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"correlation"}},{"kind":"Field","name":{"kind":"Name","value":"unitA"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchUnitFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitB"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchUnitFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TopImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TopImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"imageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"activation"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchUnitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"topImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TopImageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}}]}}]} as unknown as DocumentNode<MatchRowFieldsFragment, unknown>;
export const CredentialFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]} as unknown as DocumentNode<CredentialFieldsFragment, unknown>;
export const ComparePickerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComparePicker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"architectures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ComparePickerQuery, ComparePickerQueryVariables>;
export const CompareDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Compare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompareKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reference"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"others"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"reference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reference"}}},{"kind":"Argument","name":{"kind":"Name","value":"others"},"value":{"kind":"Variable","name":{"kind":"Name","value":"others"}}},{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"EnumValue","value":"HUNGARIAN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"reference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accuracy"}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accuracy"}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"layers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accuracyDelta"}},{"kind":"Field","name":{"kind":"Name","value":"crossAlignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alignable"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"layers"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"configDiff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"layers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"referenceValue"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"differenceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"alignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompareQuery, CompareQueryVariables>;
export const AlignNetworksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AlignNetworks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alignNetworks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"a"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"b"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layers"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<AlignNetworksMutation, AlignNetworksMutationVariables>;
export const ExperimentConsensusStitchingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExperimentConsensusStitching"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"consensus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"matching"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"chanceFraction"}},{"kind":"Field","name":{"kind":"Name","value":"statistic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckStatisticFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trained"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsensusFamilySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsensusFamilySummary"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stitching"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"images"}},{"kind":"Field","name":{"kind":"Name","value":"majorityRate"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"map"}},{"kind":"Field","name":{"kind":"Name","value":"between"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StitchStatsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StitchStatsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statistic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckStatisticFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckStatisticFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckStatistic"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"method"}}]}},{"kind":"Field","name":{"kind":"Name","value":"intervalReason"}},{"kind":"Field","name":{"kind":"Name","value":"chance"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"verdictReason"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsensusFamilySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsensusFamily"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"liveUnits"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"meanFound"}},{"kind":"Field","name":{"kind":"Name","value":"found"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StitchStatsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConvergenceStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pairCount"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]} as unknown as DocumentNode<ExperimentConsensusStitchingQuery, ExperimentConsensusStitchingQueryVariables>;
export const ConsensusViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsensusView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"layer"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"layerNames"}},{"kind":"Field","name":{"kind":"Name","value":"consensus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"layer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"matching"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"chanceFraction"}},{"kind":"Field","name":{"kind":"Name","value":"statistic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckStatisticFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trained"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"liveUnits"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"meanFound"}},{"kind":"Field","name":{"kind":"Name","value":"found"}},{"kind":"Field","name":{"kind":"Name","value":"units"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsensusFamilySummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckStatisticFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckStatistic"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"method"}}]}},{"kind":"Field","name":{"kind":"Name","value":"intervalReason"}},{"kind":"Field","name":{"kind":"Name","value":"chance"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"verdictReason"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsensusFamilySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConsensusFamily"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"liveUnits"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"meanFound"}},{"kind":"Field","name":{"kind":"Name","value":"found"}}]}}]} as unknown as DocumentNode<ConsensusViewQuery, ConsensusViewQueryVariables>;
export const ConsensusUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsensusUnit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"network"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"layer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"index"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"network"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"index"},"value":{"kind":"Variable","name":{"kind":"Name","value":"index"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"topImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TopImageFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TopImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TopImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"imageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"activation"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<ConsensusUnitQuery, ConsensusUnitQueryVariables>;
export const PairStitchingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PairStitching"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"layerNames"}},{"kind":"Field","name":{"kind":"Name","value":"stitching"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"images"}},{"kind":"Field","name":{"kind":"Name","value":"majorityRate"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StitchPairFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StitchPairFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StitchPair"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"ownAccuracy"}},{"kind":"Field","name":{"kind":"Name","value":"networkA"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"untrained"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networkB"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"maps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"accuracy"}},{"kind":"Field","name":{"kind":"Name","value":"penalty"}},{"kind":"Field","name":{"kind":"Name","value":"nonzero"}}]}}]}}]} as unknown as DocumentNode<PairStitchingQuery, PairStitchingQueryVariables>;
export const ExperimentOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExperimentOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"networkCount"}},{"kind":"Field","name":{"kind":"Name","value":"layerNames"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"legacyStreams"}},{"kind":"Field","name":{"kind":"Name","value":"probeImageCount"}},{"kind":"Field","name":{"kind":"Name","value":"architectures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"seeds"}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"untrained"}},{"kind":"Field","name":{"kind":"Name","value":"backend"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"finalValAccuracy"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"valAccuracy"}},{"kind":"Field","name":{"kind":"Name","value":"trainAccuracy"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stepMetrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"loss"}},{"kind":"Field","name":{"kind":"Name","value":"accuracy"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"allJobs"},"name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RUNNING"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExperimentOverviewQuery, ExperimentOverviewQueryVariables>;
export const ExperimentMethodConvergenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExperimentMethodConvergence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"method"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AlignmentMethod"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeDead"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"variant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConvergenceVariant"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"convergence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"Variable","name":{"kind":"Name","value":"method"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeDead"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeDead"}}},{"kind":"Argument","name":{"kind":"Name","value":"variant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"variant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"includesDead"}},{"kind":"Field","name":{"kind":"Name","value":"nLive"}},{"kind":"Field","name":{"kind":"Name","value":"nTotal"}},{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pairCount"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sameArchitecture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pairCount"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crossArchitecture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pairCount"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"ci"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"resamples"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ciReason"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"nPermutations"}},{"kind":"Field","name":{"kind":"Name","value":"matchedChance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shuffledNull"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"atOrBelowChance"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"verdictReason"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScopeStatistic"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"ci"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"resamples"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ciReason"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"nPermutations"}},{"kind":"Field","name":{"kind":"Name","value":"matchedChance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shuffledNull"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"atOrBelowChance"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"verdictReason"}}]}}]} as unknown as DocumentNode<ExperimentMethodConvergenceQuery, ExperimentMethodConvergenceQueryVariables>;
export const ExperimentListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExperimentList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenName"}},{"kind":"Field","name":{"kind":"Name","value":"credentialKind"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"experiments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"networkCount"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RUNNING"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExperimentListQuery, ExperimentListQueryVariables>;
export const CreateExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateExperimentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CreateExperimentMutation, CreateExperimentMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"credentialKind"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const SpecOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SpecOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasets"}},{"kind":"Field","name":{"kind":"Name","value":"architectures"}},{"kind":"Field","name":{"kind":"Name","value":"methods"}},{"kind":"Field","name":{"kind":"Name","value":"defaultMethods"}},{"kind":"Field","name":{"kind":"Name","value":"optimizers"}}]}}]}}]} as unknown as DocumentNode<SpecOptionsQuery, SpecOptionsQueryVariables>;
export const ValidateSpecDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ValidateSpec"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spec"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateSpec"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"spec"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spec"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"problems"}},{"kind":"Field","name":{"kind":"Name","value":"networkCount"}},{"kind":"Field","name":{"kind":"Name","value":"methods"}}]}}]}}]} as unknown as DocumentNode<ValidateSpecQuery, ValidateSpecQueryVariables>;
export const ExperimentSpecDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExperimentSpec"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}}]}}]}}]} as unknown as DocumentNode<ExperimentSpecQuery, ExperimentSpecQueryVariables>;
export const CancelJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelJobMutation, CancelJobMutationVariables>;
export const RetryJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RetryJobMutation, RetryJobMutationVariables>;
export const DeleteExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<DeleteExperimentMutation, DeleteExperimentMutationVariables>;
export const ExperimentJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExperimentJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExperimentJobsQuery, ExperimentJobsQueryVariables>;
export const FindingsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindingsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"layers"}},{"kind":"Field","name":{"kind":"Name","value":"trainedNetworks"}},{"kind":"Field","name":{"kind":"Name","value":"untrainedNetworks"}},{"kind":"Field","name":{"kind":"Name","value":"reliableR"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"claim"}},{"kind":"Field","name":{"kind":"Name","value":"statisticName"}},{"kind":"Field","name":{"kind":"Name","value":"statistic"}},{"kind":"Field","name":{"kind":"Name","value":"statisticLayer"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"intervalReason"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"chanceName"}},{"kind":"Field","name":{"kind":"Name","value":"chance"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"intervalReason"}},{"kind":"Field","name":{"kind":"Name","value":"chance"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FindingsPageQuery, FindingsPageQueryVariables>;
export const PairViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PairView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"layer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"examples"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"networkA"},"name":{"kind":"Name","value":"network"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitCount"}},{"kind":"Field","name":{"kind":"Name","value":"deadCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"probeImageCount"}},{"kind":"Field","name":{"kind":"Name","value":"layerNames"}},{"kind":"Field","name":{"kind":"Name","value":"architectures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"networkB"},"name":{"kind":"Name","value":"network"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitCount"}},{"kind":"Field","name":{"kind":"Name","value":"deadCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"probeImageCount"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"max"},"name":{"kind":"Name","value":"alignment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"networkA"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"networkB"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}},{"kind":"Argument","name":{"kind":"Name","value":"layer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}},{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"EnumValue","value":"HUNGARIAN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"unitsA"}},{"kind":"Field","name":{"kind":"Name","value":"unitsB"}},{"kind":"Field","name":{"kind":"Name","value":"meanCorr"}}]}},{"kind":"Field","name":{"kind":"Name","value":"betweenUrl"}},{"kind":"Field","name":{"kind":"Name","value":"withinAUrl"}},{"kind":"Field","name":{"kind":"Name","value":"withinBUrl"}},{"kind":"Field","name":{"kind":"Name","value":"matchUrl"}},{"kind":"Field","name":{"kind":"Name","value":"scoreHistogram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"bins"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"best"},"name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"examples"}}},{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"EnumValue","value":"SCORE_DESC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchRowFields"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"worst"},"name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"examples"}}},{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"EnumValue","value":"SCORE_ASC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchRowFields"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"semi"},"name":{"kind":"Name","value":"alignment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"networkA"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"networkB"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}},{"kind":"Argument","name":{"kind":"Name","value":"layer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}},{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"EnumValue","value":"SEMI"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meanCorr"}},{"kind":"Field","name":{"kind":"Name","value":"oneToOneFraction"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"sparse"},"name":{"kind":"Name","value":"alignment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"networkA"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"networkB"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}},{"kind":"Argument","name":{"kind":"Name","value":"layer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}},{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"EnumValue","value":"SPARSE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lossPath"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"penalty"}},{"kind":"Field","name":{"kind":"Name","value":"meanLoss"}},{"kind":"Field","name":{"kind":"Name","value":"meanLossHeldOut"}},{"kind":"Field","name":{"kind":"Name","value":"meanNonzero"}}]}},{"kind":"Field","name":{"kind":"Name","value":"heldOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"images"}},{"kind":"Field","name":{"kind":"Name","value":"fitImages"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"spectral"},"name":{"kind":"Name","value":"alignment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"networkA"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"networkB"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}},{"kind":"Argument","name":{"kind":"Name","value":"layer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}},{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"EnumValue","value":"SPECTRAL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mixedClusterFraction"}},{"kind":"Field","name":{"kind":"Name","value":"clusterMixing"}},{"kind":"Field","name":{"kind":"Name","value":"shuffledNull"}},{"kind":"Field","name":{"kind":"Name","value":"nLiveA"}},{"kind":"Field","name":{"kind":"Name","value":"nLiveB"}},{"kind":"Field","name":{"kind":"Name","value":"clusters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"countA"}},{"kind":"Field","name":{"kind":"Name","value":"countB"}},{"kind":"Field","name":{"kind":"Name","value":"mixed"}},{"kind":"Field","name":{"kind":"Name","value":"unitsA"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitsB"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TopImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TopImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"imageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"activation"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchUnitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"topImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TopImageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnitMatch"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"correlation"}},{"kind":"Field","name":{"kind":"Name","value":"unitA"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchUnitFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitB"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchUnitFields"}}]}}]}}]} as unknown as DocumentNode<PairViewQuery, PairViewQueryVariables>;
export const PairCellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PairCell"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"layer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitA"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitB"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"networkA"},"name":{"kind":"Name","value":"network"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"index"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitA"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchUnitFields"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"networkB"},"name":{"kind":"Name","value":"network"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"index"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitB"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchUnitFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TopImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TopImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"imageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"activation"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchUnitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"topImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TopImageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}}]}}]} as unknown as DocumentNode<PairCellQuery, PairCellQueryVariables>;
export const TeamSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"credentialKind"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"importRoots"}}]}}]}}]}}]} as unknown as DocumentNode<TeamSettingsQuery, TeamSettingsQueryVariables>;
export const TeamCredentialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamCredentials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"credentials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CredentialFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]} as unknown as DocumentNode<TeamCredentialsQuery, TeamCredentialsQueryVariables>;
export const CreateTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"credential"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CredentialFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]} as unknown as DocumentNode<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CredentialFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]} as unknown as DocumentNode<RevokeCredentialMutation, RevokeCredentialMutationVariables>;
export const CreateSignInLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSignInLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSignInLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSignInLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<CreateSignInLinkMutation, CreateSignInLinkMutationVariables>;
export const UnitPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"topImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TopImageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"layer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}},{"kind":"Field","name":{"kind":"Name","value":"unitCount"}},{"kind":"Field","name":{"kind":"Name","value":"deadCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"max"},"name":{"kind":"Name","value":"bestMatches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"EnumValue","value":"HUNGARIAN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"topImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TopImageFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"correlation"}},{"kind":"Field","name":{"kind":"Name","value":"sparseWeights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"penalty"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"mi"},"name":{"kind":"Name","value":"bestMatches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"EnumValue","value":"MI"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mutualInformation"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TopImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TopImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"imageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"activation"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<UnitPageQuery, UnitPageQueryVariables>;
export const UnitByIndexDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitByIndex"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"layerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"index"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"layerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"index"},"value":{"kind":"Variable","name":{"kind":"Name","value":"index"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UnitByIndexQuery, UnitByIndexQueryVariables>;