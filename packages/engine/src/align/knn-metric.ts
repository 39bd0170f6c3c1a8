/** Mutual kNN settings shared by the measure, the experiment spec and the CLI (no tfjs import, so specs validate cheaply). */
export type KnnMetric = 'euclidean' | 'cosine';
export const KNN_METRICS: readonly KnnMetric[] = ['euclidean', 'cosine'];
export const DEFAULT_KNN_K = 10;
