/**
 * Folder-level cycle check of the production code, run by `npm run check:cycles` after the module-level check in
 * .dependency-cruiser.cjs (whose options it reuses). Test code is left out here: a test of folder A that uses a
 * fixture from folder B is a leaf, not a dependency of A, and would otherwise read as a cycle A -> B -> A.
 */
const base = require('./.dependency-cruiser.cjs');

const TEST_CODE = [
  '\\.test\\.tsx?$',
  '\\.fixture\\.ts$',
  '(^|/)test-fixtures(/|\\.ts$)',
  '^packages/[^/]+/test/',
  '^apps/[^/]+/test/',
  '^test/',
  '(^|/)benchmark/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular-folders',
      severity: 'error',
      scope: 'folder',
      comment: 'Folders import each other in a circle: move the shared types or helpers into a leaf module.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    ...base.options,
    exclude: { path: [...base.options.exclude.path, ...TEST_CODE] },
  },
};
