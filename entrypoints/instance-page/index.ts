import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEditButton } from '@/utils/content/edit-button';
import { extensionAlive, sendFromContentScript } from '@/utils/content/messaging';

/** Set in this extension's own isolated world, invisible to the page: one run per page. */
const STARTED = Symbol.for('profile-quick-edit.instance-page');

/**
 * The script for instance pages. An unlisted script registered at runtime on granted instance
 * origins only (utils/background/content-scripts.ts): no manifest entry, no host permission at install, and
 * no WXT content-script wrapper, which would bundle webextension-polyfill into every page.
 */
export default defineUnlistedScript(async () => {
  const scope = globalThis as { [STARTED]?: boolean };
  if (scope[STARTED]) return;
  scope[STARTED] = true;
  const config = await sendFromContentScript('cs:getPageConfig', {});
  if (!config?.ok) return;
  startEditButton({
    config: config.value,
    extensionAlive,
    openEditor: async (target) => {
      const result = await sendFromContentScript('cs:openEditor', {
        userId: 'self' in target ? 'self' : target.userId,
      });
      return result?.ok ? { ok: true } : { ok: false, message: result?.error.message };
    },
  });
});
