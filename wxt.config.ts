import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/** Origins a Creators Hub instance may live on; the user grants one at a time from options. */
const INSTANCE_ORIGIN_PATTERNS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * The `e2e` mode builds a test variant that is granted the local simulator at install,
 * because automated Chromium cannot answer a permission prompt. Production builds ask for
 * no host at install.
 */
const E2E_GRANTED_HOSTS = ['http://127.0.0.1/*'];

/**
 * The extension never renders server HTML as markup, so Preact's `dangerouslySetInnerHTML`
 * path is cut out of the bundle: it could only be a hole, and store linters flag it.
 */
function withoutInnerHtml(): Plugin {
  const assignment = /(\w+)\.innerHTML=(\w+)\.__html/;
  return {
    name: 'profile-quick-edit:without-inner-html',
    transform(code, id) {
      if (!/preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      if (!assignment.test(code)) this.error('Preact changed: update the innerHTML guard in wxt.config.ts');
      return code.replace(assignment, '(()=>{throw Error("dangerouslySetInnerHTML is disabled")})()');
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  publicDir: 'assets/public',
  manifestVersion: 3,
  webExt: { disabled: true },
  vite: () => ({
    build: { target: 'es2022' },
    plugins: [withoutInnerHtml()],
  }),
  zip: {
    // Mozilla's reviewers rebuild from these sources with the README's commands.
    excludeSources: ['.output/**', 'e2e/**', 'test/**', 'simulator/**', 'scripts/**', '.ci/**'],
  },
  manifest: ({ browser, mode }) => ({
    name: 'Profile Quick Edit',
    description: 'Edit your Creators Hub profile — bio, social links, country — from any tab.',
    permissions: ['storage', 'scripting', 'contextMenus'],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open the profile editor',
      },
    },
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
            // Firefox for Android understands data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
