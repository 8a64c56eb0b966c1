import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openEditorWindow } from '@/utils/editor-window';
import { createHandlers } from '@/utils/handlers';
import { browserHostAccess } from '@/utils/host-access';
import { createMessageRouter } from '@/utils/messaging';
import { getInstance, migrateStorage, restrictLocalStorageToTrustedContexts } from '@/utils/storage';

export default defineBackground(() => {
  const handlers = createHandlers({ openEditor: openEditorWindow, access: browserHostAccess });
  const router = createMessageRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    isInstanceOrigin: async (origin) => (await getInstance(origin)) !== null,
  });
  browser.runtime.onMessage.addListener(router);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: straight to onboarding.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  void migrateStorage();
  void restrictLocalStorageToTrustedContexts().catch(() => {
    // Browsers without access levels keep content scripts out of storage.local anyway.
  });
});
