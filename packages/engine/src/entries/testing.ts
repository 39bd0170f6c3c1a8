/**
 * `@convergent/engine/testing`: small deterministic fixtures (architectures, image sets) for tests and benchmarks of
 * the engine's callers. Not for product code.
 */
export * from '../train/test-fixtures.ts';
