import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITIONS } from '../vitest.shared.ts';

// One file at a time: the browser files share one dashboard build (apps/web/.next, built once when stale) and each
// runs its own API, Next server and Chromium, which is all two cores can carry.
export default defineConfig({
  ...SOURCE_CONDITIONS,
  test: {
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
