/** A leaf module: the recorder (`record/`) and the manifest (`experiment/`) share this type. */

/** One of a unit's top probe images: where its spatial maximum is and how large. */
export interface TopImage {
  /** Row of `probe/images.npy`. */
  imageIndex: number;
  /** Position of the maximum in the layer's output grid (0, 0 for dense layers). */
  y: number;
  x: number;
  value: number;
}
