import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/audit/**'],
          setupFiles: ['test/setup-i18n.ts', 'test/setup-indexeddb.ts'],
          mockReset: true,
          restoreMocks: true,
        },
      },
      {
        // Checks of the production build in .output/: run after `npm run build`.
        test: { name: 'audit', include: ['test/audit/**/*.test.ts'] },
      },
    ],
  },
});
