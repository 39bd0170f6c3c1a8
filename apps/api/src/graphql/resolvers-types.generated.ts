import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TeamRow as TeamRowModel, ExperimentRow as ExperimentRowModel, NetworkRow as NetworkRowModel, LayerRow as LayerRowModel, UnitRow as UnitRowModel, AlignmentRow as AlignmentRowModel, JobRow as JobRowModel, UnitMatchRow as UnitMatchRowModel, ClusterRow as ClusterRowModel, TopImageRow as TopImageRowModel, UnitBestMatchRow as UnitBestMatchRowModel, SparseWeightRow as SparseWeightRowModel, ViewerRow as ViewerRowModel, CredentialRow as CredentialRowModel, CompareSubjectRow as CompareSubjectRowModel, LayerComparisonRow as LayerComparisonRowModel, AlignmentSummaryRow as AlignmentSummaryRowModel, ArchitectureGroupRow as ArchitectureGroupRowModel, LayerConsensusRow as LayerConsensusRowModel, ConsensusFamilyRow as ConsensusFamilyRowModel, LayerStitchingRow as LayerStitchingRowModel, StitchPairRow as StitchPairRowModel } from './models.ts';
import type { ApiContext } from './context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO-8601 timestamp (UTC). */
  DateTime: { input: Date | string; output: Date | string; }
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



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = {}, TContext = {}, TArgs = {}> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = {}, TContext = {}, TArgs = {}> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = {}, TContext = {}> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = {}, TContext = {}> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = {}, TParent = {}, TContext = {}, TArgs = {}> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ActivationLayout: ActivationLayout;
  AlignNetworksInput: AlignNetworksInput;
  AlignNetworksPayload: ResolverTypeWrapper<Omit<AlignNetworksPayload, 'job'> & { job: ResolversTypes['Job'] }>;
  Alignment: ResolverTypeWrapper<AlignmentRowModel>;
  AlignmentMethod: AlignmentMethod;
  AlignmentStatus: AlignmentStatus;
  AlignmentSummary: ResolverTypeWrapper<AlignmentSummaryRowModel>;
  ArchitectureGroup: ResolverTypeWrapper<ArchitectureGroupRowModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChanceBaseline: ResolverTypeWrapper<ChanceBaseline>;
  CheckInterval: ResolverTypeWrapper<CheckInterval>;
  CheckStatistic: ResolverTypeWrapper<CheckStatistic>;
  Cluster: ResolverTypeWrapper<ClusterRowModel>;
  CompareKind: CompareKind;
  CompareSubject: ResolverTypeWrapper<CompareSubjectRowModel>;
  Comparison: ResolverTypeWrapper<Omit<Comparison, 'entries' | 'reference'> & { entries: Array<ResolversTypes['ComparisonEntry']>, reference: ResolversTypes['CompareSubject'] }>;
  ComparisonEntry: ResolverTypeWrapper<Omit<ComparisonEntry, 'crossAlignment' | 'layers' | 'subject'> & { crossAlignment?: Maybe<ResolversTypes['CrossAlignment']>, layers: Array<ResolversTypes['LayerComparison']>, subject: ResolversTypes['CompareSubject'] }>;
  ConfidenceInterval: ResolverTypeWrapper<ConfidenceInterval>;
  ConfigDifference: ResolverTypeWrapper<ConfigDifference>;
  ConsensusFamily: ResolverTypeWrapper<ConsensusFamilyRowModel>;
  ConvergenceStats: ResolverTypeWrapper<ConvergenceStats>;
  ConvergenceVariant: ConvergenceVariant;
  CreateExperimentInput: CreateExperimentInput;
  CreateExperimentPayload: ResolverTypeWrapper<Omit<CreateExperimentPayload, 'experiment' | 'jobs'> & { experiment: ResolversTypes['Experiment'], jobs: Array<ResolversTypes['Job']> }>;
  CreateSignInLinkInput: CreateSignInLinkInput;
  CreateTokenInput: CreateTokenInput;
  CreateTokenPayload: ResolverTypeWrapper<Omit<CreateTokenPayload, 'credential'> & { credential: ResolversTypes['Credential'] }>;
  Credential: ResolverTypeWrapper<CredentialRowModel>;
  CredentialConnection: ResolverTypeWrapper<Omit<CredentialConnection, 'edges'> & { edges: Array<ResolversTypes['CredentialEdge']> }>;
  CredentialEdge: ResolverTypeWrapper<Omit<CredentialEdge, 'node'> & { node: ResolversTypes['Credential'] }>;
  CredentialKind: CredentialKind;
  CrossAlignment: ResolverTypeWrapper<Omit<CrossAlignment, 'job'> & { job?: Maybe<ResolversTypes['Job']> }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteExperimentPayload: ResolverTypeWrapper<DeleteExperimentPayload>;
  EpochMetric: ResolverTypeWrapper<EpochMetric>;
  Experiment: ResolverTypeWrapper<ExperimentRowModel>;
  ExperimentConnection: ResolverTypeWrapper<Omit<ExperimentConnection, 'edges'> & { edges: Array<ResolversTypes['ExperimentEdge']> }>;
  ExperimentEdge: ResolverTypeWrapper<Omit<ExperimentEdge, 'node'> & { node: ResolversTypes['Experiment'] }>;
  ExperimentStatus: ExperimentStatus;
  Finding: ResolverTypeWrapper<Finding>;
  FindingInterval: ResolverTypeWrapper<FindingInterval>;
  FindingRow: ResolverTypeWrapper<FindingRow>;
  FindingVerdict: FindingVerdict;
  Findings: ResolverTypeWrapper<Findings>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  HeldOutSplit: ResolverTypeWrapper<HeldOutSplit>;
  HistogramBin: ResolverTypeWrapper<HistogramBin>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImportActivationsInput: ImportActivationsInput;
  ImportLayerInput: ImportLayerInput;
  ImportNetworkInput: ImportNetworkInput;
  ImportPayload: ResolverTypeWrapper<Omit<ImportPayload, 'experiment' | 'job'> & { experiment: ResolversTypes['Experiment'], job?: Maybe<ResolversTypes['Job']> }>;
  ImportResultInput: ImportResultInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Job: ResolverTypeWrapper<JobRowModel>;
  JobConnection: ResolverTypeWrapper<Omit<JobConnection, 'edges'> & { edges: Array<ResolversTypes['JobEdge']> }>;
  JobEdge: ResolverTypeWrapper<Omit<JobEdge, 'node'> & { node: ResolversTypes['Job'] }>;
  JobKind: JobKind;
  JobStatus: JobStatus;
  Layer: ResolverTypeWrapper<LayerRowModel>;
  LayerComparison: ResolverTypeWrapper<LayerComparisonRowModel>;
  LayerConsensus: ResolverTypeWrapper<LayerConsensusRowModel>;
  LayerConvergence: ResolverTypeWrapper<LayerConvergence>;
  LayerStitching: ResolverTypeWrapper<LayerStitchingRowModel>;
  MatchOrder: MatchOrder;
  MatchedChance: ResolverTypeWrapper<MatchedChance>;
  Mutation: ResolverTypeWrapper<{}>;
  Network: ResolverTypeWrapper<NetworkRowModel>;
  NetworkConnection: ResolverTypeWrapper<Omit<NetworkConnection, 'edges'> & { edges: Array<ResolversTypes['NetworkEdge']> }>;
  NetworkEdge: ResolverTypeWrapper<Omit<NetworkEdge, 'node'> & { node: ResolversTypes['Network'] }>;
  NetworkStatus: NetworkStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<{}>;
  ScopeStatistic: ResolverTypeWrapper<ScopeStatistic>;
  ShuffledNull: ResolverTypeWrapper<ShuffledNull>;
  SignInLinkPayload: ResolverTypeWrapper<SignInLinkPayload>;
  SparsePathPoint: ResolverTypeWrapper<SparsePathPoint>;
  SparseWeight: ResolverTypeWrapper<SparseWeightRowModel>;
  SpecOptions: ResolverTypeWrapper<SpecOptions>;
  SpecValidation: ResolverTypeWrapper<SpecValidation>;
  StatisticScope: StatisticScope;
  StepMetric: ResolverTypeWrapper<StepMetric>;
  StitchMap: ResolverTypeWrapper<StitchMap>;
  StitchMapKind: StitchMapKind;
  StitchPair: ResolverTypeWrapper<StitchPairRowModel>;
  StitchSummary: ResolverTypeWrapper<StitchSummary>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Team: ResolverTypeWrapper<TeamRowModel>;
  TeamRole: TeamRole;
  TopImage: ResolverTypeWrapper<TopImageRowModel>;
  Unit: ResolverTypeWrapper<UnitRowModel>;
  UnitBestMatch: ResolverTypeWrapper<UnitBestMatchRowModel>;
  UnitConnection: ResolverTypeWrapper<Omit<UnitConnection, 'edges'> & { edges: Array<ResolversTypes['UnitEdge']> }>;
  UnitEdge: ResolverTypeWrapper<Omit<UnitEdge, 'node'> & { node: ResolversTypes['Unit'] }>;
  UnitMatch: ResolverTypeWrapper<UnitMatchRowModel>;
  UnitMatchConnection: ResolverTypeWrapper<Omit<UnitMatchConnection, 'edges'> & { edges: Array<ResolversTypes['UnitMatchEdge']> }>;
  UnitMatchEdge: ResolverTypeWrapper<Omit<UnitMatchEdge, 'node'> & { node: ResolversTypes['UnitMatch'] }>;
  UnitOrder: UnitOrder;
  Verdict: Verdict;
  Viewer: ResolverTypeWrapper<ViewerRowModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AlignNetworksInput: AlignNetworksInput;
  AlignNetworksPayload: Omit<AlignNetworksPayload, 'job'> & { job: ResolversParentTypes['Job'] };
  Alignment: AlignmentRowModel;
  AlignmentSummary: AlignmentSummaryRowModel;
  ArchitectureGroup: ArchitectureGroupRowModel;
  Boolean: Scalars['Boolean']['output'];
  ChanceBaseline: ChanceBaseline;
  CheckInterval: CheckInterval;
  CheckStatistic: CheckStatistic;
  Cluster: ClusterRowModel;
  CompareSubject: CompareSubjectRowModel;
  Comparison: Omit<Comparison, 'entries' | 'reference'> & { entries: Array<ResolversParentTypes['ComparisonEntry']>, reference: ResolversParentTypes['CompareSubject'] };
  ComparisonEntry: Omit<ComparisonEntry, 'crossAlignment' | 'layers' | 'subject'> & { crossAlignment?: Maybe<ResolversParentTypes['CrossAlignment']>, layers: Array<ResolversParentTypes['LayerComparison']>, subject: ResolversParentTypes['CompareSubject'] };
  ConfidenceInterval: ConfidenceInterval;
  ConfigDifference: ConfigDifference;
  ConsensusFamily: ConsensusFamilyRowModel;
  ConvergenceStats: ConvergenceStats;
  CreateExperimentInput: CreateExperimentInput;
  CreateExperimentPayload: Omit<CreateExperimentPayload, 'experiment' | 'jobs'> & { experiment: ResolversParentTypes['Experiment'], jobs: Array<ResolversParentTypes['Job']> };
  CreateSignInLinkInput: CreateSignInLinkInput;
  CreateTokenInput: CreateTokenInput;
  CreateTokenPayload: Omit<CreateTokenPayload, 'credential'> & { credential: ResolversParentTypes['Credential'] };
  Credential: CredentialRowModel;
  CredentialConnection: Omit<CredentialConnection, 'edges'> & { edges: Array<ResolversParentTypes['CredentialEdge']> };
  CredentialEdge: Omit<CredentialEdge, 'node'> & { node: ResolversParentTypes['Credential'] };
  CrossAlignment: Omit<CrossAlignment, 'job'> & { job?: Maybe<ResolversParentTypes['Job']> };
  DateTime: Scalars['DateTime']['output'];
  DeleteExperimentPayload: DeleteExperimentPayload;
  EpochMetric: EpochMetric;
  Experiment: ExperimentRowModel;
  ExperimentConnection: Omit<ExperimentConnection, 'edges'> & { edges: Array<ResolversParentTypes['ExperimentEdge']> };
  ExperimentEdge: Omit<ExperimentEdge, 'node'> & { node: ResolversParentTypes['Experiment'] };
  Finding: Finding;
  FindingInterval: FindingInterval;
  FindingRow: FindingRow;
  Findings: Findings;
  Float: Scalars['Float']['output'];
  HeldOutSplit: HeldOutSplit;
  HistogramBin: HistogramBin;
  ID: Scalars['ID']['output'];
  ImportActivationsInput: ImportActivationsInput;
  ImportLayerInput: ImportLayerInput;
  ImportNetworkInput: ImportNetworkInput;
  ImportPayload: Omit<ImportPayload, 'experiment' | 'job'> & { experiment: ResolversParentTypes['Experiment'], job?: Maybe<ResolversParentTypes['Job']> };
  ImportResultInput: ImportResultInput;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Job: JobRowModel;
  JobConnection: Omit<JobConnection, 'edges'> & { edges: Array<ResolversParentTypes['JobEdge']> };
  JobEdge: Omit<JobEdge, 'node'> & { node: ResolversParentTypes['Job'] };
  Layer: LayerRowModel;
  LayerComparison: LayerComparisonRowModel;
  LayerConsensus: LayerConsensusRowModel;
  LayerConvergence: LayerConvergence;
  LayerStitching: LayerStitchingRowModel;
  MatchedChance: MatchedChance;
  Mutation: {};
  Network: NetworkRowModel;
  NetworkConnection: Omit<NetworkConnection, 'edges'> & { edges: Array<ResolversParentTypes['NetworkEdge']> };
  NetworkEdge: Omit<NetworkEdge, 'node'> & { node: ResolversParentTypes['Network'] };
  PageInfo: PageInfo;
  Query: {};
  ScopeStatistic: ScopeStatistic;
  ShuffledNull: ShuffledNull;
  SignInLinkPayload: SignInLinkPayload;
  SparsePathPoint: SparsePathPoint;
  SparseWeight: SparseWeightRowModel;
  SpecOptions: SpecOptions;
  SpecValidation: SpecValidation;
  StepMetric: StepMetric;
  StitchMap: StitchMap;
  StitchPair: StitchPairRowModel;
  StitchSummary: StitchSummary;
  String: Scalars['String']['output'];
  Team: TeamRowModel;
  TopImage: TopImageRowModel;
  Unit: UnitRowModel;
  UnitBestMatch: UnitBestMatchRowModel;
  UnitConnection: Omit<UnitConnection, 'edges'> & { edges: Array<ResolversParentTypes['UnitEdge']> };
  UnitEdge: Omit<UnitEdge, 'node'> & { node: ResolversParentTypes['Unit'] };
  UnitMatch: UnitMatchRowModel;
  UnitMatchConnection: Omit<UnitMatchConnection, 'edges'> & { edges: Array<ResolversParentTypes['UnitMatchEdge']> };
  UnitMatchEdge: Omit<UnitMatchEdge, 'node'> & { node: ResolversParentTypes['UnitMatch'] };
  Viewer: ViewerRowModel;
};

export type AlignNetworksPayloadResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AlignNetworksPayload'] = ResolversParentTypes['AlignNetworksPayload']> = {
  job?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
  layers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AlignmentResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Alignment'] = ResolversParentTypes['Alignment']> = {
  betweenUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  crossExperiment?: Resolver<Maybe<ResolversTypes['Experiment']>, ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  layerA?: Resolver<ResolversTypes['Layer'], ParentType, ContextType>;
  layerB?: Resolver<ResolversTypes['Layer'], ParentType, ContextType>;
  matchUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  matches?: Resolver<ResolversTypes['UnitMatchConnection'], ParentType, ContextType, RequireFields<AlignmentMatchesArgs, 'first' | 'includeDead' | 'order'>>;
  method?: Resolver<ResolversTypes['AlignmentMethod'], ParentType, ContextType>;
  networkA?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  networkB?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  parameters?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  scoreHistogram?: Resolver<Array<ResolversTypes['HistogramBin']>, ParentType, ContextType, RequireFields<AlignmentScoreHistogramArgs, 'bins' | 'includeDead'>>;
  status?: Resolver<ResolversTypes['AlignmentStatus'], ParentType, ContextType>;
  stitching?: Resolver<Maybe<ResolversTypes['StitchPair']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['AlignmentSummary'], ParentType, ContextType, RequireFields<AlignmentSummaryArgs, 'includeDead'>>;
  withinAUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  withinBUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AlignmentSummaryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AlignmentSummary'] = ResolversParentTypes['AlignmentSummary']> = {
  ckaDebiased?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ckaLinear?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  clusterMixing?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  clusters?: Resolver<Array<ResolversTypes['Cluster']>, ParentType, ContextType>;
  heldOut?: Resolver<Maybe<ResolversTypes['HeldOutSplit']>, ParentType, ContextType>;
  includesDead?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  knnScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lossPath?: Resolver<Array<ResolversTypes['SparsePathPoint']>, ParentType, ContextType>;
  meanCorr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meanMI?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mixedClusterFraction?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  nLiveA?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nLiveB?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  oneToOneFraction?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  procrustesDistance?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pwcca?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  samples?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  shuffledNull?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  svcca?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  unitsA?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitsB?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ArchitectureGroupResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ArchitectureGroup'] = ResolversParentTypes['ArchitectureGroup']> = {
  architecture?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  networks?: Resolver<Array<ResolversTypes['Network']>, ParentType, ContextType>;
  seeds?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ChanceBaselineResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ChanceBaseline'] = ResolversParentTypes['ChanceBaseline']> = {
  architecture?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['AlignmentMethod'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CheckIntervalResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CheckInterval'] = ResolversParentTypes['CheckInterval']> = {
  high?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CheckStatisticResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CheckStatistic'] = ResolversParentTypes['CheckStatistic']> = {
  chance?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  figure?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  interval?: Resolver<Maybe<ResolversTypes['CheckInterval']>, ParentType, ContextType>;
  intervalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  test?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['Verdict'], ParentType, ContextType>;
  verdictReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ClusterResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Cluster'] = ResolversParentTypes['Cluster']> = {
  countA?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  countB?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mixed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitsA?: Resolver<Array<ResolversTypes['Unit']>, ParentType, ContextType>;
  unitsB?: Resolver<Array<ResolversTypes['Unit']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CompareSubjectResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CompareSubject'] = ResolversParentTypes['CompareSubject']> = {
  accuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  experiment?: Resolver<Maybe<ResolversTypes['Experiment']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ComparisonResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Comparison'] = ResolversParentTypes['Comparison']> = {
  entries?: Resolver<Array<ResolversTypes['ComparisonEntry']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CompareKind'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['AlignmentMethod'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['CompareSubject'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ComparisonEntryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ComparisonEntry'] = ResolversParentTypes['ComparisonEntry']> = {
  accuracyDelta?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  configDiff?: Resolver<Array<ResolversTypes['ConfigDifference']>, ParentType, ContextType>;
  crossAlignment?: Resolver<Maybe<ResolversTypes['CrossAlignment']>, ParentType, ContextType>;
  layers?: Resolver<Array<ResolversTypes['LayerComparison']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['CompareSubject'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ConfidenceIntervalResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ConfidenceInterval'] = ResolversParentTypes['ConfidenceInterval']> = {
  high?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  resamples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ConfigDifferenceResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ConfigDifference'] = ResolversParentTypes['ConfigDifference']> = {
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ConsensusFamilyResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ConsensusFamily'] = ResolversParentTypes['ConsensusFamily']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  found?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  fraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  liveUnits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meanFound?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  networks?: Resolver<Array<ResolversTypes['Network']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  units?: Resolver<Array<Array<ResolversTypes['Int']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ConvergenceStatsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ConvergenceStats'] = ResolversParentTypes['ConvergenceStats']> = {
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pairCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  std?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CreateExperimentPayloadResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CreateExperimentPayload'] = ResolversParentTypes['CreateExperimentPayload']> = {
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  jobs?: Resolver<Array<ResolversTypes['Job']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CreateTokenPayloadResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CreateTokenPayload'] = ResolversParentTypes['CreateTokenPayload']> = {
  credential?: Resolver<ResolversTypes['Credential'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CredentialResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Credential'] = ResolversParentTypes['Credential']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CredentialKind'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['TeamRole'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CredentialConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CredentialConnection'] = ResolversParentTypes['CredentialConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CredentialEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CredentialEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CredentialEdge'] = ResolversParentTypes['CredentialEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Credential'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CrossAlignmentResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CrossAlignment'] = ResolversParentTypes['CrossAlignment']> = {
  alignable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  job?: Resolver<Maybe<ResolversTypes['Job']>, ParentType, ContextType>;
  layers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteExperimentPayloadResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['DeleteExperimentPayload'] = ResolversParentTypes['DeleteExperimentPayload']> = {
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EpochMetricResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['EpochMetric'] = ResolversParentTypes['EpochMetric']> = {
  epoch?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  trainAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  trainLoss?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  valAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ExperimentResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Experiment'] = ResolversParentTypes['Experiment']> = {
  architectures?: Resolver<Array<ResolversTypes['ArchitectureGroup']>, ParentType, ContextType>;
  chanceBaselines?: Resolver<Array<ResolversTypes['ChanceBaseline']>, ParentType, ContextType>;
  consensus?: Resolver<Array<ResolversTypes['LayerConsensus']>, ParentType, ContextType, Partial<ExperimentConsensusArgs>>;
  convergence?: Resolver<Array<ResolversTypes['LayerConvergence']>, ParentType, ContextType, RequireFields<ExperimentConvergenceArgs, 'includeDead' | 'method' | 'variant'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['Findings'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jobs?: Resolver<ResolversTypes['JobConnection'], ParentType, ContextType, RequireFields<ExperimentJobsArgs, 'first'>>;
  layerNames?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  legacyStreams?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  networkCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  networks?: Resolver<ResolversTypes['NetworkConnection'], ParentType, ContextType, RequireFields<ExperimentNetworksArgs, 'first' | 'includeUntrained'>>;
  phase?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  probeImageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  probeImageUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  progress?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  spec?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExperimentStatus'], ParentType, ContextType>;
  stitching?: Resolver<Array<ResolversTypes['LayerStitching']>, ParentType, ContextType, Partial<ExperimentStitchingArgs>>;
  streamVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ExperimentConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ExperimentConnection'] = ResolversParentTypes['ExperimentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ExperimentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ExperimentEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ExperimentEdge'] = ResolversParentTypes['ExperimentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type FindingResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Finding'] = ResolversParentTypes['Finding']> = {
  chance?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  chanceName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  claim?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  interval?: Resolver<Maybe<ResolversTypes['FindingInterval']>, ParentType, ContextType>;
  intervalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['FindingRow']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statistic?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  statisticLayer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  statisticName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  test?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['FindingVerdict'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type FindingIntervalResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FindingInterval'] = ResolversParentTypes['FindingInterval']> = {
  high?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type FindingRowResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FindingRow'] = ResolversParentTypes['FindingRow']> = {
  chance?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  figure?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  interval?: Resolver<Maybe<ResolversTypes['FindingInterval']>, ParentType, ContextType>;
  intervalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['FindingVerdict'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type FindingsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Findings'] = ResolversParentTypes['Findings']> = {
  findings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
  layers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reliableR?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  trainedNetworks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  untrainedNetworks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HeldOutSplitResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['HeldOutSplit'] = ResolversParentTypes['HeldOutSplit']> = {
  fitImages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  images?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HistogramBinResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['HistogramBin'] = ResolversParentTypes['HistogramBin']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lower?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  upper?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ImportPayloadResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ImportPayload'] = ResolversParentTypes['ImportPayload']> = {
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  job?: Resolver<Maybe<ResolversTypes['Job']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JobResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Job'] = ResolversParentTypes['Job']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  etaSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  experiment?: Resolver<Maybe<ResolversTypes['Experiment']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  fraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['JobKind'], ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
  phase?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JobStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type JobConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['JobConnection'] = ResolversParentTypes['JobConnection']> = {
  edges?: Resolver<Array<ResolversTypes['JobEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type JobEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['JobEdge'] = ResolversParentTypes['JobEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LayerResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Layer'] = ResolversParentTypes['Layer']> = {
  deadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nLive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  shape?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['Unit']>, ParentType, ContextType, RequireFields<LayerUnitArgs, 'index'>>;
  unitCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  units?: Resolver<ResolversTypes['UnitConnection'], ParentType, ContextType, RequireFields<LayerUnitsArgs, 'first' | 'order'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LayerComparisonResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['LayerComparison'] = ResolversParentTypes['LayerComparison']> = {
  alignment?: Resolver<Maybe<ResolversTypes['Alignment']>, ParentType, ContextType>;
  delta?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  differenceUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referenceValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LayerConsensusResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['LayerConsensus'] = ResolversParentTypes['LayerConsensus']> = {
  chance?: Resolver<Maybe<ResolversTypes['ConsensusFamily']>, ParentType, ContextType>;
  chanceFraction?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  fraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matching?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statistic?: Resolver<ResolversTypes['CheckStatistic'], ParentType, ContextType>;
  trained?: Resolver<ResolversTypes['ConsensusFamily'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LayerConvergenceResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['LayerConvergence'] = ResolversParentTypes['LayerConvergence']> = {
  all?: Resolver<ResolversTypes['ConvergenceStats'], ParentType, ContextType>;
  atOrBelowChance?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  chance?: Resolver<Maybe<ResolversTypes['ChanceBaseline']>, ParentType, ContextType>;
  ci?: Resolver<Maybe<ResolversTypes['ConfidenceInterval']>, ParentType, ContextType>;
  ciReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  crossArchitecture?: Resolver<ResolversTypes['ConvergenceStats'], ParentType, ContextType>;
  figure?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  includesDead?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matchedChance?: Resolver<Maybe<ResolversTypes['MatchedChance']>, ParentType, ContextType>;
  mean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['AlignmentMethod'], ParentType, ContextType>;
  nLive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nPermutations?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sameArchitecture?: Resolver<ResolversTypes['ConvergenceStats'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ScopeStatistic']>, ParentType, ContextType>;
  shuffledNull?: Resolver<Maybe<ResolversTypes['ShuffledNull']>, ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['Verdict'], ParentType, ContextType>;
  verdictReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LayerStitchingResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['LayerStitching'] = ResolversParentTypes['LayerStitching']> = {
  images?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  majorityRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  pairs?: Resolver<Array<ResolversTypes['StitchPair']>, ParentType, ContextType>;
  summary?: Resolver<Array<ResolversTypes['StitchSummary']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MatchedChanceResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['MatchedChance'] = ResolversParentTypes['MatchedChance']> = {
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  pairs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  alignNetworks?: Resolver<ResolversTypes['AlignNetworksPayload'], ParentType, ContextType, RequireFields<MutationAlignNetworksArgs, 'input'>>;
  cancelJob?: Resolver<ResolversTypes['Job'], ParentType, ContextType, RequireFields<MutationCancelJobArgs, 'id'>>;
  createExperiment?: Resolver<ResolversTypes['CreateExperimentPayload'], ParentType, ContextType, RequireFields<MutationCreateExperimentArgs, 'input'>>;
  createSignInLink?: Resolver<ResolversTypes['SignInLinkPayload'], ParentType, ContextType, RequireFields<MutationCreateSignInLinkArgs, 'input'>>;
  createToken?: Resolver<ResolversTypes['CreateTokenPayload'], ParentType, ContextType, RequireFields<MutationCreateTokenArgs, 'input'>>;
  deleteExperiment?: Resolver<ResolversTypes['DeleteExperimentPayload'], ParentType, ContextType, RequireFields<MutationDeleteExperimentArgs, 'id'>>;
  importActivations?: Resolver<ResolversTypes['ImportPayload'], ParentType, ContextType, RequireFields<MutationImportActivationsArgs, 'input'>>;
  importResult?: Resolver<ResolversTypes['ImportPayload'], ParentType, ContextType, RequireFields<MutationImportResultArgs, 'input'>>;
  retryJob?: Resolver<ResolversTypes['Job'], ParentType, ContextType, RequireFields<MutationRetryJobArgs, 'id'>>;
  revokeCredential?: Resolver<ResolversTypes['Credential'], ParentType, ContextType, RequireFields<MutationRevokeCredentialArgs, 'id'>>;
};

export type NetworkResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Network'] = ResolversParentTypes['Network']> = {
  architecture?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  backend?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  config?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  finalValAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  layer?: Resolver<Maybe<ResolversTypes['Layer']>, ParentType, ContextType, RequireFields<NetworkLayerArgs, 'name'>>;
  layers?: Resolver<Array<ResolversTypes['Layer']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['EpochMetric']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NetworkStatus'], ParentType, ContextType>;
  stepMetrics?: Resolver<Array<ResolversTypes['StepMetric']>, ParentType, ContextType>;
  untrained?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  weightsUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NetworkConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['NetworkConnection'] = ResolversParentTypes['NetworkConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NetworkEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NetworkEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['NetworkEdge'] = ResolversParentTypes['NetworkEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  alignment?: Resolver<Maybe<ResolversTypes['Alignment']>, ParentType, ContextType, RequireFields<QueryAlignmentArgs, 'layer' | 'method' | 'networkA' | 'networkB'>>;
  alignmentById?: Resolver<ResolversTypes['Alignment'], ParentType, ContextType, RequireFields<QueryAlignmentByIdArgs, 'id'>>;
  compare?: Resolver<ResolversTypes['Comparison'], ParentType, ContextType, RequireFields<QueryCompareArgs, 'kind' | 'method' | 'others' | 'reference'>>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType, RequireFields<QueryExperimentArgs, 'id'>>;
  experiments?: Resolver<ResolversTypes['ExperimentConnection'], ParentType, ContextType, RequireFields<QueryExperimentsArgs, 'first'>>;
  job?: Resolver<ResolversTypes['Job'], ParentType, ContextType, RequireFields<QueryJobArgs, 'id'>>;
  jobs?: Resolver<ResolversTypes['JobConnection'], ParentType, ContextType, RequireFields<QueryJobsArgs, 'first'>>;
  layer?: Resolver<ResolversTypes['Layer'], ParentType, ContextType, RequireFields<QueryLayerArgs, 'id'>>;
  layerConvergence?: Resolver<Array<ResolversTypes['LayerConvergence']>, ParentType, ContextType, RequireFields<QueryLayerConvergenceArgs, 'experimentId' | 'includeDead' | 'method' | 'variant'>>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType, RequireFields<QueryNetworkArgs, 'id'>>;
  specOptions?: Resolver<ResolversTypes['SpecOptions'], ParentType, ContextType>;
  team?: Resolver<ResolversTypes['Team'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType, RequireFields<QueryUnitArgs, 'id'>>;
  validateSpec?: Resolver<ResolversTypes['SpecValidation'], ParentType, ContextType, RequireFields<QueryValidateSpecArgs, 'name' | 'spec'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type ScopeStatisticResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ScopeStatistic'] = ResolversParentTypes['ScopeStatistic']> = {
  atOrBelowChance?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ci?: Resolver<Maybe<ResolversTypes['ConfidenceInterval']>, ParentType, ContextType>;
  ciReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  figure?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matchedChance?: Resolver<Maybe<ResolversTypes['MatchedChance']>, ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  nPermutations?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pairs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['StatisticScope'], ParentType, ContextType>;
  shuffledNull?: Resolver<Maybe<ResolversTypes['ShuffledNull']>, ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['Verdict'], ParentType, ContextType>;
  verdictReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ShuffledNullResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ShuffledNull'] = ResolversParentTypes['ShuffledNull']> = {
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  pValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  pairs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SignInLinkPayloadResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SignInLinkPayload'] = ResolversParentTypes['SignInLinkPayload']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SparsePathPointResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SparsePathPoint'] = ResolversParentTypes['SparsePathPoint']> = {
  meanLoss?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  meanLossHeldOut?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meanNonzero?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  penalty?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SparseWeightResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SparseWeight'] = ResolversParentTypes['SparseWeight']> = {
  penalty?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SpecOptionsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SpecOptions'] = ResolversParentTypes['SpecOptions']> = {
  architectures?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  defaultMethods?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  methods?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  optimizers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SpecValidationResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SpecValidation'] = ResolversParentTypes['SpecValidation']> = {
  methods?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  networkCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StepMetricResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['StepMetric'] = ResolversParentTypes['StepMetric']> = {
  accuracy?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  epoch?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  loss?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  samples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StitchMapResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['StitchMap'] = ResolversParentTypes['StitchMap']> = {
  accuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StitchMapKind'], ParentType, ContextType>;
  nonzero?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  penalty?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StitchPairResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['StitchPair'] = ResolversParentTypes['StitchPair']> = {
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maps?: Resolver<Array<ResolversTypes['StitchMap']>, ParentType, ContextType>;
  networkA?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  networkB?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  ownAccuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StitchSummaryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['StitchSummary'] = ResolversParentTypes['StitchSummary']> = {
  between?: Resolver<Maybe<ResolversTypes['ConvergenceStats']>, ParentType, ContextType>;
  chance?: Resolver<Maybe<ResolversTypes['ConvergenceStats']>, ParentType, ContextType>;
  map?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statistic?: Resolver<Maybe<ResolversTypes['CheckStatistic']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TeamResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Team'] = ResolversParentTypes['Team']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  credentials?: Resolver<ResolversTypes['CredentialConnection'], ParentType, ContextType, RequireFields<TeamCredentialsArgs, 'first' | 'includeInactive'>>;
  experiments?: Resolver<ResolversTypes['ExperimentConnection'], ParentType, ContextType, RequireFields<TeamExperimentsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  importRoots?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TopImageResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['TopImage'] = ResolversParentTypes['TopImage']> = {
  activation?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  imageIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  x?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  y?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnitResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Unit'] = ResolversParentTypes['Unit']> = {
  bestMatches?: Resolver<Array<ResolversTypes['UnitBestMatch']>, ParentType, ContextType, RequireFields<UnitBestMatchesArgs, 'method'>>;
  dead?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['Layer'], ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  std?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  topImages?: Resolver<Array<ResolversTypes['TopImage']>, ParentType, ContextType>;
  topImagesSpriteUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnitBestMatchResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnitBestMatch'] = ResolversParentTypes['UnitBestMatch']> = {
  alignment?: Resolver<ResolversTypes['Alignment'], ParentType, ContextType>;
  correlation?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mutualInformation?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  sparseWeights?: Resolver<Array<ResolversTypes['SparseWeight']>, ParentType, ContextType, RequireFields<UnitBestMatchSparseWeightsArgs, 'first'>>;
  unit?: Resolver<Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnitConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnitConnection'] = ResolversParentTypes['UnitConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UnitEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnitEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnitEdge'] = ResolversParentTypes['UnitEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnitMatchResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnitMatch'] = ResolversParentTypes['UnitMatch']> = {
  correlation?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mutualInformation?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unitA?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
  unitB?: Resolver<Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnitMatchConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnitMatchConnection'] = ResolversParentTypes['UnitMatchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UnitMatchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnitMatchEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnitMatchEdge'] = ResolversParentTypes['UnitMatchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UnitMatch'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  credentialKind?: Resolver<ResolversTypes['CredentialKind'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['TeamRole'], ParentType, ContextType>;
  team?: Resolver<ResolversTypes['Team'], ParentType, ContextType>;
  tokenName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = ApiContext> = {
  AlignNetworksPayload?: AlignNetworksPayloadResolvers<ContextType>;
  Alignment?: AlignmentResolvers<ContextType>;
  AlignmentSummary?: AlignmentSummaryResolvers<ContextType>;
  ArchitectureGroup?: ArchitectureGroupResolvers<ContextType>;
  ChanceBaseline?: ChanceBaselineResolvers<ContextType>;
  CheckInterval?: CheckIntervalResolvers<ContextType>;
  CheckStatistic?: CheckStatisticResolvers<ContextType>;
  Cluster?: ClusterResolvers<ContextType>;
  CompareSubject?: CompareSubjectResolvers<ContextType>;
  Comparison?: ComparisonResolvers<ContextType>;
  ComparisonEntry?: ComparisonEntryResolvers<ContextType>;
  ConfidenceInterval?: ConfidenceIntervalResolvers<ContextType>;
  ConfigDifference?: ConfigDifferenceResolvers<ContextType>;
  ConsensusFamily?: ConsensusFamilyResolvers<ContextType>;
  ConvergenceStats?: ConvergenceStatsResolvers<ContextType>;
  CreateExperimentPayload?: CreateExperimentPayloadResolvers<ContextType>;
  CreateTokenPayload?: CreateTokenPayloadResolvers<ContextType>;
  Credential?: CredentialResolvers<ContextType>;
  CredentialConnection?: CredentialConnectionResolvers<ContextType>;
  CredentialEdge?: CredentialEdgeResolvers<ContextType>;
  CrossAlignment?: CrossAlignmentResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeleteExperimentPayload?: DeleteExperimentPayloadResolvers<ContextType>;
  EpochMetric?: EpochMetricResolvers<ContextType>;
  Experiment?: ExperimentResolvers<ContextType>;
  ExperimentConnection?: ExperimentConnectionResolvers<ContextType>;
  ExperimentEdge?: ExperimentEdgeResolvers<ContextType>;
  Finding?: FindingResolvers<ContextType>;
  FindingInterval?: FindingIntervalResolvers<ContextType>;
  FindingRow?: FindingRowResolvers<ContextType>;
  Findings?: FindingsResolvers<ContextType>;
  HeldOutSplit?: HeldOutSplitResolvers<ContextType>;
  HistogramBin?: HistogramBinResolvers<ContextType>;
  ImportPayload?: ImportPayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Job?: JobResolvers<ContextType>;
  JobConnection?: JobConnectionResolvers<ContextType>;
  JobEdge?: JobEdgeResolvers<ContextType>;
  Layer?: LayerResolvers<ContextType>;
  LayerComparison?: LayerComparisonResolvers<ContextType>;
  LayerConsensus?: LayerConsensusResolvers<ContextType>;
  LayerConvergence?: LayerConvergenceResolvers<ContextType>;
  LayerStitching?: LayerStitchingResolvers<ContextType>;
  MatchedChance?: MatchedChanceResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Network?: NetworkResolvers<ContextType>;
  NetworkConnection?: NetworkConnectionResolvers<ContextType>;
  NetworkEdge?: NetworkEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ScopeStatistic?: ScopeStatisticResolvers<ContextType>;
  ShuffledNull?: ShuffledNullResolvers<ContextType>;
  SignInLinkPayload?: SignInLinkPayloadResolvers<ContextType>;
  SparsePathPoint?: SparsePathPointResolvers<ContextType>;
  SparseWeight?: SparseWeightResolvers<ContextType>;
  SpecOptions?: SpecOptionsResolvers<ContextType>;
  SpecValidation?: SpecValidationResolvers<ContextType>;
  StepMetric?: StepMetricResolvers<ContextType>;
  StitchMap?: StitchMapResolvers<ContextType>;
  StitchPair?: StitchPairResolvers<ContextType>;
  StitchSummary?: StitchSummaryResolvers<ContextType>;
  Team?: TeamResolvers<ContextType>;
  TopImage?: TopImageResolvers<ContextType>;
  Unit?: UnitResolvers<ContextType>;
  UnitBestMatch?: UnitBestMatchResolvers<ContextType>;
  UnitConnection?: UnitConnectionResolvers<ContextType>;
  UnitEdge?: UnitEdgeResolvers<ContextType>;
  UnitMatch?: UnitMatchResolvers<ContextType>;
  UnitMatchConnection?: UnitMatchConnectionResolvers<ContextType>;
  UnitMatchEdge?: UnitMatchEdgeResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

