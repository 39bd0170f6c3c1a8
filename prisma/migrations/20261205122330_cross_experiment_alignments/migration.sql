-- AlterTable
ALTER TABLE "Alignment" ADD COLUMN     "crossExperimentId" TEXT;

-- CreateIndex
CREATE INDEX "Alignment_crossExperimentId_idx" ON "Alignment"("crossExperimentId");

-- AddForeignKey
ALTER TABLE "Alignment" ADD CONSTRAINT "Alignment_crossExperimentId_fkey" FOREIGN KEY ("crossExperimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
