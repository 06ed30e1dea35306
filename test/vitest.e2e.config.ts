import { defineConfig } from 'vitest/config';

// End-to-end tests of web mode: a real `tracehound serve` child process and Debian's chromium.
// One worker, one file at a time: each file owns a server and a browser, and the machine is small.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
