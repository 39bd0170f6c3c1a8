/**
 * The one list of per-pair alignment measures (issues 14, 16): the method name every part uses (experiment specs,
 * `convergent align --method`, the pipeline, the result manifest), the GraphQL / database enum names
 * (`AlignmentMethod`) its stored rows carry, which way "more alike" goes, which statistics it reads, the LayerSummary
 * figure key its statistics are stored under, and the key of its headline figure in a stored Alignment's summary
 * JSON. The alignment core (`align-pair.ts`, `align-files.ts`), the CLI, the job pipeline and the API mapping read
 * this list instead of keeping their own. Pure data: no tfjs import.
 *
 * Family-level checks (`consensus`, `stitch`) are not per-pair measures and are not listed here.
 */
export type PairMethod = 'semi' | 'max' | 'mi' | 'cka' | 'sparse' | 'spectral' | 'svcca' | 'pwcca' | 'procrustes' | 'knn';

export interface PairMeasure {
  /** The method's one name (spec, CLI, pipeline, manifest; experiment-spec.ts METHODS). */
  method: PairMethod;
  /**
   * Older spellings `convergent align --method` still accepts (the CLI called max-weight matching `hungarian`, as the
   * GraphQL / database enum still does); `resolveMethodName` maps them here, nowhere else.
   */
  aliases?: readonly string[];
  /** GraphQL and Prisma enum names this method's Alignment rows carry (MI stores two: MI and MI_SEMI). */
  enums: readonly GraphqlMethod[];
  /** "higher": larger is more alike; "lower": a distance (Procrustes) or a loss (sparse FVU). */
  direction: 'higher' | 'lower';
  /** One of the paper's six methods (the default of specs and of `convergent align`). */
  paper: boolean;
  /**
   * What a two-file alignment must compute for it: `cross` = per-unit moments and the cross block R_AB / Σ_AB only
   * (MI and kNN read their own rows; Procrustes reads Σ_AB and the variances), `cka` = the CKA sums (or more),
   * `joint` = the within blocks or the joint correlation.
   */
  reads: 'cross' | 'cka' | 'joint';
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

/** Every per-pair measure, in the order specs, tables and the alignment core list and run them. */
export const PAIR_MEASURES: readonly PairMeasure[] = [
  { method: 'semi', enums: ['SEMI'], direction: 'higher', paper: true, reads: 'cross' },
  { method: 'max', aliases: ['hungarian'], enums: ['HUNGARIAN'], direction: 'higher', paper: true, reads: 'cross' },
  { method: 'mi', enums: ['MI', 'MI_SEMI'], direction: 'higher', paper: true, reads: 'cross' },
  { method: 'cka', enums: ['CKA'], direction: 'higher', paper: true, reads: 'cka' },
  { method: 'sparse', enums: ['SPARSE'], direction: 'lower', paper: true, reads: 'joint' },
  { method: 'spectral', enums: ['SPECTRAL'], direction: 'higher', paper: true, reads: 'joint' },
  { method: 'svcca', enums: ['SVCCA'], direction: 'higher', paper: false, reads: 'joint' },
  { method: 'pwcca', enums: ['PWCCA'], direction: 'higher', paper: false, reads: 'joint' },
  { method: 'procrustes', enums: ['PROCRUSTES'], direction: 'lower', paper: false, reads: 'cross' },
  { method: 'knn', enums: ['KNN'], direction: 'higher', paper: false, reads: 'cross' },
];

/** Every per-pair method name, in registry order. */
export const PAIR_METHODS: readonly PairMethod[] = PAIR_MEASURES.map((m) => m.method);
/** The paper's six methods, in registry order (the default `--method` and spec `methods`). */
export const PAPER_PAIR_METHODS: readonly PairMethod[] = PAIR_MEASURES.filter((m) => m.paper).map((m) => m.method);

/** The registry entry of a method. */
export function pairMeasure(method: PairMethod): PairMeasure {
  return PAIR_MEASURES.find((m) => m.method === method)!;
}

/** A method name or one of its older spellings (case-insensitive) → the method's one name; undefined if unknown. */
export function resolveMethodName(name: string): PairMethod | undefined {
  const n = name.trim().toLowerCase();
  return PAIR_MEASURES.find((m) => m.method === n || m.aliases?.includes(n))?.method;
}

/** The per-pair methods among `methods`, without repeats, in registry order (other names are left out). */
export function inRegistryOrder(methods: Iterable<string>): PairMethod[] {
  const wanted = new Set<string>(methods);
  return PAIR_METHODS.filter((m) => wanted.has(m));
}

/** True when every method reads only per-unit moments and the cross block (the cross-only pass suffices). */
export function crossBlockSuffices(methods: readonly PairMethod[]): boolean {
  return methods.every((m) => pairMeasure(m).reads === 'cross');
}

/** True when CKA is the only method: the joint sums finalised as Frobenius norms suffice (`finalizeCka`). */
export function ckaSumsSuffice(methods: readonly PairMethod[]): boolean {
  return methods.length > 0 && methods.every((m) => pairMeasure(m).reads === 'cka');
}

/** The method whose stored rows carry the GraphQL / database enum `name` (MI_SEMI → mi). */
export function methodOfGraphql(name: GraphqlMethod): PairMethod {
  return PAIR_MEASURES.find((m) => m.enums.includes(name))!.method;
}

/** The GraphQL enum names of the spec methods `methods` (per-pair measures only, in registry order). */
export function graphqlMethodsOf(methods: readonly string[]): GraphqlMethod[] {
  return PAIR_MEASURES.filter((m) => methods.includes(m.method)).flatMap((m) => m.enums);
}
