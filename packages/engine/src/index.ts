// Public API of @convergent/engine. Each area exports from its own folder; keep this list short.

// backend
export * from './backend/select-backend.ts';
export * from './backend/wasm-conv-kernels.ts';
export * from './backend/wasm-pool-kernels.ts';

// data: built-in MNIST / Fashion-MNIST (cached), IDX and .npy imports, seeded splits, batches
export * from './data/dataset.ts';
export * from './data/idx.ts';
export * from './data/load-dataset.ts';

// io: .npy / .npz files and activation streams
export * from './io/npy.ts';
export * from './io/npz.ts';
export * from './io/activation-source.ts';

// stats: streaming joint moments and row samples
export * from './stats/moments.ts';
export * from './stats/row-sample.ts';

// align: one-to-one matching (semi, max-weight, MI) and CKA
export * from './align/semi-matching.ts';
export * from './align/hungarian.ts';
export * from './align/mutual-information.ts';
export * from './align/cka.ts';
