import { defineConfig } from 'vitest/config';

// Opening a fresh PGlite (initdb in wasm) takes seconds on a busy 2-core machine.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
