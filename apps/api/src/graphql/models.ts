// Parent ("row") types of the GraphQL resolvers: what a resolver returns for an object type before its fields are
// resolved. Mostly Prisma rows; a few computed shapes. Mapped in packages/schema/codegen.ts.
import type {
  Alignment,
  ApiToken,
  Experiment,
  Job,
  Layer,
  Network,
  Team,
  LayerConsensus,
  StitchLayer,
  Unit,
} from '../generated/prisma/client.ts';
import type { ConsensusFamily, StitchPairRecord } from '@convergent/engine/contracts';

export type TeamRow = Pick<Team, 'id' | 'name' | 'createdAt'>;
export type ExperimentRow = Experiment;
export type NetworkRow = Network;
export type LayerRow = Layer;
export type UnitRow = Unit;
export type AlignmentRow = Alignment & {
  /** True when the stored alignment is (B, A) and the caller asked for (A, B): swap sides when reading. */
  flipped?: boolean;
};
export type JobRow = Job;
/** A match, oriented like its alignment: unitA is in the asked networkA; unitB -1 when unmatched. */
export interface UnitMatchRow {
  unitA: number;
  unitB: number;
  score: number;
  correlation: number | null;
  mutualInformation: number | null;
  alignment: AlignmentRow;
}
/** A spectral cluster, already oriented like its alignment (A = the alignment's networkA as asked). */
export interface ClusterRow {
  index: number;
  countA: number;
  countB: number;
  shared: boolean;
  unitsA: number[];
  unitsB: number[];
  layerAId: string;
  layerBId: string;
}
export interface TopImageRow {
  rank: number;
  imageIndex: number;
  activation: number;
  y: number | null;
  x: number | null;
  experimentId: string;
}
export interface UnitBestMatchRow {
  unit: UnitRow;
  alignment: AlignmentRow;
  /** Index of the matched unit in the other network (or -1). */
  otherIndex: number;
  score: number;
}
export interface SparseWeightRow {
  penalty: number;
  /** Layer of the source unit (the other network's layer). */
  layerId: string;
  unitIndex: number;
  weight: number;
}
export interface ViewerRow {
  team: TeamRow;
  tokenName: string;
  role: 'ADMIN' | 'MEMBER';
  credentialKind: 'TOKEN' | 'SESSION';
}
/** A token or session of the team (never its secret). */
export type CredentialRow = Pick<ApiToken, 'id' | 'name' | 'kind' | 'role' | 'prefix' | 'createdAt' | 'lastUsedAt' | 'expiresAt' | 'revokedAt'>;
export type CompareSubjectRow =
  | { kind: 'network'; network: NetworkRow }
  | { kind: 'experiment'; experiment: ExperimentRow; accuracy: number | null };
export interface LayerComparisonRow {
  layer: string;
  value: number | null;
  referenceValue: number | null;
  alignment: AlignmentRow | null;
}
export interface AlignmentSummaryRow {
  alignment: AlignmentRow;
  /** Unit-averaged figures count dead units (Alignment.summary(includeDead)). */
  includeDead?: boolean;
}
export interface ArchitectureGroupRow {
  architecture: string;
  networks: NetworkRow[];
}
/** A stored LayerConsensus row (families as the engine's ConsensusFamily JSON, network names). */
export type LayerConsensusRow = LayerConsensus;
export interface ConsensusFamilyRow {
  experimentId: string;
  family: ConsensusFamily;
}
export type LayerStitchingRow = StitchLayer;
export interface StitchPairRow {
  experimentId: string;
  layer: string;
  pair: StitchPairRecord;
}
export type { ApiToken };
