import { defineConfig } from 'vitest/config';

/** Real-browser tests. `E2E_BROWSER` picks chromium (default) or firefox. */
export default defineConfig({
  test: {
    name: `e2e-${process.env.E2E_BROWSER ?? 'chromium'}`,
    include: ['e2e/**/*.e2e.ts'],
    // Some checks need the DevTools protocol or the side panel, which only Chromium offers; some
    // cover what Firefox does instead.
    exclude: [process.env.E2E_BROWSER === 'firefox' ? 'e2e/**/*.chromium.e2e.ts' : 'e2e/**/*.firefox.e2e.ts'],
    root: '.',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: one browser at a time keeps timings honest and runs stable.
    fileParallelism: false,
  },
});
