/**
 * EXPERIMENT job: computes an experiment created from a spec. First version: it runs the engine's whole
 * pipeline (`runExperiment`: train every network, record, align every pair × layer × method) in a
 * scratch folder, then imports the result directory in ONE transaction (importResult), so no partial
 * alignment is ever visible.
 *
 * Resuming: the engine checkpoints each network after every epoch in `<out>.partial/checkpoints`. Each
 * new epoch checkpoint is mirrored into an Artifact (kind CHECKPOINT), so when this worker dies, the
 * worker that takes the job over (possibly on another machine) restores the folder and the engine
 * resumes every network from its last finished epoch.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ExperimentProgress } from '@convergent/engine/experiment/run-experiment';
import type { Prisma } from '../generated/prisma/client.ts';
import { importResult } from '../import/import-result.ts';
import { packDirectory, unpackDirectory } from './dir-archive.ts';
import { PermanentJobError, type JobContext } from './job-context.ts';

export function checkpointKey(experimentId: string): string {
  return `experiment/${experimentId}/checkpoint.pack`;
}

interface NetworkState {
  id: string | null;
  fraction: number;
  metrics: unknown[];
  creating: Promise<void> | null;
}

export async function runExperimentJob(ctx: JobContext): Promise<Prisma.InputJsonValue> {
  const { prisma, signal } = ctx;
  const { experimentId } = ctx.job.payload as { experimentId?: string };
  if (!experimentId) throw new PermanentJobError('EXPERIMENT job payload lacks experimentId');
  const exp = await prisma.experiment.findUnique({ where: { id: experimentId } });
  if (!exp) throw new PermanentJobError(`experiment ${experimentId} no longer exists`);
  const spec = exp.spec as { training?: { epochs?: number } };
  await prisma.experiment.update({ where: { id: experimentId }, data: { status: 'RUNNING', phase: 'training', error: null } });

  const base = path.join(ctx.workDir, experimentId);
  const out = path.join(base, 'result');
  const partial = `${out}.partial`;
  const key = checkpointKey(experimentId);

  if (!existsSync(out)) {
    await mkdir(base, { recursive: true });
    if (!existsSync(partial)) {
      const saved = await prisma.artifact.findUnique({ where: { teamId_key: { teamId: exp.teamId, key } } });
      if (saved) {
        const files = await unpackDirectory(saved.data, partial);
        ctx.log(`restored ${files} checkpoint files of experiment ${experimentId} (${(saved.metadata as { note?: string }).note ?? ''})`);
        ctx.progress({ phase: 'resuming from checkpoints' });
      }
    }

    // ---- progress → Job row, Network rows, checkpoint artifact
    const networks = new Map<string, NetworkState>();
    const network = (name: string): NetworkState => {
      let n = networks.get(name);
      if (!n) {
        n = { id: null, fraction: 0, metrics: [], creating: null };
        networks.set(name, n);
        const state = n;
        const seed = /-s(\d+)$/.exec(name);
        state.creating = prisma.network
          .upsert({
            where: { experimentId_name: { experimentId, name } },
            create: {
              experimentId,
              name,
              arch: name.replace(/-s\d+$/, ''),
              archSpec: {},
              seed: seed ? Number(seed[1]) : 0,
              status: 'TRAINING',
              epochs: spec.training?.epochs ?? 0,
            },
            update: { status: 'TRAINING' },
            select: { id: true, metrics: true },
          })
          .then((row) => {
            state.id = row.id;
            if (Array.isArray(row.metrics) && state.metrics.length === 0) state.metrics = row.metrics;
          })
          .catch((err: Error) => ctx.log(`network row ${name}: ${err.message}`));
      }
      return n;
    };
    let uploading: Promise<void> = Promise.resolve();
    let uploadWanted = false;
    const uploadCheckpoints = (note: string): void => {
      if (uploadWanted) return; // one upload is pending already; it will include this epoch
      uploadWanted = true;
      uploading = uploading.then(async () => {
        uploadWanted = false;
        try {
          const bytes = await packDirectory(partial, (rel) => rel.startsWith('checkpoints/') || rel.startsWith('networks/'));
          const fields = { kind: 'CHECKPOINT' as const, experimentId, mediaType: 'application/octet-stream', size: bytes.length, sha256: '-', metadata: { note }, data: new Uint8Array(bytes) };
          await prisma.artifact.upsert({
            where: { teamId_key: { teamId: exp.teamId, key } },
            create: { teamId: exp.teamId, key, ...fields },
            update: fields,
          });
        } catch (err) {
          // A file renamed under us (the engine writes checkpoints atomically): the next epoch retries.
          ctx.log(`checkpoint upload skipped: ${(err as Error).message}`);
        }
      });
    };
    let trainTotal = 1;
    const trainFraction = (): number => {
      let s = 0;
      for (const n of networks.values()) s += n.fraction;
      return s / Math.max(trainTotal, networks.size);
    };
    const onProgress = (p: ExperimentProgress): void => {
      switch (p.phase) {
        case 'load':
          ctx.progress({ phase: p.message, fraction: 0.01 });
          break;
        case 'train': {
          trainTotal = p.total;
          const n = network(p.network);
          const t = p.progress;
          n.fraction = Math.min(1, (t.epoch - 1 + (t.phase === 'epoch' ? 1 : t.batch / Math.max(1, t.batches))) / Math.max(1, t.epochs));
          ctx.progress({ phase: `training ${p.network} (${p.index + 1}/${p.total}), epoch ${t.epoch}/${t.epochs}`, fraction: 0.02 + 0.68 * trainFraction(), etaSeconds: t.etaSeconds });
          if (t.phase === 'epoch' && t.metrics) {
            n.metrics.push(t.metrics);
            const metrics = [...n.metrics] as Prisma.InputJsonValue;
            void n.creating?.then(() =>
              n.id ? prisma.network.update({ where: { id: n.id }, data: { epochsDone: t.epoch, metrics, accuracy: t.metrics!.validationAccuracy } }).then(() => undefined, () => undefined) : undefined,
            );
            uploadCheckpoints(`${p.network} epoch ${t.epoch}`);
          }
          break;
        }
        case 'trained': {
          const n = network(p.network);
          n.fraction = 1;
          void n.creating?.then(() => (n.id ? prisma.network.update({ where: { id: n.id }, data: { status: 'RECORDING' } }).then(() => undefined, () => undefined) : undefined));
          uploadCheckpoints(`${p.network} trained`);
          break;
        }
        case 'record':
          ctx.progress({ phase: `recording (${p.done}/${p.total})`, fraction: 0.7 + (0.1 * p.done) / Math.max(1, p.total) });
          if (p.done === 0) void prisma.experiment.update({ where: { id: experimentId }, data: { phase: 'recording' } }).catch(() => {});
          break;
        case 'align':
          ctx.progress({ phase: `aligning ${p.layer} (${p.done}/${p.total})`, fraction: 0.8 + (0.15 * p.done) / Math.max(1, p.total) });
          if (p.done === 0) void prisma.experiment.update({ where: { id: experimentId }, data: { phase: 'aligning' } }).catch(() => {});
          break;
        case 'write':
          ctx.progress({ phase: p.message, fraction: 0.95 });
          break;
      }
    };

    const engine = await import('@convergent/engine/experiment/run-experiment');
    const data = ctx.loadData ? ((await ctx.loadData(exp.spec)) as import('@convergent/engine/experiment/run-experiment').ExperimentData) : undefined;
    try {
      await engine.runExperiment(exp.spec, {
        out,
        signal,
        onProgress,
        ...(ctx.trainConcurrency !== undefined ? { concurrency: ctx.trainConcurrency } : {}),
        ...(data ? { data } : {}),
      });
    } catch (err) {
      await uploading;
      if (signal.aborted) throw err;
      const message = (err as Error).message;
      // Spec problems never get better on retry.
      if ((err as Error).name === 'SpecError' || /invalid experiment spec/.test(message)) throw new PermanentJobError(message);
      throw err;
    }
    await uploading;
  }

  await ctx.assertOwner();
  ctx.progress({ phase: 'storing results', fraction: 0.96 });
  await prisma.experiment.update({ where: { id: experimentId }, data: { phase: 'storing' } });
  const outcome = await importResult(prisma, { teamId: exp.teamId, dir: out, experimentId });
  await prisma.artifact.deleteMany({ where: { teamId: exp.teamId, key } });
  await rm(base, { recursive: true, force: true });
  return { experimentId, networks: outcome.networks, alignments: outcome.alignments };
}
