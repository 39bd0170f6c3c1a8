/**
 * What every workspace's vitest config shares: the workspace packages export their TypeScript under the `source`
 * condition and their build (dist/) under `default` (scripts/build-workspace.mjs); tests import the source, as the
 * type-checker does (tsconfig.base.json `customConditions`). Worker threads and the bins still run the build.
 */
export const SOURCE_CONDITIONS = {
  resolve: { conditions: ['source', 'module', 'node', 'development|production'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
};
