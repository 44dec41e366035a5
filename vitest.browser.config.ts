import {defineConfig} from 'vitest/config';

// Browser tests (test/browser): Debian's Chromium through playwright-core. Run by `npm run test:browser`
// and by .ci/run, apart from `npm test` so that a machine without Chromium can still run the rest.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
