/**
 * Shortest augmenting paths (Crouse 2016, the variant scipy's `linear_sum_assignment` implements): for each free
 * row a Dijkstra search over reduced costs c − u − v to the nearest free column, then a dual update and a flip of
 * the path. Costs are c = −weight, read straight from the weight matrix (no negated copy).
 *
 * Two search kernels on the same state: `candidateSearches` scans the candidate lists with a binary heap and a
 * row's full set of columns only when needed; `denseSearches` scans every column of each scanned row (O(nc) per
 * row, the scipy way), used when the candidate lists stop paying.
 */
import type { CandidateLists } from './candidates.ts';

/** Counters of the work done, for the benchmark's evidence and for tests of the fallback. */
export interface AssignmentWork {
  /** Shortest-path searches (one per row left free by the row reduction). */
  searches: number;
  /** Rows scanned by all searches. */
  scannedRows: number;
  /** Rows whose full set of columns a candidate search had to scan. */
  expandedRows: number;
  /** Searches run by the dense kernel (after the candidate kernel handed over, or with candidates off). */
  denseSearches: number;
}

export function newWork(): AssignmentWork {
  return { searches: 0, scannedRows: 0, expandedRows: 0, denseSearches: 0 };
}

/** Binary min-heap of (key, code, rank) ordered by key, then rank; entries go stale instead of being updated. */
class SearchHeap {
  keys: Float64Array;
  codes: Int32Array;
  ranks: Uint8Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.codes = new Int32Array(capacity);
    this.ranks = new Uint8Array(capacity);
  }

  push(key: number, code: number, rank: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const codes = this.codes;
    const ranks = this.ranks;
    let pos = this.size++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && ranks[parent]! <= rank)) break;
      keys[pos] = pk;
      codes[pos] = codes[parent]!;
      ranks[pos] = ranks[parent]!;
      pos = parent;
    }
    keys[pos] = key;
    codes[pos] = code;
    ranks[pos] = rank;
  }

  /** Removes the root (read keys[0] / codes[0] first). */
  pop(): void {
    const keys = this.keys;
    const codes = this.codes;
    const ranks = this.ranks;
    const n = --this.size;
    const lastK = keys[n]!;
    const lastC = codes[n]!;
    const lastR = ranks[n]!;
    let pos = 0;
    for (;;) {
      const l = 2 * pos + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n) {
        const a = keys[l]!;
        const b = keys[r]!;
        if (b < a || (b === a && ranks[r]! < ranks[l]!)) c = r;
      }
      const ck = keys[c]!;
      if (lastK < ck || (lastK === ck && lastR <= ranks[c]!)) break;
      keys[pos] = ck;
      codes[pos] = codes[c]!;
      ranks[pos] = ranks[c]!;
      pos = c;
    }
    keys[pos] = lastK;
    codes[pos] = lastC;
    ranks[pos] = lastR;
  }

  private grow(): void {
    const cap = 2 * this.keys.length;
    const keys = new Float64Array(cap);
    keys.set(this.keys);
    const codes = new Int32Array(cap);
    codes.set(this.codes);
    const ranks = new Uint8Array(cap);
    ranks.set(this.ranks);
    this.keys = keys;
    this.codes = codes;
    this.ranks = ranks;
  }
}

// Heap ranks among equal distances: a free column first (it ends the search), then an owned column, then a row
// expansion (the most expensive step, and it may turn out unnecessary).
const FREE = 0;
const OWNED = 1;
const EXPAND = 2;

/**
 * Searches for the free rows on the candidate lists, exact on the full matrix: since v ≤ 0, every non-candidate
 * column of a row scanned at distance d lies at distance ≥ d + bound − u, so that key goes into the heap as a
 * row-expansion entry; if it comes up before the sink, the row is relaxed over all its columns. Needs (u, v) dual
 * feasible with assigned rows tight. Returns false, leaving the remaining free rows to `denseSearches`, once
 * expansions exceed a quarter of the scanned rows (a row expansion costs a dense row scan plus heap pushes).
 */
export function candidateSearches(
  w: Float64Array,
  nr: number,
  nc: number,
  cand: CandidateLists,
  u: Float64Array,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
  work: AssignmentWork,
): boolean {
  const { k, cols, costs, bound } = cand;
  const shortest = new Float64Array(nc).fill(Infinity);
  const path = new Int32Array(nc);
  const scanned = new Uint8Array(nc);
  const touched = new Int32Array(nc);
  const scannedRows = new Int32Array(nr);
  const rowDist = new Float64Array(nr);
  const heap = new SearchHeap(4 * nc + 64); // grows when a search needs more
  const sparse = k < nc;
  for (let curRow = 0; curRow < nr; curRow++) {
    if (col4row[curRow] !== -1) continue;
    if (4 * work.expandedRows > work.scannedRows + 64) return false;
    work.searches++;
    let minVal = 0;
    let nTouched = 0;
    let nScanned = 0;
    heap.size = 0;
    let i = curRow;
    let sink = -1;
    for (;;) {
      scannedRows[nScanned++] = i;
      rowDist[i] = minVal;
      const ui = u[i]!;
      for (let t = i * k, end = t + k; t < end; t++) {
        const j = cols[t]!;
        if (scanned[j]) continue;
        const r = minVal + costs[t]! - ui - v[j]!;
        const sj = shortest[j]!;
        if (r < sj) {
          if (sj === Infinity) touched[nTouched++] = j;
          shortest[j] = r;
          path[j] = i;
          heap.push(r, j, row4col[j] === -1 ? FREE : OWNED);
        }
      }
      if (sparse) heap.push(minVal + bound[i]! - ui, -1 - i, EXPAND);
      // Pop the nearest unscanned column, skipping stale entries and expanding rows whose bound comes up first.
      let j = -1;
      while (heap.size > 0) {
        const key = heap.keys[0]!;
        const code = heap.codes[0]!;
        heap.pop();
        if (code >= 0) {
          if (scanned[code] || key !== shortest[code]) continue;
          j = code;
          minVal = key;
          break;
        }
        const ri = -1 - code;
        work.expandedRows++;
        const base = ri * nc;
        const d = rowDist[ri]!;
        const uri = u[ri]!;
        for (let c = 0; c < nc; c++) {
          if (scanned[c]) continue;
          const r = d - w[base + c]! - uri - v[c]!;
          const sc = shortest[c]!;
          if (r < sc) {
            if (sc === Infinity) touched[nTouched++] = c;
            shortest[c] = r;
            path[c] = ri;
            heap.push(r, c, row4col[c] === -1 ? FREE : OWNED);
          }
        }
      }
      if (j === -1) throw new Error('maxWeightMatching: no feasible assignment (non-finite weights?)');
      scanned[j] = 1;
      if (row4col[j] === -1) {
        sink = j;
        break;
      }
      i = row4col[j]!;
    }
    work.scannedRows += nScanned;
    // Dual update over the scanned tree (only touched columns can be scanned), then flip the path.
    u[curRow]! += minVal;
    for (let s = 1; s < nScanned; s++) {
      const r = scannedRows[s]!;
      u[r]! += minVal - shortest[col4row[r]!]!;
    }
    for (let s = 0; s < nTouched; s++) {
      const c = touched[s]!;
      if (scanned[c]) v[c]! -= minVal - shortest[c]!;
      shortest[c] = Infinity;
      scanned[c] = 0;
    }
    augment(sink, curRow, path, col4row, row4col);
  }
  return true;
}

/** Searches for every still-free row, scanning all columns of each scanned row (scipy's kernel). */
export function denseSearches(
  w: Float64Array,
  nr: number,
  nc: number,
  u: Float64Array,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
  work: AssignmentWork,
): void {
  const shortest = new Float64Array(nc);
  const path = new Int32Array(nc).fill(-1);
  const scanned = new Uint8Array(nc);
  const remaining = new Int32Array(nc);
  const scannedRows = new Int32Array(nr);
  for (let curRow = 0; curRow < nr; curRow++) {
    if (col4row[curRow] !== -1) continue;
    work.searches++;
    work.denseSearches++;
    let minVal = 0;
    let numRemaining = nc;
    for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    shortest.fill(Infinity);
    let nScanned = 0;
    let i = curRow;
    let sink = -1;
    while (sink === -1) {
      scannedRows[nScanned++] = i;
      let index = -1;
      let lowest = Infinity;
      const base = i * nc;
      const ui = u[i]!;
      for (let it = 0; it < numRemaining; it++) {
        const j = remaining[it]!;
        const r = minVal - w[base + j]! - ui - v[j]!;
        let sj = shortest[j]!;
        if (r < sj) {
          path[j] = i;
          shortest[j] = r;
          sj = r;
        }
        // Prefer a free column among equals: it ends the search sooner.
        if (sj < lowest || (sj === lowest && row4col[j] === -1)) {
          lowest = sj;
          index = it;
        }
      }
      minVal = lowest;
      if (index === -1 || minVal === Infinity) throw new Error('maxWeightMatching: no feasible assignment (non-finite weights?)');
      const j = remaining[index]!;
      if (row4col[j] === -1) sink = j;
      else i = row4col[j]!;
      scanned[j] = 1;
      remaining[index] = remaining[--numRemaining]!;
    }
    work.scannedRows += nScanned;
    u[curRow]! += minVal;
    for (let k = 1; k < nScanned; k++) {
      const r = scannedRows[k]!;
      u[r]! += minVal - shortest[col4row[r]!]!;
    }
    for (let j = 0; j < nc; j++) {
      if (scanned[j]) {
        v[j]! -= minVal - shortest[j]!;
        scanned[j] = 0;
      }
    }
    augment(sink, curRow, path, col4row, row4col);
  }
}

/** Flip the alternating path that ends at the free column `sink` back to `root`. */
function augment(sink: number, root: number, path: Int32Array, col4row: Int32Array, row4col: Int32Array): void {
  let j = sink;
  for (;;) {
    const r = path[j]!;
    row4col[j] = r;
    const prev = col4row[r]!;
    col4row[r] = j;
    j = prev;
    if (r === root) break;
  }
}
