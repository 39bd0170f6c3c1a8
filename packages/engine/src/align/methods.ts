/**
 * The one list of per-pair alignment measures an experiment stores (issue 16): the spec's method name, the GraphQL /
 * database enum name (`AlignmentMethod`), which way "more alike" goes, the LayerSummary figure key its statistics
 * are stored under, and the key of its headline figure in a stored Alignment's summary JSON. The CLI, the job
 * pipeline and the API mapping read this list instead of keeping their own. Pure data: no tfjs import.
 *
 * Family-level checks (`consensus`, `stitch`) are not per-pair measures and are not listed here.
 */
export interface PairMeasure {
  /** Spec / CLI method name (experiment-spec.ts METHODS). */
  method: 'semi' | 'max' | 'mi' | 'cka' | 'sparse' | 'spectral' | 'svcca' | 'pwcca' | 'procrustes' | 'knn';
  /** GraphQL and Prisma enum names this method's Alignment rows carry (MI stores two: MI and MI_SEMI). */
  enums: readonly GraphqlMethod[];
  /** "higher": larger is more alike; "lower": a distance (Procrustes) or a loss (sparse FVU). */
  direction: 'higher' | 'lower';
}

export const GRAPHQL_METHODS = ['SEMI', 'HUNGARIAN', 'MI', 'MI_SEMI', 'SPARSE', 'SPECTRAL', 'CKA', 'SVCCA', 'PWCCA', 'PROCRUSTES', 'KNN'] as const;
export type GraphqlMethod = (typeof GRAPHQL_METHODS)[number];

export interface GraphqlMethodInfo {
  /** LayerSummary figure key of the headline (`@` = a parameterised key, e.g. `sparseFvu@0.1`). */
  figure: string;
  /** Key of the headline figure in Alignment.summary JSON. */
  headline: string;
  direction: 'higher' | 'lower';
}

/** Per GraphQL enum name: the statistics figure key, the summary headline key and the direction. */
export const GRAPHQL_METHOD_INFO: Record<GraphqlMethod, GraphqlMethodInfo> = {
  SEMI: { figure: 'semi', headline: 'meanCorr', direction: 'higher' },
  HUNGARIAN: { figure: 'max', headline: 'meanCorr', direction: 'higher' },
  MI: { figure: 'miMax', headline: 'meanMI', direction: 'higher' },
  MI_SEMI: { figure: 'miSemi', headline: 'meanMI', direction: 'higher' },
  CKA: { figure: 'cka', headline: 'ckaLinear', direction: 'higher' },
  SPARSE: { figure: 'sparseFvu@', headline: 'varianceExplained', direction: 'higher' },
  SPECTRAL: { figure: 'spectralMixing@', headline: 'clusterMixing', direction: 'higher' },
  // issue 16: SVCCA mean canonical correlation, PWCCA projection-weighted mean, Procrustes distance in [0, 2]
  // (lower is more alike), mutual kNN mean share of shared neighbours.
  SVCCA: { figure: 'svcca', headline: 'svcca', direction: 'higher' },
  PWCCA: { figure: 'pwcca', headline: 'pwcca', direction: 'higher' },
  PROCRUSTES: { figure: 'procrustes', headline: 'procrustesDistance', direction: 'lower' },
  KNN: { figure: 'knn', headline: 'knnScore', direction: 'higher' },
};

/** The measures issue 16 added (figures only: no unit matches), in the order tables and the API list them. */
export const NEWER_MEASURES: readonly GraphqlMethod[] = ['SVCCA', 'PWCCA', 'PROCRUSTES', 'KNN'];
/** Their LayerSummary figure keys: `svcca`, `pwcca`, `procrustes`, `knn`. */
export const NEWER_MEASURE_FIGURES: readonly string[] = NEWER_MEASURES.map((m) => GRAPHQL_METHOD_INFO[m].figure);

export const PAIR_MEASURES: readonly PairMeasure[] = [
  { method: 'semi', enums: ['SEMI'], direction: 'higher' },
  { method: 'max', enums: ['HUNGARIAN'], direction: 'higher' },
  { method: 'mi', enums: ['MI', 'MI_SEMI'], direction: 'higher' },
  { method: 'cka', enums: ['CKA'], direction: 'higher' },
  { method: 'sparse', enums: ['SPARSE'], direction: 'lower' },
  { method: 'spectral', enums: ['SPECTRAL'], direction: 'higher' },
  { method: 'svcca', enums: ['SVCCA'], direction: 'higher' },
  { method: 'pwcca', enums: ['PWCCA'], direction: 'higher' },
  { method: 'procrustes', enums: ['PROCRUSTES'], direction: 'lower' },
  { method: 'knn', enums: ['KNN'], direction: 'higher' },
];

/** The GraphQL enum names of the spec methods `methods` (per-pair measures only, in registry order). */
export function graphqlMethodsOf(methods: readonly string[]): GraphqlMethod[] {
  return PAIR_MEASURES.filter((m) => methods.includes(m.method)).flatMap((m) => m.enums);
}
