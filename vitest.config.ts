import { defineConfig } from 'vitest/config';

/**
 * Three kinds of test, in the order a change can break them:
 *   unit    — pure logic in src/lib and src/markdown, parallel, seconds;
 *   build   — builds fixture sites with the real pipeline, asserts on dist/;
 *   browser — the built site in system Chromium (axe, reader controls, nginx).
 * Build and browser tests run one file at a time: they share caches and ports.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // Unit tests share two cores with build and browser tests: a generous timeout, and tests that
        // promise speed assert their own limit.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], setupFiles: ['tests/helpers/cleanup.ts'], testTimeout: 30_000 },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/setup.ts'],
          setupFiles: ['tests/helpers/cleanup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/build/setup.ts'],
          setupFiles: ['tests/helpers/cleanup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
