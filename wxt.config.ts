import { defineConfig } from 'wxt';

/** Origins a Creators Hub instance may live on; the user grants one at a time from options. */
const INSTANCE_ORIGIN_PATTERNS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * The `e2e` mode builds a test variant that is granted the local simulator at install,
 * because automated Chromium cannot answer a permission prompt. Production builds ask for
 * no host at install.
 */
const E2E_GRANTED_HOSTS = ['http://127.0.0.1/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifestVersion: 3,
  webExt: { disabled: true },
  vite: () => ({
    build: { target: 'es2022' },
  }),
  zip: {
    // Mozilla's reviewers rebuild from these sources with the README's commands.
    excludeSources: ['.output/**', 'e2e/**', 'test/**', 'simulator/**', 'scripts/**', '.ci/**'],
  },
  manifest: ({ browser, mode }) => ({
    name: 'Profile Quick Edit',
    description: 'Edit your Creators Hub profile — bio, social links, country — from any tab.',
    permissions: ['storage'],
    optional_host_permissions: INSTANCE_ORIGIN_PATTERNS,
    ...(mode === 'e2e' ? { host_permissions: E2E_GRANTED_HOSTS } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'profile-quick-edit@creatorshub-tools.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
