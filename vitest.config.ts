import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure logic), `integration` (the real server on PGlite with real
// WebSocket clients) and `e2e` (puppeteer-core driving real browsers with the built extension).
// Run one: `npx vitest run --project unit tests/unit/protocol.test.ts`.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // Browsers are heavy on a 2-core machine: one e2e file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
