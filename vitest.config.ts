import { defineConfig } from 'vitest/config';

// One run covers every kind of test; the global setup starts DynamoDB Local and the local SES
// endpoint once on free ports, and each integration test file makes its own fresh table.
export default defineConfig({
  test: {
    include: ['functions/**/*.test.ts', 'shared/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: the e2e and infra suites are heavy, so files run two at a time.
    maxWorkers: 2,
  },
});
