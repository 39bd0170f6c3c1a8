import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITIONS } from '../../vitest.shared.ts';

// Opening a fresh PGlite (initdb in wasm) takes seconds on a busy 2-core machine.
export default defineConfig({
  ...SOURCE_CONDITIONS,
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
