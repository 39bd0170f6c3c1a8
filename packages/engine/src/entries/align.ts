/**
 * `@convergent/engine/align`: the alignment core for callers that hold activation files (the CLI's `align` and the
 * API's align-activations job): open a `.npy`/`.npz` activation source and align two of them with any registered
 * method. Loads the compute backend; import it lazily where start-up matters.
 */
export * from '../align/align-files.ts';
export * from '../io/activation-source.ts';
