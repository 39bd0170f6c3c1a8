import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITIONS } from '../../vitest.shared.ts';

export default defineConfig({
  ...SOURCE_CONDITIONS,
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Forks, not threads: the wasm backend and worker_threads behave best in their own process.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
