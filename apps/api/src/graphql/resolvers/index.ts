// The resolver map of the whole schema.
import type { Resolvers } from '../resolvers-types.generated.ts';
import type { ApiContext } from '../context.ts';
import { DateTime, JSONScalar } from './scalars.ts';
import { Query } from './query.ts';
import { Mutation } from './mutation.ts';
import { ArchitectureGroup, Experiment, Job, Team, Viewer } from './experiment.ts';
import { Layer, Network, SparseWeight, TopImage, Unit, UnitBestMatch } from './network.ts';
import { Alignment, AlignmentSummary, Cluster, UnitMatch } from './alignment.ts';
import { ConsensusFamily, LayerConsensus, LayerStitching, StitchPair } from './consensus-stitching.ts';
import { CompareSubject, LayerComparison } from './compare.ts';
import { Credential, TeamAdminFields, TeamAdminMutations } from './team-admin.ts';

export const resolvers: Resolvers<ApiContext> = {
  DateTime,
  JSON: JSONScalar,
  Query,
  Mutation: { ...Mutation, ...TeamAdminMutations },
  Viewer,
  Team: { ...Team, ...TeamAdminFields },
  Credential,
  Experiment,
  ArchitectureGroup,
  Job,
  Network,
  Layer,
  Unit,
  TopImage,
  UnitBestMatch,
  SparseWeight,
  Alignment,
  AlignmentSummary,
  Cluster,
  UnitMatch,
  CompareSubject,
  LayerComparison,
  LayerConsensus,
  ConsensusFamily,
  LayerStitching,
  StitchPair,
};
