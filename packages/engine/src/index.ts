// Public API of @convergent/engine. Each area exports from its own folder; keep this list short.

// backend
export * from './backend/select-backend.ts';

// io: .npy / .npz files and activation streams
export * from './io/npy.ts';
export * from './io/npz.ts';
export * from './io/activation-source.ts';
