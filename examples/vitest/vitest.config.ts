import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One cluster for the whole run, made (or reused) before the first test file starts.
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
