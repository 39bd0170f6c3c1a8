// Alignments are stored once per unordered pair (networkA, networkB as the writer chose). A caller may ask for
// either order; a `flipped` row answers as if A and B were swapped. These helpers hide the swap.
import type { AlignmentRow } from './models.ts';

export const sideA = (a: AlignmentRow): string => (a.flipped ? a.networkBId : a.networkAId);
export const sideB = (a: AlignmentRow): string => (a.flipped ? a.networkAId : a.networkBId);

export function oriented(row: AlignmentRow, firstNetworkId: string): AlignmentRow {
  const flipped = row.networkBId === firstNetworkId && row.networkAId !== firstNetworkId;
  return flipped ? { ...row, flipped: true } : row;
}
