/**
 * `@convergent/engine/contracts`: what a caller may know of the engine without loading TensorFlow.js or any compute
 * module: the experiment spec's checks and limits, the alignment method registry (the one set of method names), the
 * result manifest's records, the built-in dataset catalog and the random-stream version. The API validates
 * mutations, job payloads and imported results with these; loading this entry costs no backend start-up.
 */
export * from '../spec/json-checks.ts';
export * from '../spec/schema-kit.ts';
export * from '../spec/limits.ts';
export * from '../spec/presets.ts';
export * from '../experiment/experiment-spec.ts';
export * from '../experiment/manifest.ts';
export * from '../align/methods.ts';
export { BUILTIN_DATASETS } from '../data/builtin-datasets.ts';
export { STREAM_VERSION } from '../random/streams.ts';
