import { defineConfig } from 'vitest/config';

// unit: pure functions and models, beside their code, and the articles' numbers (tests/claims/).
// integration: the real software the articles describe (nginx, TLS, an OAuth server, MariaDB...).
// e2e: the built real site in Chromium.
// fixture: the site built from generated posts (see scripts/fixturePosts.ts) in Chromium.
export default defineConfig({
  test: {
    projects: [
      // Generous timeouts: statistical model tests run long simulations, and CI machines are small.
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/claims/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
      { test: { name: 'fixture', include: ['tests/fixture/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
