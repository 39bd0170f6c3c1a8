/**
 * `@convergent/engine/testing`: small deterministic fixtures (architectures, image sets) and a command-output
 * collector (`captureIo`) for the tests and benchmarks of the engine's callers. Not for product code.
 */
export * from '../train/test-fixtures.ts';
export { captureIo } from '../cli/capture-io.ts';
