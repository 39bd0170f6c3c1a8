import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITIONS } from '../../vitest.shared.ts';

export default defineConfig({
  ...SOURCE_CONDITIONS,
});
