/**
 * Mutual-information matching (methods.md). Each unit is binned on its own: bin 0 holds exact zeros (ReLU off),
 * the non-zero values are split into `bins` percentile bins (equal counts; tied values share a bin, so some bins can
 * stay empty). Per unit pair the plug-in MI of the joint histogram, in bits, minus the Miller–Madow-style bias
 * `(Bx − 1)(By − 1) / (2 N ln 2)` with Bx, By the non-empty bins. Matching then reuses the semi / max procedures on
 * the MI matrix.
 *
 * MI needs paired raw rows, not moments: on large N it runs on a seeded reservoir sample of rows
 * (`RowReservoir`, default `DEFAULT_MI_SAMPLE_ROWS`).
 *
 * Speed: bin codes are computed once per unit (Uint8Array, unit-major, A's pre-shifted by 4 bits so a joint cell is
 * `a | b`); the pair loop only counts into a small reused Int32Array, and MI comes from a c·log2(c) table:
 * MI = (Σ c log c − Σ ca log ca − Σ cb log cb + N log N) / N.
 */
import { maxWeightMatching } from './hungarian.ts';
import { checkScoreMatrix, semiMatching, type SemiMatching } from './semi-matching.ts';

/** Rows sampled for MI when N is larger (seeded reservoir). */
export const DEFAULT_MI_SAMPLE_ROWS = 8192;
export const DEFAULT_MI_BINS = 8;
const MAX_BINS = 15; // bin codes must fit 4 bits (zero bin + 15)

export interface MiOptions {
  /** Percentile bins for non-zero values (plus the zero bin); 1..15, default 8. */
  bins?: number;
}

interface UnitCodes {
  /** units x rows, unit-major; values `bin << shift`. */
  codes: Uint8Array;
  /** units x 16 marginal counts. */
  marginals: Int32Array;
  /** Non-empty bins per unit. */
  used: Int32Array;
}

function binUnits(sample: Float32Array | Float64Array, rows: number, width: number, bins: number, shift: number, side: string): UnitCodes {
  const codes = new Uint8Array(width * rows);
  const marginals = new Int32Array(width * 16);
  const used = new Int32Array(width);
  const values = new Float64Array(rows);
  const edges = new Float64Array(bins);
  for (let u = 0; u < width; u++) {
    let m = 0;
    for (let r = 0; r < rows; r++) {
      const v = sample[r * width + u]!;
      if (!Number.isFinite(v)) throw new Error(`mutual information: unit ${u} of ${side} has a non-finite value (${v}) in row ${r}`);
      if (v !== 0) values[m++] = v;
    }
    const sorted = values.subarray(0, m).sort();
    // Edges at the 1/bins, 2/bins, ... quantiles of the non-zero values; a value equal to an edge goes up.
    const nEdges = m > 0 ? bins - 1 : 0;
    for (let k = 1; k <= nEdges; k++) edges[k - 1] = sorted[Math.floor((k * m) / bins)]!;
    const base = u * rows;
    for (let r = 0; r < rows; r++) {
      const v = sample[r * width + u]!;
      let bin = 0;
      if (v !== 0) {
        // Binary search: count of edges <= v.
        let lo = 0;
        let hi = nEdges;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (edges[mid]! <= v) lo = mid + 1;
          else hi = mid;
        }
        bin = 1 + lo;
      }
      codes[base + r] = bin << shift;
      marginals[u * 16 + bin]!++;
    }
    let nonEmpty = 0;
    for (let b = 0; b < 16; b++) if (marginals[u * 16 + b]! > 0) nonEmpty++;
    used[u] = nonEmpty;
  }
  return { codes, marginals, used };
}

/**
 * MI (bits, bias-corrected) between every unit of A and every unit of B, from paired row samples
 * (row-major rows x p and rows x q). Returns p x q row-major.
 */
export function mutualInformationMatrix(
  sampleA: Float32Array | Float64Array,
  sampleB: Float32Array | Float64Array,
  rows: number,
  p: number,
  q: number,
  options: MiOptions = {},
): Float64Array {
  const bins = options.bins ?? DEFAULT_MI_BINS;
  if (!Number.isInteger(bins) || bins < 1 || bins > MAX_BINS) throw new Error(`mutual information: bins must be an integer in 1..${MAX_BINS}, got ${bins}`);
  if (!Number.isInteger(rows) || rows < 2) throw new Error(`mutual information needs at least 2 sampled rows, got ${rows}`);
  if (sampleA.length !== rows * p) throw new Error(`mutual information: sample A holds ${sampleA.length} values, expected ${rows} x ${p}`);
  if (sampleB.length !== rows * q) throw new Error(`mutual information: sample B holds ${sampleB.length} values, expected ${rows} x ${q}`);
  const A = binUnits(sampleA, rows, p, bins, 4, 'A');
  const B = binUnits(sampleB, rows, q, bins, 0, 'B');
  const n = rows;
  const clogc = new Float64Array(n + 1);
  for (let c = 1; c <= n; c++) clogc[c] = c * Math.log2(c);
  const margTerm = (m: UnitCodes, u: number) => {
    let s = 0;
    for (let b = 0; b < 16; b++) s += clogc[m.marginals[u * 16 + b]!]!;
    return s;
  };
  const termA = Float64Array.from({ length: p }, (_, u) => margTerm(A, u));
  const termB = Float64Array.from({ length: q }, (_, u) => margTerm(B, u));
  const nlogn = clogc[n]!;
  const biasScale = 1 / (2 * n * Math.LN2);
  const out = new Float64Array(p * q);
  // Four B units per sweep over the rows: A's codes are read once per 4 pairs and the four counters are independent.
  const counts = new Int32Array(4 * 256);
  const ac = A.codes;
  const bc = B.codes;
  for (let i = 0; i < p; i++) {
    const ai = i * n;
    if (A.used[i] === 1) continue; // one bin: MI is exactly 0 (and so is the bias term)
    for (let j0 = 0; j0 < q; j0 += 4) {
      const width = Math.min(4, q - j0);
      counts.fill(0);
      if (width === 4) {
        const b0 = j0 * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
        for (let r = 0; r < n; r++) {
          const a = ac[ai + r]!;
          counts[a | bc[b0 + r]!]!++;
          counts[256 | a | bc[b1 + r]!]!++;
          counts[512 | a | bc[b2 + r]!]!++;
          counts[768 | a | bc[b3 + r]!]!++;
        }
      } else {
        for (let k = 0; k < width; k++) {
          const bk = (j0 + k) * n;
          const off = k * 256;
          for (let r = 0; r < n; r++) counts[off | ac[ai + r]! | bc[bk + r]!]!++;
        }
      }
      for (let k = 0; k < width; k++) {
        const j = j0 + k;
        let joint = 0;
        const off = k * 256;
        // Only cells whose A bin and B bin can be non-empty: (bins + 1)² of the 256.
        for (let a = 0; a <= bins; a++) {
          const row = off | (a << 4);
          for (let b = 0; b <= bins; b++) joint += clogc[counts[row | b]!]!;
        }
        const plugIn = (joint - termA[i]! - termB[j]! + nlogn) / n;
        const bias = (A.used[i]! - 1) * (B.used[j]! - 1) * biasScale;
        out[i * q + j] = plugIn - bias;
      }
    }
  }
  return out;
}

export interface MiMatching {
  /** Max-weight matching on MI: match[i] = unit of B, or -1 when A has more units. */
  match: Int32Array;
  /** mi[i] = MI of unit i with its match (bits); NaN where unmatched. */
  mi: Float64Array;
  /** Mean MI over matched units. */
  meanMI: number;
  /** Semi-matching on MI (each unit's highest-MI partner, both ways). */
  semi: SemiMatching;
  /** The full p x q MI matrix (bits). */
  matrix: Float64Array;
}

/** MI matrix, then semi- and max-weight matching on it. */
export function miMatching(
  sampleA: Float32Array | Float64Array,
  sampleB: Float32Array | Float64Array,
  rows: number,
  p: number,
  q: number,
  options: MiOptions = {},
): MiMatching {
  const matrix = mutualInformationMatrix(sampleA, sampleB, rows, p, q, options);
  return miMatchingFromMatrix(matrix, p, q);
}

export function miMatchingFromMatrix(matrix: Float64Array, p: number, q: number): MiMatching {
  checkScoreMatrix('miMatching', matrix, p, q);
  const { match } = maxWeightMatching(matrix, p, q);
  const mi = new Float64Array(p).fill(NaN);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < p; i++) {
    const j = match[i]!;
    if (j < 0) continue;
    mi[i] = matrix[i * q + j]!;
    sum += mi[i]!;
    count++;
  }
  return { match, mi, meanMI: sum / count, semi: semiMatching(matrix, p, q), matrix };
}
