-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('OWNER', 'MEMBER');

-- CreateEnum
CREATE TYPE "ExperimentStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ExperimentSource" AS ENUM ('SPEC', 'RESULT', 'ACTIVATIONS');

-- CreateEnum
CREATE TYPE "NetworkStatus" AS ENUM ('QUEUED', 'TRAINING', 'RECORDING', 'COMPLETED', 'FAILED', 'CANCELLED', 'IMPORTED');

-- CreateEnum
CREATE TYPE "AlignmentMethod" AS ENUM ('SEMI', 'HUNGARIAN', 'MI', 'MI_SEMI', 'SPARSE', 'SPECTRAL', 'CKA');

-- CreateEnum
CREATE TYPE "AlignmentStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "MatchDirection" AS ENUM ('A_TO_B', 'B_TO_A');

-- CreateEnum
CREATE TYPE "JobKind" AS ENUM ('TRAIN', 'RECORD', 'ALIGN', 'IMPORT', 'EXPERIMENT');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ArtifactKind" AS ENUM ('WEIGHTS', 'CHECKPOINT', 'MOMENTS', 'CORRELATION', 'MATCH', 'ACTIVATIONS', 'PROBE_IMAGES', 'PROBE_LABELS', 'SPRITE', 'MANIFEST', 'OTHER');

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "MemberRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "memberId" TEXT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Experiment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "dataset" TEXT NOT NULL,
    "probe" JSONB NOT NULL,
    "spec" JSONB NOT NULL,
    "specHash" TEXT NOT NULL,
    "source" "ExperimentSource" NOT NULL DEFAULT 'SPEC',
    "status" "ExperimentStatus" NOT NULL DEFAULT 'QUEUED',
    "phase" TEXT,
    "error" TEXT,
    "probeCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Experiment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Network" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "arch" TEXT NOT NULL,
    "archSpec" JSONB NOT NULL,
    "seed" INTEGER NOT NULL,
    "untrained" BOOLEAN NOT NULL DEFAULT false,
    "backend" TEXT,
    "status" "NetworkStatus" NOT NULL DEFAULT 'QUEUED',
    "epochs" INTEGER NOT NULL DEFAULT 0,
    "epochsDone" INTEGER NOT NULL DEFAULT 0,
    "metrics" JSONB NOT NULL DEFAULT '[]',
    "accuracy" DOUBLE PRECISION,
    "parameterCount" INTEGER,
    "trainSeconds" DOUBLE PRECISION,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trainedAt" TIMESTAMP(3),

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Layer" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "unitCount" INTEGER NOT NULL,
    "shape" JSONB NOT NULL DEFAULT '[]',
    "receptiveField" JSONB,
    "samples" INTEGER,
    "deadCount" INTEGER NOT NULL DEFAULT 0,
    "withinId" TEXT,

    CONSTRAINT "Layer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "layerId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "mean" DOUBLE PRECISION NOT NULL,
    "std" DOUBLE PRECISION NOT NULL,
    "dead" BOOLEAN NOT NULL,
    "topImages" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alignment" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "networkAId" TEXT NOT NULL,
    "networkBId" TEXT NOT NULL,
    "layerName" TEXT NOT NULL,
    "layerAId" TEXT NOT NULL,
    "layerBId" TEXT NOT NULL,
    "method" "AlignmentMethod" NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'between',
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "paramsKey" TEXT NOT NULL DEFAULT '',
    "summary" JSONB NOT NULL DEFAULT '{}',
    "status" "AlignmentStatus" NOT NULL DEFAULT 'QUEUED',
    "error" TEXT,
    "matrixId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Alignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitMatch" (
    "id" SERIAL NOT NULL,
    "alignmentId" TEXT NOT NULL,
    "direction" "MatchDirection" NOT NULL DEFAULT 'A_TO_B',
    "unitA" INTEGER NOT NULL,
    "unitB" INTEGER,
    "score" DOUBLE PRECISION NOT NULL,
    "correlation" DOUBLE PRECISION,
    "mutualInformation" DOUBLE PRECISION,
    "oneToOne" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "UnitMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SparsePath" (
    "id" SERIAL NOT NULL,
    "alignmentId" TEXT NOT NULL,
    "target" INTEGER NOT NULL,
    "penalty" DOUBLE PRECISION NOT NULL,
    "fvu" DOUBLE PRECISION,
    "heldOutFvu" DOUBLE PRECISION,
    "nonzero" INTEGER NOT NULL,

    CONSTRAINT "SparsePath_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SparseWeight" (
    "id" SERIAL NOT NULL,
    "pathId" INTEGER NOT NULL,
    "source" INTEGER NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "SparseWeight_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" SERIAL NOT NULL,
    "alignmentId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "countA" INTEGER NOT NULL,
    "countB" INTEGER NOT NULL,
    "mixed" BOOLEAN NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterMember" (
    "id" SERIAL NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "side" "MatchDirection" NOT NULL,
    "unit" INTEGER NOT NULL,

    CONSTRAINT "ClusterMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChanceBaseline" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "layerName" TEXT NOT NULL,
    "method" "AlignmentMethod" NOT NULL,
    "metric" TEXT NOT NULL,
    "architecture" TEXT NOT NULL DEFAULT '',
    "value" DOUBLE PRECISION NOT NULL,
    "spread" JSONB,
    "source" TEXT NOT NULL,
    "networkId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChanceBaseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "experimentId" TEXT,
    "networkId" TEXT,
    "kind" "JobKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "phase" TEXT,
    "fraction" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "etaSeconds" DOUBLE PRECISION,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "error" TEXT,
    "result" JSONB,
    "bossId" TEXT,
    "workerId" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Artifact" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "experimentId" TEXT,
    "networkId" TEXT,
    "key" TEXT NOT NULL,
    "kind" "ArtifactKind" NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Artifact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Member_teamId_email_key" ON "Member"("teamId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_teamId_idx" ON "ApiToken"("teamId");

-- CreateIndex
CREATE INDEX "Experiment_teamId_createdAt_idx" ON "Experiment"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Experiment_teamId_specHash_source_key" ON "Experiment"("teamId", "specHash", "source");

-- CreateIndex
CREATE INDEX "Network_experimentId_arch_seed_idx" ON "Network"("experimentId", "arch", "seed");

-- CreateIndex
CREATE UNIQUE INDEX "Network_experimentId_name_key" ON "Network"("experimentId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Layer_networkId_name_key" ON "Layer"("networkId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_layerId_index_key" ON "Unit"("layerId", "index");

-- CreateIndex
CREATE INDEX "Alignment_experimentId_layerName_method_idx" ON "Alignment"("experimentId", "layerName", "method");

-- CreateIndex
CREATE INDEX "Alignment_networkBId_layerName_method_idx" ON "Alignment"("networkBId", "layerName", "method");

-- CreateIndex
CREATE UNIQUE INDEX "Alignment_networkAId_networkBId_layerName_method_paramsKey_key" ON "Alignment"("networkAId", "networkBId", "layerName", "method", "paramsKey");

-- CreateIndex
CREATE INDEX "UnitMatch_alignmentId_direction_unitA_idx" ON "UnitMatch"("alignmentId", "direction", "unitA");

-- CreateIndex
CREATE INDEX "UnitMatch_alignmentId_direction_unitB_idx" ON "UnitMatch"("alignmentId", "direction", "unitB");

-- CreateIndex
CREATE INDEX "UnitMatch_alignmentId_direction_score_idx" ON "UnitMatch"("alignmentId", "direction", "score");

-- CreateIndex
CREATE UNIQUE INDEX "SparsePath_alignmentId_target_penalty_key" ON "SparsePath"("alignmentId", "target", "penalty");

-- CreateIndex
CREATE INDEX "SparseWeight_pathId_idx" ON "SparseWeight"("pathId");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_alignmentId_index_key" ON "Cluster"("alignmentId", "index");

-- CreateIndex
CREATE INDEX "ClusterMember_clusterId_idx" ON "ClusterMember"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "ChanceBaseline_experimentId_layerName_method_metric_archite_key" ON "ChanceBaseline"("experimentId", "layerName", "method", "metric", "architecture");

-- CreateIndex
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");

-- CreateIndex
CREATE INDEX "Job_teamId_createdAt_idx" ON "Job"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Job_experimentId_kind_idx" ON "Job"("experimentId", "kind");

-- CreateIndex
CREATE INDEX "Job_status_idx" ON "Job"("status");

-- CreateIndex
CREATE INDEX "Artifact_experimentId_kind_idx" ON "Artifact"("experimentId", "kind");

-- CreateIndex
CREATE INDEX "Artifact_networkId_kind_idx" ON "Artifact"("networkId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Artifact_teamId_key_key" ON "Artifact"("teamId", "key");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Layer" ADD CONSTRAINT "Layer_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Layer" ADD CONSTRAINT "Layer_withinId_fkey" FOREIGN KEY ("withinId") REFERENCES "Artifact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alignment" ADD CONSTRAINT "Alignment_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alignment" ADD CONSTRAINT "Alignment_networkAId_fkey" FOREIGN KEY ("networkAId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alignment" ADD CONSTRAINT "Alignment_networkBId_fkey" FOREIGN KEY ("networkBId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alignment" ADD CONSTRAINT "Alignment_layerAId_fkey" FOREIGN KEY ("layerAId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alignment" ADD CONSTRAINT "Alignment_layerBId_fkey" FOREIGN KEY ("layerBId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alignment" ADD CONSTRAINT "Alignment_matrixId_fkey" FOREIGN KEY ("matrixId") REFERENCES "Artifact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitMatch" ADD CONSTRAINT "UnitMatch_alignmentId_fkey" FOREIGN KEY ("alignmentId") REFERENCES "Alignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SparsePath" ADD CONSTRAINT "SparsePath_alignmentId_fkey" FOREIGN KEY ("alignmentId") REFERENCES "Alignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SparseWeight" ADD CONSTRAINT "SparseWeight_pathId_fkey" FOREIGN KEY ("pathId") REFERENCES "SparsePath"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_alignmentId_fkey" FOREIGN KEY ("alignmentId") REFERENCES "Alignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMember" ADD CONSTRAINT "ClusterMember_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChanceBaseline" ADD CONSTRAINT "ChanceBaseline_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChanceBaseline" ADD CONSTRAINT "ChanceBaseline_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;
