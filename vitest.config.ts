import { defineConfig } from 'vitest/config';

/** DynamoDB Local and the local SES endpoint, started once per run of a project that needs them. */
const localServices = ['test/helpers/global-setup.ts'];

// One run covers every kind of test; each kind is a project of its own (`npm run test:unit`, …),
// and only the integration tests start the local services, each file making its own fresh table.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: the e2e and infra suites are heavy, so files run two at a time.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['functions/**/*.test.ts', 'shared/**/*.test.ts', 'bench/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: localServices } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
