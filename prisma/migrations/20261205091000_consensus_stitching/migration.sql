-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AlignmentMethod" ADD VALUE 'SVCCA';
ALTER TYPE "AlignmentMethod" ADD VALUE 'PWCCA';
ALTER TYPE "AlignmentMethod" ADD VALUE 'PROCRUSTES';
ALTER TYPE "AlignmentMethod" ADD VALUE 'KNN';

-- CreateTable
CREATE TABLE "LayerConsensus" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "layerName" TEXT NOT NULL,
    "matching" TEXT NOT NULL,
    "fraction" DOUBLE PRECISION NOT NULL,
    "chanceFraction" DOUBLE PRECISION,
    "trained" JSONB NOT NULL,
    "chance" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LayerConsensus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StitchLayer" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "layerName" TEXT NOT NULL,
    "images" INTEGER NOT NULL,
    "majorityRate" DOUBLE PRECISION NOT NULL,
    "pairs" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StitchLayer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LayerConsensus_experimentId_layerName_key" ON "LayerConsensus"("experimentId", "layerName");

-- CreateIndex
CREATE UNIQUE INDEX "StitchLayer_experimentId_layerName_key" ON "StitchLayer"("experimentId", "layerName");

-- AddForeignKey
ALTER TABLE "LayerConsensus" ADD CONSTRAINT "LayerConsensus_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StitchLayer" ADD CONSTRAINT "StitchLayer_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
