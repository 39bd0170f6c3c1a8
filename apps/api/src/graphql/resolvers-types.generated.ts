import type * as Types from '@convergent/schema';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TeamRow as TeamRowModel, ExperimentRow as ExperimentRowModel, NetworkRow as NetworkRowModel, LayerRow as LayerRowModel, UnitRow as UnitRowModel, AlignmentRow as AlignmentRowModel, JobRow as JobRowModel, UnitMatchRow as UnitMatchRowModel, ClusterRow as ClusterRowModel, TopImageRow as TopImageRowModel, UnitBestMatchRow as UnitBestMatchRowModel, SparseWeightRow as SparseWeightRowModel, ViewerRow as ViewerRowModel, CredentialRow as CredentialRowModel, CompareSubjectRow as CompareSubjectRowModel, LayerComparisonRow as LayerComparisonRowModel, AlignmentSummaryRow as AlignmentSummaryRowModel, ArchitectureGroupRow as ArchitectureGroupRowModel, LayerConsensusRow as LayerConsensusRowModel, ConsensusFamilyRow as ConsensusFamilyRowModel, LayerStitchingRow as LayerStitchingRowModel, StitchPairRow as StitchPairRowModel } from './models.ts';
import type { ApiContext } from './context.ts';
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };


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
) => Types.Maybe<TTypes> | Promise<Types.Maybe<TTypes>>;

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
  ActivationLayout: Types.ActivationLayout;
  AlignNetworksInput: Types.AlignNetworksInput;
  AlignNetworksPayload: ResolverTypeWrapper<Omit<Types.AlignNetworksPayload, 'job'> & { job: ResolversTypes['Job'] }>;
  Alignment: ResolverTypeWrapper<AlignmentRowModel>;
  AlignmentMethod: Types.AlignmentMethod;
  AlignmentStatus: Types.AlignmentStatus;
  AlignmentSummary: ResolverTypeWrapper<AlignmentSummaryRowModel>;
  ArchitectureGroup: ResolverTypeWrapper<ArchitectureGroupRowModel>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  ChanceBaseline: ResolverTypeWrapper<Types.ChanceBaseline>;
  CheckInterval: ResolverTypeWrapper<Types.CheckInterval>;
  CheckStatistic: ResolverTypeWrapper<Types.CheckStatistic>;
  Cluster: ResolverTypeWrapper<ClusterRowModel>;
  CompareKind: Types.CompareKind;
  CompareSubject: ResolverTypeWrapper<CompareSubjectRowModel>;
  Comparison: ResolverTypeWrapper<Omit<Types.Comparison, 'entries' | 'reference'> & { entries: Array<ResolversTypes['ComparisonEntry']>, reference: ResolversTypes['CompareSubject'] }>;
  ComparisonEntry: ResolverTypeWrapper<Omit<Types.ComparisonEntry, 'crossAlignment' | 'layers' | 'subject'> & { crossAlignment?: Types.Maybe<ResolversTypes['CrossAlignment']>, layers: Array<ResolversTypes['LayerComparison']>, subject: ResolversTypes['CompareSubject'] }>;
  ConfidenceInterval: ResolverTypeWrapper<Types.ConfidenceInterval>;
  ConfigDifference: ResolverTypeWrapper<Types.ConfigDifference>;
  ConsensusFamily: ResolverTypeWrapper<ConsensusFamilyRowModel>;
  ConvergenceStats: ResolverTypeWrapper<Types.ConvergenceStats>;
  ConvergenceVariant: Types.ConvergenceVariant;
  CreateExperimentInput: Types.CreateExperimentInput;
  CreateExperimentPayload: ResolverTypeWrapper<Omit<Types.CreateExperimentPayload, 'experiment' | 'jobs'> & { experiment: ResolversTypes['Experiment'], jobs: Array<ResolversTypes['Job']> }>;
  CreateSignInLinkInput: Types.CreateSignInLinkInput;
  CreateTokenInput: Types.CreateTokenInput;
  CreateTokenPayload: ResolverTypeWrapper<Omit<Types.CreateTokenPayload, 'credential'> & { credential: ResolversTypes['Credential'] }>;
  Credential: ResolverTypeWrapper<CredentialRowModel>;
  CredentialConnection: ResolverTypeWrapper<Omit<Types.CredentialConnection, 'edges'> & { edges: Array<ResolversTypes['CredentialEdge']> }>;
  CredentialEdge: ResolverTypeWrapper<Omit<Types.CredentialEdge, 'node'> & { node: ResolversTypes['Credential'] }>;
  CredentialKind: Types.CredentialKind;
  CrossAlignment: ResolverTypeWrapper<Omit<Types.CrossAlignment, 'job'> & { job?: Types.Maybe<ResolversTypes['Job']> }>;
  DateTime: ResolverTypeWrapper<Date | string>;
  DeleteExperimentPayload: ResolverTypeWrapper<Types.DeleteExperimentPayload>;
  EpochMetric: ResolverTypeWrapper<Types.EpochMetric>;
  Experiment: ResolverTypeWrapper<ExperimentRowModel>;
  ExperimentConnection: ResolverTypeWrapper<Omit<Types.ExperimentConnection, 'edges'> & { edges: Array<ResolversTypes['ExperimentEdge']> }>;
  ExperimentEdge: ResolverTypeWrapper<Omit<Types.ExperimentEdge, 'node'> & { node: ResolversTypes['Experiment'] }>;
  ExperimentStatus: Types.ExperimentStatus;
  Finding: ResolverTypeWrapper<Types.Finding>;
  FindingInterval: ResolverTypeWrapper<Types.FindingInterval>;
  FindingRow: ResolverTypeWrapper<Types.FindingRow>;
  FindingVerdict: Types.FindingVerdict;
  Findings: ResolverTypeWrapper<Types.Findings>;
  Float: ResolverTypeWrapper<Types.Scalars['Float']['output']>;
  HeldOutSplit: ResolverTypeWrapper<Types.HeldOutSplit>;
  HistogramBin: ResolverTypeWrapper<Types.HistogramBin>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  ImportActivationsInput: Types.ImportActivationsInput;
  ImportLayerInput: Types.ImportLayerInput;
  ImportNetworkInput: Types.ImportNetworkInput;
  ImportPayload: ResolverTypeWrapper<Omit<Types.ImportPayload, 'experiment' | 'job'> & { experiment: ResolversTypes['Experiment'], job?: Types.Maybe<ResolversTypes['Job']> }>;
  ImportResultInput: Types.ImportResultInput;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Types.Scalars['JSON']['output']>;
  Job: ResolverTypeWrapper<JobRowModel>;
  JobConnection: ResolverTypeWrapper<Omit<Types.JobConnection, 'edges'> & { edges: Array<ResolversTypes['JobEdge']> }>;
  JobEdge: ResolverTypeWrapper<Omit<Types.JobEdge, 'node'> & { node: ResolversTypes['Job'] }>;
  JobKind: Types.JobKind;
  JobStatus: Types.JobStatus;
  Layer: ResolverTypeWrapper<LayerRowModel>;
  LayerComparison: ResolverTypeWrapper<LayerComparisonRowModel>;
  LayerConsensus: ResolverTypeWrapper<LayerConsensusRowModel>;
  LayerConvergence: ResolverTypeWrapper<Types.LayerConvergence>;
  LayerStitching: ResolverTypeWrapper<LayerStitchingRowModel>;
  MatchOrder: Types.MatchOrder;
  MatchedChance: ResolverTypeWrapper<Types.MatchedChance>;
  Mutation: ResolverTypeWrapper<{}>;
  Network: ResolverTypeWrapper<NetworkRowModel>;
  NetworkConnection: ResolverTypeWrapper<Omit<Types.NetworkConnection, 'edges'> & { edges: Array<ResolversTypes['NetworkEdge']> }>;
  NetworkEdge: ResolverTypeWrapper<Omit<Types.NetworkEdge, 'node'> & { node: ResolversTypes['Network'] }>;
  NetworkStatus: Types.NetworkStatus;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  Query: ResolverTypeWrapper<{}>;
  ScopeStatistic: ResolverTypeWrapper<Types.ScopeStatistic>;
  ShuffledNull: ResolverTypeWrapper<Types.ShuffledNull>;
  SignInLinkPayload: ResolverTypeWrapper<Omit<Types.SignInLinkPayload, 'expiresAt'> & { expiresAt: ResolversTypes['DateTime'] }>;
  SparsePathPoint: ResolverTypeWrapper<Types.SparsePathPoint>;
  SparseWeight: ResolverTypeWrapper<SparseWeightRowModel>;
  SpecOptions: ResolverTypeWrapper<Types.SpecOptions>;
  SpecValidation: ResolverTypeWrapper<Types.SpecValidation>;
  StatisticScope: Types.StatisticScope;
  StepMetric: ResolverTypeWrapper<Types.StepMetric>;
  StitchMap: ResolverTypeWrapper<Types.StitchMap>;
  StitchMapKind: Types.StitchMapKind;
  StitchPair: ResolverTypeWrapper<StitchPairRowModel>;
  StitchSummary: ResolverTypeWrapper<Types.StitchSummary>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  Team: ResolverTypeWrapper<TeamRowModel>;
  TeamRole: Types.TeamRole;
  TopImage: ResolverTypeWrapper<TopImageRowModel>;
  Unit: ResolverTypeWrapper<UnitRowModel>;
  UnitBestMatch: ResolverTypeWrapper<UnitBestMatchRowModel>;
  UnitConnection: ResolverTypeWrapper<Omit<Types.UnitConnection, 'edges'> & { edges: Array<ResolversTypes['UnitEdge']> }>;
  UnitEdge: ResolverTypeWrapper<Omit<Types.UnitEdge, 'node'> & { node: ResolversTypes['Unit'] }>;
  UnitMatch: ResolverTypeWrapper<UnitMatchRowModel>;
  UnitMatchConnection: ResolverTypeWrapper<Omit<Types.UnitMatchConnection, 'edges'> & { edges: Array<ResolversTypes['UnitMatchEdge']> }>;
  UnitMatchEdge: ResolverTypeWrapper<Omit<Types.UnitMatchEdge, 'node'> & { node: ResolversTypes['UnitMatch'] }>;
  UnitOrder: Types.UnitOrder;
  Verdict: Types.Verdict;
  Viewer: ResolverTypeWrapper<ViewerRowModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AlignNetworksInput: Types.AlignNetworksInput;
  AlignNetworksPayload: Omit<Types.AlignNetworksPayload, 'job'> & { job: ResolversParentTypes['Job'] };
  Alignment: AlignmentRowModel;
  AlignmentSummary: AlignmentSummaryRowModel;
  ArchitectureGroup: ArchitectureGroupRowModel;
  Boolean: Types.Scalars['Boolean']['output'];
  ChanceBaseline: Types.ChanceBaseline;
  CheckInterval: Types.CheckInterval;
  CheckStatistic: Types.CheckStatistic;
  Cluster: ClusterRowModel;
  CompareSubject: CompareSubjectRowModel;
  Comparison: Omit<Types.Comparison, 'entries' | 'reference'> & { entries: Array<ResolversParentTypes['ComparisonEntry']>, reference: ResolversParentTypes['CompareSubject'] };
  ComparisonEntry: Omit<Types.ComparisonEntry, 'crossAlignment' | 'layers' | 'subject'> & { crossAlignment?: Types.Maybe<ResolversParentTypes['CrossAlignment']>, layers: Array<ResolversParentTypes['LayerComparison']>, subject: ResolversParentTypes['CompareSubject'] };
  ConfidenceInterval: Types.ConfidenceInterval;
  ConfigDifference: Types.ConfigDifference;
  ConsensusFamily: ConsensusFamilyRowModel;
  ConvergenceStats: Types.ConvergenceStats;
  CreateExperimentInput: Types.CreateExperimentInput;
  CreateExperimentPayload: Omit<Types.CreateExperimentPayload, 'experiment' | 'jobs'> & { experiment: ResolversParentTypes['Experiment'], jobs: Array<ResolversParentTypes['Job']> };
  CreateSignInLinkInput: Types.CreateSignInLinkInput;
  CreateTokenInput: Types.CreateTokenInput;
  CreateTokenPayload: Omit<Types.CreateTokenPayload, 'credential'> & { credential: ResolversParentTypes['Credential'] };
  Credential: CredentialRowModel;
  CredentialConnection: Omit<Types.CredentialConnection, 'edges'> & { edges: Array<ResolversParentTypes['CredentialEdge']> };
  CredentialEdge: Omit<Types.CredentialEdge, 'node'> & { node: ResolversParentTypes['Credential'] };
  CrossAlignment: Omit<Types.CrossAlignment, 'job'> & { job?: Types.Maybe<ResolversParentTypes['Job']> };
  DateTime: Date | string;
  DeleteExperimentPayload: Types.DeleteExperimentPayload;
  EpochMetric: Types.EpochMetric;
  Experiment: ExperimentRowModel;
  ExperimentConnection: Omit<Types.ExperimentConnection, 'edges'> & { edges: Array<ResolversParentTypes['ExperimentEdge']> };
  ExperimentEdge: Omit<Types.ExperimentEdge, 'node'> & { node: ResolversParentTypes['Experiment'] };
  Finding: Types.Finding;
  FindingInterval: Types.FindingInterval;
  FindingRow: Types.FindingRow;
  Findings: Types.Findings;
  Float: Types.Scalars['Float']['output'];
  HeldOutSplit: Types.HeldOutSplit;
  HistogramBin: Types.HistogramBin;
  ID: Types.Scalars['ID']['output'];
  ImportActivationsInput: Types.ImportActivationsInput;
  ImportLayerInput: Types.ImportLayerInput;
  ImportNetworkInput: Types.ImportNetworkInput;
  ImportPayload: Omit<Types.ImportPayload, 'experiment' | 'job'> & { experiment: ResolversParentTypes['Experiment'], job?: Types.Maybe<ResolversParentTypes['Job']> };
  ImportResultInput: Types.ImportResultInput;
  Int: Types.Scalars['Int']['output'];
  JSON: Types.Scalars['JSON']['output'];
  Job: JobRowModel;
  JobConnection: Omit<Types.JobConnection, 'edges'> & { edges: Array<ResolversParentTypes['JobEdge']> };
  JobEdge: Omit<Types.JobEdge, 'node'> & { node: ResolversParentTypes['Job'] };
  Layer: LayerRowModel;
  LayerComparison: LayerComparisonRowModel;
  LayerConsensus: LayerConsensusRowModel;
  LayerConvergence: Types.LayerConvergence;
  LayerStitching: LayerStitchingRowModel;
  MatchedChance: Types.MatchedChance;
  Mutation: {};
  Network: NetworkRowModel;
  NetworkConnection: Omit<Types.NetworkConnection, 'edges'> & { edges: Array<ResolversParentTypes['NetworkEdge']> };
  NetworkEdge: Omit<Types.NetworkEdge, 'node'> & { node: ResolversParentTypes['Network'] };
  PageInfo: Types.PageInfo;
  Query: {};
  ScopeStatistic: Types.ScopeStatistic;
  ShuffledNull: Types.ShuffledNull;
  SignInLinkPayload: Omit<Types.SignInLinkPayload, 'expiresAt'> & { expiresAt: ResolversParentTypes['DateTime'] };
  SparsePathPoint: Types.SparsePathPoint;
  SparseWeight: SparseWeightRowModel;
  SpecOptions: Types.SpecOptions;
  SpecValidation: Types.SpecValidation;
  StepMetric: Types.StepMetric;
  StitchMap: Types.StitchMap;
  StitchPair: StitchPairRowModel;
  StitchSummary: Types.StitchSummary;
  String: Types.Scalars['String']['output'];
  Team: TeamRowModel;
  TopImage: TopImageRowModel;
  Unit: UnitRowModel;
  UnitBestMatch: UnitBestMatchRowModel;
  UnitConnection: Omit<Types.UnitConnection, 'edges'> & { edges: Array<ResolversParentTypes['UnitEdge']> };
  UnitEdge: Omit<Types.UnitEdge, 'node'> & { node: ResolversParentTypes['Unit'] };
  UnitMatch: UnitMatchRowModel;
  UnitMatchConnection: Omit<Types.UnitMatchConnection, 'edges'> & { edges: Array<ResolversParentTypes['UnitMatchEdge']> };
  UnitMatchEdge: Omit<Types.UnitMatchEdge, 'node'> & { node: ResolversParentTypes['UnitMatch'] };
  Viewer: ViewerRowModel;
};

export type AlignNetworksPayloadResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AlignNetworksPayload'] = ResolversParentTypes['AlignNetworksPayload']> = {
  job?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
  layers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AlignmentResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Alignment'] = ResolversParentTypes['Alignment']> = {
  betweenUrl?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  crossExperiment?: Resolver<Types.Maybe<ResolversTypes['Experiment']>, ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  layerA?: Resolver<ResolversTypes['Layer'], ParentType, ContextType>;
  layerB?: Resolver<ResolversTypes['Layer'], ParentType, ContextType>;
  matchUrl?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  matches?: Resolver<ResolversTypes['UnitMatchConnection'], ParentType, ContextType, RequireFields<Types.AlignmentMatchesArgs, 'first' | 'includeDead' | 'order'>>;
  method?: Resolver<ResolversTypes['AlignmentMethod'], ParentType, ContextType>;
  networkA?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  networkB?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  parameters?: Resolver<Types.Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  scoreHistogram?: Resolver<Array<ResolversTypes['HistogramBin']>, ParentType, ContextType, RequireFields<Types.AlignmentScoreHistogramArgs, 'bins' | 'includeDead'>>;
  status?: Resolver<ResolversTypes['AlignmentStatus'], ParentType, ContextType>;
  stitching?: Resolver<Types.Maybe<ResolversTypes['StitchPair']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['AlignmentSummary'], ParentType, ContextType, RequireFields<Types.AlignmentSummaryArgs, 'includeDead'>>;
  withinAUrl?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  withinBUrl?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AlignmentSummaryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AlignmentSummary'] = ResolversParentTypes['AlignmentSummary']> = {
  ckaDebiased?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ckaLinear?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  clusterMixing?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  clusters?: Resolver<Array<ResolversTypes['Cluster']>, ParentType, ContextType>;
  heldOut?: Resolver<Types.Maybe<ResolversTypes['HeldOutSplit']>, ParentType, ContextType>;
  includesDead?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  knnScore?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lossPath?: Resolver<Array<ResolversTypes['SparsePathPoint']>, ParentType, ContextType>;
  meanCorr?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meanMI?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mixedClusterFraction?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  nLiveA?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nLiveB?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  oneToOneFraction?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  procrustesDistance?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pwcca?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  samples?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  shuffledNull?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  svcca?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
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
  architecture?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  chance?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  figure?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  interval?: Resolver<Types.Maybe<ResolversTypes['CheckInterval']>, ParentType, ContextType>;
  intervalReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pValue?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  test?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  accuracy?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  experiment?: Resolver<Types.Maybe<ResolversTypes['Experiment']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<Types.Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
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
  accuracyDelta?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  configDiff?: Resolver<Array<ResolversTypes['ConfigDifference']>, ParentType, ContextType>;
  crossAlignment?: Resolver<Types.Maybe<ResolversTypes['CrossAlignment']>, ParentType, ContextType>;
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
  reference?: Resolver<Types.Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  value?: Resolver<Types.Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
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
  max?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mean?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  min?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pairCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  std?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
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
  expiresAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CredentialKind'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
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
  job?: Resolver<Types.Maybe<ResolversTypes['Job']>, ParentType, ContextType>;
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
  seconds?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  trainAccuracy?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  trainLoss?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  valAccuracy?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ExperimentResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Experiment'] = ResolversParentTypes['Experiment']> = {
  architectures?: Resolver<Array<ResolversTypes['ArchitectureGroup']>, ParentType, ContextType>;
  chanceBaselines?: Resolver<Array<ResolversTypes['ChanceBaseline']>, ParentType, ContextType>;
  consensus?: Resolver<Array<ResolversTypes['LayerConsensus']>, ParentType, ContextType, Partial<Types.ExperimentConsensusArgs>>;
  convergence?: Resolver<Array<ResolversTypes['LayerConvergence']>, ParentType, ContextType, RequireFields<Types.ExperimentConvergenceArgs, 'includeDead' | 'method' | 'variant'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  error?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['Findings'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jobs?: Resolver<ResolversTypes['JobConnection'], ParentType, ContextType, RequireFields<Types.ExperimentJobsArgs, 'first'>>;
  layerNames?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  legacyStreams?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  networkCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  networks?: Resolver<ResolversTypes['NetworkConnection'], ParentType, ContextType, RequireFields<Types.ExperimentNetworksArgs, 'first' | 'includeUntrained'>>;
  phase?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  probeImageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  probeImageUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  progress?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  spec?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExperimentStatus'], ParentType, ContextType>;
  stitching?: Resolver<Array<ResolversTypes['LayerStitching']>, ParentType, ContextType, Partial<Types.ExperimentStitchingArgs>>;
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
  chance?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  chanceName?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  claim?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  interval?: Resolver<Types.Maybe<ResolversTypes['FindingInterval']>, ParentType, ContextType>;
  intervalReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pValue?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['FindingRow']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statistic?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  statisticLayer?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  statisticName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  test?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  chance?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  figure?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  interval?: Resolver<Types.Maybe<ResolversTypes['FindingInterval']>, ParentType, ContextType>;
  intervalReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pValue?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
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
  job?: Resolver<Types.Maybe<ResolversTypes['Job']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JobResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Job'] = ResolversParentTypes['Job']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  etaSeconds?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  experiment?: Resolver<Types.Maybe<ResolversTypes['Experiment']>, ParentType, ContextType>;
  finishedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  fraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['JobKind'], ParentType, ContextType>;
  network?: Resolver<Types.Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
  phase?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
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
  kind?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nLive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  shape?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  unit?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType, RequireFields<Types.LayerUnitArgs, 'index'>>;
  unitCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  units?: Resolver<ResolversTypes['UnitConnection'], ParentType, ContextType, RequireFields<Types.LayerUnitsArgs, 'first' | 'order'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LayerComparisonResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['LayerComparison'] = ResolversParentTypes['LayerComparison']> = {
  alignment?: Resolver<Types.Maybe<ResolversTypes['Alignment']>, ParentType, ContextType>;
  delta?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  differenceUrl?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referenceValue?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  value?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LayerConsensusResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['LayerConsensus'] = ResolversParentTypes['LayerConsensus']> = {
  chance?: Resolver<Types.Maybe<ResolversTypes['ConsensusFamily']>, ParentType, ContextType>;
  chanceFraction?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
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
  chance?: Resolver<Types.Maybe<ResolversTypes['ChanceBaseline']>, ParentType, ContextType>;
  ci?: Resolver<Types.Maybe<ResolversTypes['ConfidenceInterval']>, ParentType, ContextType>;
  ciReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  crossArchitecture?: Resolver<ResolversTypes['ConvergenceStats'], ParentType, ContextType>;
  figure?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  includesDead?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matchedChance?: Resolver<Types.Maybe<ResolversTypes['MatchedChance']>, ParentType, ContextType>;
  mean?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['AlignmentMethod'], ParentType, ContextType>;
  nLive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nPermutations?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pValue?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sameArchitecture?: Resolver<ResolversTypes['ConvergenceStats'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ScopeStatistic']>, ParentType, ContextType>;
  shuffledNull?: Resolver<Types.Maybe<ResolversTypes['ShuffledNull']>, ParentType, ContextType>;
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
  alignNetworks?: Resolver<ResolversTypes['AlignNetworksPayload'], ParentType, ContextType, RequireFields<Types.MutationAlignNetworksArgs, 'input'>>;
  cancelJob?: Resolver<ResolversTypes['Job'], ParentType, ContextType, RequireFields<Types.MutationCancelJobArgs, 'id'>>;
  createExperiment?: Resolver<ResolversTypes['CreateExperimentPayload'], ParentType, ContextType, RequireFields<Types.MutationCreateExperimentArgs, 'input'>>;
  createSignInLink?: Resolver<ResolversTypes['SignInLinkPayload'], ParentType, ContextType, RequireFields<Types.MutationCreateSignInLinkArgs, 'input'>>;
  createToken?: Resolver<ResolversTypes['CreateTokenPayload'], ParentType, ContextType, RequireFields<Types.MutationCreateTokenArgs, 'input'>>;
  deleteExperiment?: Resolver<ResolversTypes['DeleteExperimentPayload'], ParentType, ContextType, RequireFields<Types.MutationDeleteExperimentArgs, 'id'>>;
  importActivations?: Resolver<ResolversTypes['ImportPayload'], ParentType, ContextType, RequireFields<Types.MutationImportActivationsArgs, 'input'>>;
  importResult?: Resolver<ResolversTypes['ImportPayload'], ParentType, ContextType, RequireFields<Types.MutationImportResultArgs, 'input'>>;
  retryJob?: Resolver<ResolversTypes['Job'], ParentType, ContextType, RequireFields<Types.MutationRetryJobArgs, 'id'>>;
  revokeCredential?: Resolver<ResolversTypes['Credential'], ParentType, ContextType, RequireFields<Types.MutationRevokeCredentialArgs, 'id'>>;
};

export type NetworkResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Network'] = ResolversParentTypes['Network']> = {
  architecture?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  backend?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  config?: Resolver<Types.Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType>;
  finalValAccuracy?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  layer?: Resolver<Types.Maybe<ResolversTypes['Layer']>, ParentType, ContextType, RequireFields<Types.NetworkLayerArgs, 'name'>>;
  layers?: Resolver<Array<ResolversTypes['Layer']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['EpochMetric']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NetworkStatus'], ParentType, ContextType>;
  stepMetrics?: Resolver<Array<ResolversTypes['StepMetric']>, ParentType, ContextType>;
  untrained?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  weightsUrl?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  alignment?: Resolver<Types.Maybe<ResolversTypes['Alignment']>, ParentType, ContextType, RequireFields<Types.QueryAlignmentArgs, 'layer' | 'method' | 'networkA' | 'networkB'>>;
  alignmentById?: Resolver<ResolversTypes['Alignment'], ParentType, ContextType, RequireFields<Types.QueryAlignmentByIdArgs, 'id'>>;
  compare?: Resolver<ResolversTypes['Comparison'], ParentType, ContextType, RequireFields<Types.QueryCompareArgs, 'kind' | 'method' | 'others' | 'reference'>>;
  experiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType, RequireFields<Types.QueryExperimentArgs, 'id'>>;
  experiments?: Resolver<ResolversTypes['ExperimentConnection'], ParentType, ContextType, RequireFields<Types.QueryExperimentsArgs, 'first'>>;
  job?: Resolver<ResolversTypes['Job'], ParentType, ContextType, RequireFields<Types.QueryJobArgs, 'id'>>;
  jobs?: Resolver<ResolversTypes['JobConnection'], ParentType, ContextType, RequireFields<Types.QueryJobsArgs, 'first'>>;
  layer?: Resolver<ResolversTypes['Layer'], ParentType, ContextType, RequireFields<Types.QueryLayerArgs, 'id'>>;
  layerConvergence?: Resolver<Array<ResolversTypes['LayerConvergence']>, ParentType, ContextType, RequireFields<Types.QueryLayerConvergenceArgs, 'experimentId' | 'includeDead' | 'method' | 'variant'>>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType, RequireFields<Types.QueryNetworkArgs, 'id'>>;
  specOptions?: Resolver<ResolversTypes['SpecOptions'], ParentType, ContextType>;
  team?: Resolver<ResolversTypes['Team'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType, RequireFields<Types.QueryUnitArgs, 'id'>>;
  validateSpec?: Resolver<ResolversTypes['SpecValidation'], ParentType, ContextType, RequireFields<Types.QueryValidateSpecArgs, 'name' | 'spec'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type ScopeStatisticResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ScopeStatistic'] = ResolversParentTypes['ScopeStatistic']> = {
  atOrBelowChance?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ci?: Resolver<Types.Maybe<ResolversTypes['ConfidenceInterval']>, ParentType, ContextType>;
  ciReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  figure?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matchedChance?: Resolver<Types.Maybe<ResolversTypes['MatchedChance']>, ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  nPermutations?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pValue?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pairs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['StatisticScope'], ParentType, ContextType>;
  shuffledNull?: Resolver<Types.Maybe<ResolversTypes['ShuffledNull']>, ParentType, ContextType>;
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
  meanLossHeldOut?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
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
  methods?: Resolver<Types.Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  networkCount?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
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
  accuracy?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StitchMapKind'], ParentType, ContextType>;
  nonzero?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  penalty?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StitchPairResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['StitchPair'] = ResolversParentTypes['StitchPair']> = {
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  layer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maps?: Resolver<Array<ResolversTypes['StitchMap']>, ParentType, ContextType>;
  networkA?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  networkB?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  ownAccuracy?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StitchSummaryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['StitchSummary'] = ResolversParentTypes['StitchSummary']> = {
  between?: Resolver<Types.Maybe<ResolversTypes['ConvergenceStats']>, ParentType, ContextType>;
  chance?: Resolver<Types.Maybe<ResolversTypes['ConvergenceStats']>, ParentType, ContextType>;
  map?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statistic?: Resolver<Types.Maybe<ResolversTypes['CheckStatistic']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TeamResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Team'] = ResolversParentTypes['Team']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  credentials?: Resolver<ResolversTypes['CredentialConnection'], ParentType, ContextType, RequireFields<Types.TeamCredentialsArgs, 'first' | 'includeInactive'>>;
  experiments?: Resolver<ResolversTypes['ExperimentConnection'], ParentType, ContextType, RequireFields<Types.TeamExperimentsArgs, 'first'>>;
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
  x?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  y?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnitResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Unit'] = ResolversParentTypes['Unit']> = {
  bestMatches?: Resolver<Array<ResolversTypes['UnitBestMatch']>, ParentType, ContextType, RequireFields<Types.UnitBestMatchesArgs, 'method'>>;
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
  correlation?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mutualInformation?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  sparseWeights?: Resolver<Array<ResolversTypes['SparseWeight']>, ParentType, ContextType, RequireFields<Types.UnitBestMatchSparseWeightsArgs, 'first'>>;
  unit?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
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
  correlation?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mutualInformation?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unitA?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
  unitB?: Resolver<Types.Maybe<ResolversTypes['Unit']>, ParentType, ContextType>;
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

