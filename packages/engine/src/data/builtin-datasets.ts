/** The built-in datasets by name (no Node imports: the spec validator, and through the API the dashboard, use it). */
export const BUILTIN_DATASETS = ['mnist', 'fashion-mnist'] as const;
export type BuiltinDataset = (typeof BUILTIN_DATASETS)[number];
