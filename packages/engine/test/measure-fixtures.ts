/** The numpy cross-check fixture of the representation-similarity measures (test/fixtures/make_measures.py). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MeasureCase {
  name: string;
  n: number;
  p: number;
  q: number;
  a: number[];
  b: number[];
  svcca: number;
  svccaKeptA: number;
  svccaKeptB: number;
  pwcca: number;
  ccaMean: number;
  procrustes: number;
  procrustesAngular: number;
  /** Scores, and images whose k-th and (k+1)-th neighbours tie (their lists depend on rounding) per metric. */
  knn: { k: number; euclidean: number; cosine: number; tiesEuclidean: number; tiesCosine: number };
}

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/measures_numpy.json');
export const measureCases: MeasureCase[] = (JSON.parse(readFileSync(file, 'utf8')) as { cases: MeasureCase[] }).cases;
