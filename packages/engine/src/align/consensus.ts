/**
 * Consensus across N networks: which units of a reference network are matched consistently in every other network of
 * the family. Pairwise one-to-one matchings π_XY (max-weight matching on correlation, hungarian.ts) are given for every
 * pair; a set S of networks agrees on a reference unit u when the units m_X = π_RX(u) (X ∈ S) are matched to one
 * another by every pairwise matching: π_XY(m_X) = m_Y for all X, Y ∈ S, i.e. every cycle R → X → Y → R returns to u.
 *
 * Per reference unit: `found` = the size of the largest agreeing set including the reference (1 … N; a maximum clique
 * of the "agrees with" graph over the other networks, exact by branch and bound). A unit is a consensus unit when
 * found = N. Dead units (on either end of a match) never agree. Since matchings are one-to-one, the consensus units
 * form groups of one unit per network, so their number does not depend on which network is the reference; only the
 * fraction does (it is over the reference's live units).
 */

export interface ConsensusInput {
  /** Units per network. */
  units: number[];
  /** Dead flags per network (1 = dead); absent = all live. */
  dead?: Uint8Array[];
  /** `match(x, y)` for x < y: Int32Array of length units[x], the unit of y matched to each unit of x, −1 if none. */
  match: (x: number, y: number) => Int32Array;
  /** Index of the reference network (default 0). */
  reference?: number;
}

export interface ConsensusResult {
  reference: number;
  networks: number;
  /** Live units of the reference. */
  liveUnits: number;
  /** Per reference unit: networks it is found in, the reference included (0 for a dead reference unit). */
  found: Int32Array;
  /** Consensus groups (found = N): for each, the unit index in every network (in network order). */
  groups: Int32Array[];
  /** Consensus units (groups.length). */
  count: number;
  /** count / liveUnits (0 when the reference has no live unit). */
  fraction: number;
}

/** Size of a maximum clique of an undirected graph given by adjacency sets (n small: a few dozen). */
export function maxCliqueSize(adjacent: boolean[][]): number {
  const n = adjacent.length;
  let best = 0;
  // Branch and bound over candidates in order; bound = current size + remaining candidates.
  const grow = (size: number, candidates: number[]): void => {
    if (candidates.length === 0) {
      if (size > best) best = size;
      return;
    }
    for (let i = 0; i < candidates.length; i++) {
      if (size + candidates.length - i <= best) return;
      const v = candidates[i]!;
      grow(size + 1, candidates.slice(i + 1).filter((w) => adjacent[v]![w]));
    }
    if (size > best) best = size;
  };
  grow(0, Array.from({ length: n }, (_, i) => i));
  return best;
}

/** Consensus of a family from its pairwise matchings; see the file comment. */
export function consensus(input: ConsensusInput): ConsensusResult {
  const { units } = input;
  const N = units.length;
  const R = input.reference ?? 0;
  if (N < 2) throw new Error(`consensus needs at least 2 networks, got ${N}`);
  if (!Number.isInteger(R) || R < 0 || R >= N) throw new Error(`consensus reference ${R} is not a network index 0..${N - 1}`);
  // Full matchings both ways: pi[x][y][u] = unit of y matched to unit u of x.
  const pi: Int32Array[][] = Array.from({ length: N }, () => new Array<Int32Array>(N));
  for (let x = 0; x < N; x++) {
    for (let y = x + 1; y < N; y++) {
      const m = input.match(x, y);
      if (m.length !== units[x]) throw new Error(`consensus: match(${x}, ${y}) has ${m.length} entries for ${units[x]} units`);
      const back = new Int32Array(units[y]!).fill(-1);
      m.forEach((v, u) => {
        if (v < -1 || v >= units[y]!) throw new Error(`consensus: match(${x}, ${y})[${u}] = ${v} is not a unit of network ${y}`);
        if (v >= 0) {
          if (back[v] !== -1) throw new Error(`consensus: match(${x}, ${y}) maps two units to unit ${v}; matchings must be one-to-one`);
          back[v] = u;
        }
      });
      pi[x]![y] = m;
      pi[y]![x] = back;
    }
  }
  const dead = (x: number, u: number) => input.dead?.[x]?.[u] === 1;
  const others = Array.from({ length: N }, (_, i) => i).filter((x) => x !== R);
  const found = new Int32Array(units[R]!);
  const groups: Int32Array[] = [];
  let live = 0;
  for (let u = 0; u < units[R]!; u++) {
    if (dead(R, u)) continue;
    live++;
    // Networks whose match of u exists and is live.
    const avail = others.filter((x) => {
      const v = pi[R]![x]![u]!;
      return v >= 0 && !dead(x, v);
    });
    const at = (x: number) => pi[R]![x]![u]!;
    const adjacent = avail.map((x) => avail.map((y) => x !== y && pi[x]![y]![at(x)] === at(y)));
    found[u] = 1 + maxCliqueSize(adjacent);
    if (found[u] === N) {
      const g = new Int32Array(N);
      g[R] = u;
      for (const x of others) g[x] = at(x);
      groups.push(g);
    }
  }
  return { reference: R, networks: N, liveUnits: live, found, groups, count: groups.length, fraction: live > 0 ? groups.length / live : 0 };
}
