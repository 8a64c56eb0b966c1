import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { editedDependencies } from './wxt.config.ts';

export default defineConfig({
  test: {
    projects: [
      {
        // zod is run as the build edits it (see DEPENDENCY_EDITS in wxt.config.ts).
        plugins: [WxtVitest(), editedDependencies()],
        test: {
          name: 'unit',
          server: { deps: { inline: ['zod'] } },
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/audit/**'],
          setupFiles: ['test/setup-i18n.ts'],
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
