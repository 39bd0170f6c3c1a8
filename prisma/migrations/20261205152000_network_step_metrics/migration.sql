-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "stepMetrics" JSONB NOT NULL DEFAULT '[]';
