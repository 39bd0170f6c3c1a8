/**
 * What the store is given: a result's records with their arrays as values. The engine's manifest records
 * (`experiment/manifest.ts`) name their arrays by `.npy` path (`NpyRef`); the store's versions hold the arrays
 * themselves (the engine's `WithArrays`), as the engine's steps answer them (`layerRecordValues`,
 * `pairAlignmentValues`), so an importer that read a directory and a job that computed the arrays hand the store the
 * same thing, and the store never reads files.
 */
import { encodeNpy, type NpyTypedArray } from '@convergent/engine/files';
import type { ArrayValue as EngineArrayValue, NetworkLayerRecord, NetworkRecord, NpyRef, PairAlignment, WithArrays } from '@convergent/engine/contracts';

/** An array (row-major) with its shape, and its `.npy` encoding when the caller already has it (a file it read). */
export interface ArrayValue extends EngineArrayValue {
  /** The `.npy` bytes of this array; encoded from `data` when absent. */
  bytes?: Uint8Array;
}

/** One aligned pair at one layer (every method the spec asked for), arrays included. */
export type PairValues = WithArrays<PairAlignment, ArrayValue>;

/** One recorded layer of one network: unit statistics and the within-network correlation (the optional activation dump is not stored). */
export type LayerValues = Omit<WithArrays<NetworkLayerRecord, ArrayValue>, 'activations'>;

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
