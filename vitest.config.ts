import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'mock-servers/**/*.test.ts', 'steps/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Protocol tests open real loopback sockets; a hung server must fail the test, not the run.
    testTimeout: 15000,
    // `npm run test:unit` turns coverage on (--coverage); a plain `npx vitest run` stays quick.
    coverage: {
      provider: 'v8',
      include: ['src/crm/**/*.ts', 'src/mail-sync/**/*.ts'],
      // Tests and the helpers only tests use are not the product.
      exclude: ['**/*.test.ts', 'src/crm/testing.ts', 'src/mail-sync/testing/**'],
      reporter: ['text-summary', 'html', 'json'],
      reportsDirectory: 'reports/coverage',
      thresholds: {
        'src/crm/**/*.ts': { lines: 90 },
        'src/mail-sync/**/*.ts': { lines: 90 },
      },
    },
  },
});
