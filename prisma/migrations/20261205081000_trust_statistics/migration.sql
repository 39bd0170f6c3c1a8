-- CreateTable
CREATE TABLE "LayerStatistic" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "layerName" TEXT NOT NULL,
    "figure" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "pairs" INTEGER NOT NULL,
    "mean" DOUBLE PRECISION NOT NULL,
    "ciLow" DOUBLE PRECISION,
    "ciHigh" DOUBLE PRECISION,
    "ciLevel" DOUBLE PRECISION,
    "ciReason" TEXT,
    "resamples" INTEGER NOT NULL,
    "networks" JSONB NOT NULL DEFAULT '{}',
    "chanceMean" DOUBLE PRECISION,
    "chancePairs" INTEGER,
    "chanceSource" TEXT,
    "pValue" DOUBLE PRECISION,
    "nPermutations" INTEGER,
    "exactTest" BOOLEAN,
    "shuffledMean" DOUBLE PRECISION,
    "shuffledPairs" INTEGER,
    "shuffledPValue" DOUBLE PRECISION,
    "atOrBelowChance" BOOLEAN NOT NULL,
    "verdict" TEXT NOT NULL,
    "verdictReason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LayerStatistic_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LayerStatistic_experimentId_layerName_figure_scope_key" ON "LayerStatistic"("experimentId", "layerName", "figure", "scope");

-- AddForeignKey
ALTER TABLE "LayerStatistic" ADD CONSTRAINT "LayerStatistic_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
