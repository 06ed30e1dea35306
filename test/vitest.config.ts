import { defineConfig } from 'vitest/config';

// Unit and differential tests: plain Node, no browser. Differential tests shell out to sysdig.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/unit/**/*.test.ts', 'test/diff/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
