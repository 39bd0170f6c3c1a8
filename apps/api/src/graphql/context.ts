// Per-request context of every resolver: the caller's team (from its token), the database, per-request
// DataLoaders, signed file links and the services that queue work.
import type { SpecLimits } from '@convergent/engine/contracts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { FileLinks } from '../auth/file-links.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { AuthenticatedTeam } from '../auth/tokens.ts';
import type { SqlRead } from '../db/sql-read.ts';
import type { Loaders } from './loaders.ts';

/** Work the mutations hand off (jobs, imports). Implemented over H6's jobs and importer in http/services.ts. */
export interface ApiServices {
  /** Queue the jobs of a freshly created experiment (spec already validated and stored). Returns the job ids. */
  queueExperiment(experimentId: string): Promise<string[]>;
  cancelJob(jobId: string): Promise<void>;
  retryJob(jobId: string): Promise<void>;
  /** Import a `convergent experiment run` result directory for a team. */
  importResult(teamId: string, dir: string, name: string | null): Promise<{ experimentId: string; jobId: string | null }>;
  /** Import external activations (already validated paths) and queue their alignments. */
  importActivations(teamId: string, input: ImportActivationsRequest): Promise<{ experimentId: string; jobId: string | null }>;
  /**
   * Queue an on-demand alignment of two networks of two experiments (already checked: alignability.ts). Answers the
   * queued or running job of the same pair (either order) instead of queueing a second one.
   */
  alignNetworks(teamId: string, a: string, b: string, layers: string[]): Promise<{ jobId: string }>;
  /** Delete an experiment and everything under it (jobs of it are cancelled first). */
  deleteExperiment(experimentId: string): Promise<void>;
  /** Start a job worker in this process (the API's embedded worker). */
  startEmbeddedWorker(): Promise<{ stop(): Promise<void> }>;
}

export interface ImportActivationsRequest {
  name: string;
  dataset: string;
  layout: 'NHWC' | 'NCHW';
  methods: string[] | null;
  networks: { name: string; architecture: string; seed: number; layers: { name: string; path: string }[] }[];
}

export interface ApiContext {
  prisma: PrismaClient;
  /** Hot-path SELECTs without Prisma's interpreter (db/sql-read.ts); refused once the request's deadline passed. */
  read: SqlRead;
  /** Aborts when the request's deadline passes (http/request-limits.ts). */
  signal?: AbortSignal;
  teamId: string;
  teamName: string;
  tokenName: string;
  /** The request's credential (team token or dashboard session): its id, kind and role. */
  credential: AuthenticatedTeam;
  /** Forgets revoked credentials at once (team administration mutations). */
  authenticator: Authenticator;
  loaders: Loaders;
  /** File URLs signed for this request's credential (they die with it). */
  links: FileLinks;
  services: ApiServices;
  /** Folders under which this team's importResult/importActivations may read (absolute; Team.importRoots). */
  importRoots: string[];
  /** Plausibility limits for specs and imports (default: the engine's DEFAULT_SPEC_LIMITS). */
  specLimits?: SpecLimits;
}
