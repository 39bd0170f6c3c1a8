/**
 * The unit page's "best match in every other network": join the correlation-based (max matching)
 * and MI-based best matches by network, so each other network is one row.
 */

export interface MatchByNetwork<U> {
  networkId: string;
  max: U | null;
  mi: { unitIndex: number | null; mutualInformation: number | null } | null;
}

export function joinBestMatches<U extends { network: { id: string } }>(
  max: readonly U[],
  mi: readonly { network: { id: string }; unit?: { index: number } | null; mutualInformation?: number | null }[],
): MatchByNetwork<U>[] {
  const rows = new Map<string, MatchByNetwork<U>>();
  for (const m of max) rows.set(m.network.id, { networkId: m.network.id, max: m, mi: null });
  for (const m of mi) {
    const row = rows.get(m.network.id) ?? { networkId: m.network.id, max: null, mi: null };
    row.mi = { unitIndex: m.unit?.index ?? null, mutualInformation: m.mutualInformation ?? null };
    rows.set(m.network.id, row);
  }
  return [...rows.values()];
}
