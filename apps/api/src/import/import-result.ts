/**
 * Imports a result directory written by `convergent experiment run` (manifest.json + .npy files, see
 * packages/engine/src/experiment/manifest.ts): reads and checks every file it references, then hands the result to
 * the store as values (store/results.ts), which writes it in ONE transaction: a reader sees all of it or none of it,
 * and a directory that fails its checks writes nothing.
 *
 * Idempotent: a directory already imported for the team (same manifest SHA-256) answers the existing
 * experiment. With `experimentId` it fills an existing experiment (one created from a spec and computed
 * by a job), replacing whatever an earlier attempt stored.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readNpy } from '@convergent/engine/files';
import { validateResultDirectory, MANIFEST_FILE, type NpyRef, pairArrayRefs } from '@convergent/engine/contracts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { storeResult } from '../store/results.ts';
import { type ArrayValue, layerValues, pairValues } from '../store/values.ts';

export interface ImportResultOptions {
  teamId: string;
  /** The result directory (absolute or relative to the working directory). */
  dir: string;
  /** Experiment name (default: the spec's name). */
  name?: string | null;
  /** Fill this existing experiment of the team instead of creating one. */
  experimentId?: string;
  /** `experimentId` is a placeholder made when the import was asked for: it takes the result's name, dataset and spec. */
  placeholder?: boolean;
  /** Transaction timeout (default 10 minutes: large results insert many rows). */
  timeoutMs?: number;
  onProgress?: (phase: string, fraction: number) => void;
}

export interface ImportResultOutcome {
  experimentId: string;
  /** false when the same result was already imported (nothing written). */
  created: boolean;
  networks: number;
  alignments: number;
}

/** Reads each referenced array once (its bytes, stored as they are, and its checked contents). */
class ResultFiles {
  private arrays = new Map<string, ArrayValue>();
  constructor(readonly dir: string) {}

  raw(rel: string): Promise<Buffer> {
    return readFile(path.join(this.dir, rel));
  }

  async load(ref: NpyRef): Promise<void> {
    if (this.arrays.has(ref.path)) return;
    const a = await readNpy(path.join(this.dir, ref.path), { label: ref.path });
    const expected = ref.shape.join('x');
    if (a.shape.join('x') !== expected) {
      throw new Error(`${ref.path} has shape [${a.shape.join(', ')}] but manifest.json says [${ref.shape.join(', ')}]; the result directory is inconsistent`);
    }
    this.arrays.set(ref.path, { data: a.data as ArrayValue['data'], shape: a.shape, dtype: ref.dtype, bytes: await this.raw(ref.path) });
  }

  /** A loaded array. */
  readonly array = (ref: NpyRef): ArrayValue => {
    const a = this.arrays.get(ref.path);
    if (!a) throw new Error(`${ref.path} was not read`);
    return a;
  };
}

export async function importResult(prisma: PrismaClient, options: ImportResultOptions): Promise<ImportResultOutcome> {
  const dir = path.resolve(options.dir);
  const progress = options.onProgress ?? (() => {});
  progress('validating', 0);
  const manifest = await validateResultDirectory(dir);
  const manifestText = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  const hash = createHash('sha256').update(manifestText).digest('hex');

  if (!options.experimentId) {
    const existing = await prisma.experiment.findFirst({
      where: { teamId: options.teamId, specHash: hash, source: 'RESULT' },
      select: { id: true, _count: { select: { networks: true, alignments: true } } },
    });
    if (existing) {
      return { experimentId: existing.id, created: false, networks: existing._count.networks, alignments: existing._count.alignments };
    }
  } else {
    const target = await prisma.experiment.findFirst({ where: { id: options.experimentId, teamId: options.teamId }, select: { id: true } });
    if (!target) throw new Error(`experiment ${options.experimentId} does not exist for this team`);
  }

  // Read and check every array before the store's transaction opens (reading is the slow, failure-prone part).
  progress('reading', 0.1);
  const files = new ResultFiles(dir);
  const refs: NpyRef[] = [manifest.probe.images, manifest.probe.labels];
  for (const n of manifest.networks) for (const l of n.layers) refs.push(l.within);
  for (const a of manifest.alignments) refs.push(...pairArrayRefs(a));
  for (const r of refs) await files.load(r);
  const networks = [];
  for (const { layers, weights, ...n } of manifest.networks) {
    networks.push({
      ...n,
      layers: layers.map((l) => layerValues(l, files.array)),
      weights: { modelJson: await files.raw(weights.modelJson), weightsBin: await files.raw(weights.weightsBin) },
    });
  }

  progress('writing', 0.3);
  const stored = await storeResult(
    prisma,
    { teamId: options.teamId, ...(options.name !== undefined ? { name: options.name } : {}), ...(options.experimentId ? { experimentId: options.experimentId, placeholder: options.placeholder === true } : {}) },
    {
      manifest,
      hash,
      source: path.basename(dir),
      probe: { images: files.array(manifest.probe.images), labels: files.array(manifest.probe.labels) },
      networks,
      alignments: manifest.alignments.map((a) => pairValues(a, files.array)),
    },
    { ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}), onProgress: progress },
  );
  progress('done', 1);
  return { ...stored, created: true };
}
