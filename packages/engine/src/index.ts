// Public API of @convergent/engine. Each area exports from its own folder; keep this list short.

// backend
export * from './backend/select-backend.ts';
