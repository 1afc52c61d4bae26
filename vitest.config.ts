import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { raisedLimits } from './scripts/test/raised-limits';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React's server build; unit tests run lib code directly.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The in-process API properties act as a few readers sending thousands of requests from one
    // address; limits are tested on their own (tests/rate-limit, e2e/ops/rate-limits.spec.ts).
    env: raisedLimits,
  },
});
