/**
 * Where on a probe image a unit's maximum activation lies: the (y, x) cell of the layer's spatial
 * grid (shape [H, W, C], channels last) as percentages of the image, for an overlay box. Returns null
 * for dense layers ([units]: no grid), for a legacy layer whose shape is unknown ([]), or when the
 * position is missing or outside the grid.
 */
export function patchBox(
  y: number | null | undefined,
  x: number | null | undefined,
  shape: readonly number[],
): { left: number; top: number; width: number; height: number } | null {
  if (y === null || y === undefined || x === null || x === undefined || shape.length < 3) return null;
  const h = shape[0]!;
  const w = shape[1]!;
  if (!(h > 0 && w > 0) || y < 0 || x < 0 || y >= h || x >= w) return null;
  return { left: (x / w) * 100, top: (y / h) * 100, width: 100 / w, height: 100 / h };
}
