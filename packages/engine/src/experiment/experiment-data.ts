/**
 * The data of an experiment: a dataset loaded by name and split with the spec's seed into train,
 * validation and probe image sets (each a compact copy, indices ascending within a part).
 */
import { type Dataset, splitDataset } from '../data/dataset.ts';
import { seededPermutation } from '../random/seeded-random.ts';
import { type DatasetSource, loadDataset } from '../data/load-dataset.ts';
import type { ImageSet } from '../train/image-set.ts';
import type { ResolvedExperimentSpec } from './experiment-spec.ts';

/** Data of an experiment after the seeded split. */
export interface ExperimentData {
  name: string;
  train: ImageSet;
  validation: ImageSet;
  probe: ImageSet;
  classNames?: string[];
}

/** Class names of the built-in datasets (index = label). */
export const CLASS_NAMES: Record<string, string[]> = {
  'fashion-mnist': ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  mnist: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
};

function subset(ds: Dataset, indices: Uint32Array): ImageSet {
  const size = ds.height * ds.width * ds.channels;
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i]! * size;
    images.set(ds.images.subarray(src, src + size), i * size);
    labels[i] = ds.labels[indices[i]!]!;
  }
  return { images, labels, count: indices.length, shape: [ds.height, ds.width, ds.channels], classes: ds.classes };
}

/**
 * A seeded random subset of `limit` training images (the split's train part is sorted by index, and
 * built-in datasets are stored class by class, so "the first N" would be class-biased).
 */
export function limitTraining(train: ImageSet, limit: number | undefined, seed: number): ImageSet {
  if (limit === undefined || limit >= train.count) return train;
  const pick = seededPermutation(train.count, (seed ^ 0x7a11) >>> 0).slice(0, limit).sort();
  const size = train.shape[0] * train.shape[1] * train.shape[2];
  const images = new Uint8Array(limit * size);
  const labels = new Uint8Array(limit);
  pick.forEach((src, i) => {
    images.set(train.images.subarray(src * size, (src + 1) * size), i * size);
    labels[i] = train.labels[src]!;
  });
  return { ...train, images, labels, count: limit };
}

/** Load `spec.dataset` (built-in name; cached after the first load) and split it with `spec.split`. */
export async function loadExperimentData(spec: Pick<ResolvedExperimentSpec, 'dataset' | 'split'>, options: { cacheDir?: string } = {}): Promise<ExperimentData> {
  const ds = await loadDataset(spec.dataset as DatasetSource, options.cacheDir ? { cacheDir: options.cacheDir } : {});
  const { validation, probe } = spec.split;
  if (validation + probe >= ds.n) {
    throw new Error(`dataset ${ds.name} has ${ds.n} images: split.validation ${validation} + split.probe ${probe} leave none to train on; lower them`);
  }
  const split = splitDataset(ds, { seed: spec.split.seed, validation: spec.split.validation, probe: spec.split.probe });
  const classNames = typeof spec.dataset === 'string' ? CLASS_NAMES[spec.dataset] : undefined;
  return {
    name: ds.name,
    train: subset(ds, split.train),
    validation: subset(ds, split.validation),
    probe: subset(ds, split.probe),
    ...(classNames && classNames.length === ds.classes ? { classNames } : {}),
  };
}
