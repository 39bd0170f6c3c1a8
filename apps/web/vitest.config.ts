import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITIONS } from '../../vitest.shared.ts';

// Data-shaping modules are pure TypeScript; they run in Node without a DOM.
export default defineConfig({
  ...SOURCE_CONDITIONS,
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
