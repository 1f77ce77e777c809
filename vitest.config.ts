import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'mock-servers/**/*.test.ts', 'steps/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Protocol tests open real loopback sockets; a hung server must fail the test, not the run.
    testTimeout: 15000,
  },
});
