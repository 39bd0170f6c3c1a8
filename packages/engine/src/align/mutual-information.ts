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
 * Speed: bin codes are computed once per unit (Uint8Array, unit-major); B's units are packed two per byte so one
 * increment into a small reused Int32Array counts two unit pairs; MI comes from a c·log2(c) table:
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
  // B's units go in pairs: one byte per row holds both codes (b1·nb + b2), so one increment into an nb³ table
  // counts two unit pairs at once; the two nb x nb joint tables are its marginals. Four such pairs (eight units
  // of B) share each sweep over A's codes.
  const nb = bins + 1;
  const T = nb * nb * nb;
  const pairs = Math.ceil(q / 2);
  const pairCodes = new Uint8Array(pairs * n);
  for (let t = 0; t < pairs; t++) {
    const j1 = 2 * t;
    const j2 = j1 + 1;
    const base = t * n;
    for (let r = 0; r < n; r++) {
      const b1 = B.codes[j1 * n + r]!;
      const b2 = j2 < q ? B.codes[j2 * n + r]! : 0;
      pairCodes[base + r] = b1 * nb + b2;
    }
  }
  const aOff = new Uint16Array(n);
  const counts = new Int32Array(4 * T);
  const joint1 = new Int32Array(nb * nb);
  const joint2 = new Int32Array(nb * nb);
  const finish = (i: number, j: number, joint: Int32Array): void => {
    let sum = 0;
    for (let c = 0; c < joint.length; c++) sum += clogc[joint[c]!]!;
    const plugIn = (sum - termA[i]! - termB[j]! + nlogn) / n;
    out[i * q + j] = plugIn - (A.used[i]! - 1) * (B.used[j]! - 1) * biasScale;
  };
  for (let i = 0; i < p; i++) {
    if (A.used[i] === 1) continue; // one bin: MI is exactly 0 (and so is the bias term)
    const ai = i * n;
    for (let r = 0; r < n; r++) aOff[r] = (A.codes[ai + r]! >> 4) * nb * nb;
    for (let t0 = 0; t0 < pairs; t0 += 4) {
      const group = Math.min(4, pairs - t0);
      counts.fill(0, 0, group * T);
      if (group === 4) {
        const c0 = t0 * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        for (let r = 0; r < n; r++) {
          const a = aOff[r]!;
          counts[a + pairCodes[c0 + r]!]!++;
          counts[T + a + pairCodes[c1 + r]!]!++;
          counts[2 * T + a + pairCodes[c2 + r]!]!++;
          counts[3 * T + a + pairCodes[c3 + r]!]!++;
        }
      } else {
        for (let k = 0; k < group; k++) {
          const ck = (t0 + k) * n;
          const off = k * T;
          for (let r = 0; r < n; r++) counts[off + aOff[r]! + pairCodes[ck + r]!]!++;
        }
      }
      for (let k = 0; k < group; k++) {
        joint1.fill(0);
        joint2.fill(0);
        const off = k * T;
        for (let a = 0; a < nb; a++) {
          for (let b1 = 0; b1 < nb; b1++) {
            const cell = off + (a * nb + b1) * nb;
            let row = 0;
            for (let b2 = 0; b2 < nb; b2++) {
              const c = counts[cell + b2]!;
              row += c;
              joint2[a * nb + b2]! += c;
            }
            joint1[a * nb + b1] = row;
          }
        }
        const j1 = 2 * (t0 + k);
        finish(i, j1, joint1);
        if (j1 + 1 < q) finish(i, j1 + 1, joint2);
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
