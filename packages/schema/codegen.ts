// graphql-codegen configuration (run `npm run codegen -w @convergent/schema`; generated files are committed and
// src/generated.test.ts fails when they are stale).
//  - src/generated/graphql.ts: TypeScript types of every schema type, generated once here (shared by api and web).
//  - ../../apps/api/src/graphql/resolvers-types.generated.ts: resolver signatures for the API, with parent types
//    mapped to the API's row models (apps/api/src/graphql/models.ts); schema types come from graphql.ts.
//  - src/generated/operations.ts: typed documents (TypedDocumentNode) for every operation the dashboard writes in
//    apps/web/src/**/*.graphql; schema types come from graphql.ts.
// The two consumers import the base types as a namespace (`Types`), as the import-types preset does, through the
// `add` plugin and `namespacedImportName`.
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTime: 'string', JSON: 'unknown' };

/** The first line of a generated file that takes its schema types from graphql.ts (as `Types`). */
const importTypes = (from: string) => ({ add: { content: `import type * as Types from '${from}';` } });

const config: CodegenConfig = {
  schema: 'src/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript'],
      config: { scalars, enumsAsTypes: true, useTypeImports: true },
    },
    '../../apps/api/src/graphql/resolvers-types.generated.ts': {
      plugins: [importTypes('@convergent/schema'), 'typescript-resolvers'],
      config: {
        namespacedImportName: 'Types',
        enumsAsTypes: true,
        useTypeImports: true,
        contextType: './context.ts#ApiContext',
        mapperTypeSuffix: 'Model',
        mappers: {
          // Resolvers may return a DateTime as a Date (the scalar serialises it); clients always read a string.
          DateTime: 'Date | string',
          Team: './models.ts#TeamRow',
          Experiment: './models.ts#ExperimentRow',
          Network: './models.ts#NetworkRow',
          Layer: './models.ts#LayerRow',
          Unit: './models.ts#UnitRow',
          Alignment: './models.ts#AlignmentRow',
          Job: './models.ts#JobRow',
          UnitMatch: './models.ts#UnitMatchRow',
          Cluster: './models.ts#ClusterRow',
          TopImage: './models.ts#TopImageRow',
          UnitBestMatch: './models.ts#UnitBestMatchRow',
          SparseWeight: './models.ts#SparseWeightRow',
          Viewer: './models.ts#ViewerRow',
          Credential: './models.ts#CredentialRow',
          CompareSubject: './models.ts#CompareSubjectRow',
          LayerComparison: './models.ts#LayerComparisonRow',
          AlignmentSummary: './models.ts#AlignmentSummaryRow',
          ArchitectureGroup: './models.ts#ArchitectureGroupRow',
          LayerConsensus: './models.ts#LayerConsensusRow',
          ConsensusFamily: './models.ts#ConsensusFamilyRow',
          LayerStitching: './models.ts#LayerStitchingRow',
          StitchPair: './models.ts#StitchPairRow',
        },
      },
    },
    'src/generated/operations.ts': {
      documents: ['../../apps/web/src/**/*.graphql'],
      plugins: [importTypes('./graphql.ts'), 'typescript-operations', 'typed-document-node'],
      config: { scalars, namespacedImportName: 'Types', enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
