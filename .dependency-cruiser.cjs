/**
 * Import-structure rules, checked by `npm run check:cycles` (part of `npm test`):
 *  - no circular imports between modules anywhere in the workspaces (tests included), nor between folders of the
 *    production code (.dependency-cruiser-folders.cjs runs that rule with test code left out);
 *  - the engine (packages/*) imports nothing from the apps (apps/*), and the apps, scripts and tests reach the engine
 *    only through its public entries (packages/engine/src/entries/, the package's `exports`) and its example specs;
 *  - in the API, only the store (apps/api/src/store/) uses the bulk insert: rows of results are written by the store.
 *    That the store is the only writer of experiments, networks, layers, units, alignments and their rows is a
 *    matter of calls, which dependency-cruiser does not see: apps/api/src/store/boundary.test.ts checks it.
 * Generated code (Prisma client, GraphQL codegen output) is left out: its internal cycles are the generator's.
 * dependency-cruiser sees static imports and dynamic `import('literal')`; an import whose specifier is built at
 * run time is invisible to it (and to every static tool), so the engine must not use one to reach the apps.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a circle: move what both need into a leaf module that imports neither.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-not-to-apps',
      severity: 'error',
      comment: 'packages/* are libraries the apps build on; they must not import from apps/*.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'engine-through-entries',
      severity: 'error',
      comment: "Import the engine through a public entry (@convergent/engine/<entry>, packages/engine/src/entries/): add what you need to one rather than reaching into the engine's folders.",
      from: { path: '^(apps|scripts|test)/' },
      to: { path: '^packages/engine/', pathNot: '^packages/engine/(src/entries/|examples/)' },
    },
    {
      name: 'api-bulk-insert-in-store',
      severity: 'error',
      comment: 'Results are written by the store (apps/api/src/store/): call a store function instead of inserting rows.',
      from: { pathNot: '^apps/api/src/store/' },
      to: { path: '^apps/api/src/store/bulk-insert\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve to a file: a typo, or a dependency missing from package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: ['(^|/)node_modules/', '(^|/)\\.next/', '(^|/)dist/', '/generated/', '\\.generated\\.ts$', 'next-env\\.d\\.ts$'],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'require', 'node', 'default', 'types'], // `source`: the workspaces' TypeScript, not their dist/
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
