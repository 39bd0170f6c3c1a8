-- Experiments stored before random-stream versions existed were made with the old seeding (version 1).
-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "streamVersion" INTEGER NOT NULL DEFAULT 1;
