import { defineConfig } from 'vitest/config';

// Data-shaping modules are pure TypeScript; they run in Node without a DOM.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
