import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'mock-servers/**/*.test.ts', 'steps/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Protocol tests open real loopback sockets; a hung server must fail the test, not the run.
    testTimeout: 15000,
    // Hooks start servers, child processes and a browser: on a busy two-core machine that can take
    // longer than Vitest's default ten seconds without anything being wrong.
    hookTimeout: 30000,
    // Every core runs test files: Vitest's default leaves one idle (cores - 1, a single worker on
    // a two-core machine), although many files spend their time waiting on sockets and on child
    // processes (the mail-server command, Cucumber, Chromium, python3, curl) rather than on a core.
    maxWorkers: Math.max(2, availableParallelism()),
    // A worker keeps the modules it has loaded from one test file to the next instead of loading
    // the product, imapflow, nodemailer and mailparser again for each of the 120-odd files: that
    // reloading was half of the suite's CPU time. The price is a rule for tests: leave nothing
    // behind in shared state (servers are closed and real timers restored in afterEach; ids that
    // helpers hand out stay unique across files rather than restarting at 1).
    isolate: false,
    // Transformed modules are kept in node_modules/.experimental-vitest-cache between runs, keyed by
    // each file's content and the configuration (Vitest 5 does so by default): a run after the
    // first transforms only what changed (here 9 s of transforming, summed over workers, fell to 1.5).
    experimental: { fsModuleCache: true },
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
