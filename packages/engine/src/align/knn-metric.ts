/** Mutual kNN settings shared by the measure, the experiment spec and the CLI (no tfjs import, so specs validate cheaply). */
export const KNN_METRICS = ['euclidean', 'cosine'] as const;
export type KnnMetric = (typeof KNN_METRICS)[number];
export const DEFAULT_KNN_K = 10;
