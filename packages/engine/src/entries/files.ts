/**
 * `@convergent/engine/files`: the one `.npy` / `.npz` module for Node callers (streamed reads, atomic writes, the
 * `.npy` encoder). Browsers use `@convergent/engine/npy` (the format alone, no `node:fs`).
 */
export * from '../io/npy.ts';
export * from '../io/npz.ts';
