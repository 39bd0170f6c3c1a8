/**
 * What the store is given: a result's records with their arrays as values. The engine's manifest records
 * (`experiment/manifest.ts`) name their arrays by `.npy` path (`NpyRef`); the store's versions hold the arrays
 * themselves (`ArrayValue`), so an importer that read a directory and a job that computed the arrays in memory hand
 * the store the same thing, and the store never reads files.
 */
import { encodeNpy, type NpyTypedArray } from '@convergent/engine/files';
import type { NetworkLayerRecord, NetworkRecord, NpyRef, PairAlignment } from '@convergent/engine/contracts';

/** An array (row-major) with its shape, and its `.npy` encoding when the caller already has it (a file it read). */
export interface ArrayValue {
  data: Float32Array | Int32Array | Uint8Array;
  shape: number[];
  dtype: NpyRef['dtype'];
  /** The `.npy` bytes of this array; encoded from `data` when absent. */
  bytes?: Uint8Array;
}

/** A manifest record with every `.npy` reference replaced by its array. */
export type WithArrays<T> = T extends NpyRef
  ? ArrayValue
  : T extends readonly (infer U)[]
    ? WithArrays<U>[]
    : T extends object
      ? { [K in keyof T]: WithArrays<T[K]> }
      : T;

/** One aligned pair at one layer (every method the spec asked for), arrays included. */
export type PairValues = WithArrays<PairAlignment>;

/** One recorded layer of one network: unit statistics and the within-network correlation (the optional activation dump is not stored). */
export type LayerValues = Omit<WithArrays<NetworkLayerRecord>, 'activations'>;

/** A network of a result: its record (figures, layers) and its tfjs weights. */
export interface NetworkValues extends Omit<NetworkRecord, 'layers' | 'weights'> {
  layers: LayerValues[];
  weights: { modelJson: Uint8Array; weightsBin: Uint8Array };
}

/** The `.npy` bytes of an array value. */
export function npyBytes(v: ArrayValue): Uint8Array {
  if (v.bytes) return v.bytes;
  return Buffer.concat(encodeNpy(v.data as NpyTypedArray, v.shape));
}

/** A layer record with its arrays looked up by `array`. */
export function layerValues(l: NetworkLayerRecord, array: (ref: NpyRef) => ArrayValue): LayerValues {
  const { activations: _dump, ...rest } = l;
  return { ...rest, within: array(l.within) };
}

/** A pair record with its arrays looked up by `array`. */
export function pairValues(a: PairAlignment, array: (ref: NpyRef) => ArrayValue): PairValues {
  const { correlation, semi, max, mi, sparse, ...rest } = a;
  return {
    ...rest,
    correlation: array(correlation),
    ...(semi ? { semi: { ...semi, matchA: array(semi.matchA), matchB: array(semi.matchB) } } : {}),
    ...(max ? { max: { ...max, match: array(max.match) } } : {}),
    ...(mi ? { mi: { ...mi, matrix: array(mi.matrix), matchA: array(mi.matchA), matchMax: array(mi.matchMax) } } : {}),
    ...(sparse ? { sparse: { ...sparse, weights: array(sparse.weights) } } : {}),
  };
}

/**
 * The arrays an engine `NpyWriter` (writeLayerStats, writePair) is given, kept as values: a job passes `writer` to
 * the engine and reads the arrays back with `array` when it turns the engine's records into the store's.
 */
export function arrayCollector(): {
  writer: (rel: string, data: Float32Array | Int32Array | Uint8Array, shape: number[], dtype: NpyRef['dtype']) => Promise<NpyRef>;
  array: (ref: NpyRef) => ArrayValue;
} {
  const arrays = new Map<string, ArrayValue>();
  return {
    writer: async (rel, data, shape, dtype) => {
      arrays.set(rel, { data, shape, dtype });
      return { path: rel, dtype, shape };
    },
    array: (ref) => {
      const a = arrays.get(ref.path);
      if (!a) throw new Error(`no array ${ref.path} was computed`);
      return a;
    },
  };
}
