import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { injectIntoOpenTabs, syncContentScripts } from '@/utils/content-scripts';
import { linkTarget, MENU_ID, syncContextMenu } from '@/utils/context-menu';
import { createHandlers } from '@/utils/handlers';
import { browserHostAccess } from '@/utils/host-access';
import { createMessageRouter, isOpenEditorRequest } from '@/utils/messaging';
import { openSidePanel, showEditor } from '@/utils/open-editor';
import { syncPopupAddress } from '@/utils/popup-address';
import { getInstance, migrateStorage, restrictLocalStorageToTrustedContexts } from '@/utils/storage';

export default defineBackground(() => {
  const access = browserHostAccess;
  // Side panels open only while the click that asked is still "now": started before routing.
  const panelsOpening = new Map<number, Promise<boolean>>();
  const handlers = createHandlers({
    access,
    openEditor: (origin, userId, tabId) => {
      const panel = (tabId !== undefined && panelsOpening.get(tabId)) || openSidePanel(tabId);
      if (tabId !== undefined) panelsOpening.delete(tabId);
      return showEditor(origin, userId, panel);
    },
  });
  const router = createMessageRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    isInstanceOrigin: async (origin) => (await getInstance(origin)) !== null,
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined && sender.id === browser.runtime.id && isOpenEditorRequest(message)) {
      panelsOpening.set(tabId, openSidePanel(tabId));
    }
    const answer = router(message, sender);
    if (!answer) return false;
    // Answered through sendResponse: Chrome before 144 ignores a listener's returned promise.
    void answer.then(sendResponse);
    return true;
  });

  // The content script and the link menu follow the configured, granted instances. One sync
  // at a time: overlapping ones would register and unregister the same script at once.
  let syncing: Promise<void> = Promise.resolve();
  const sync = () => {
    syncing = syncing
      .then(() => Promise.all([syncContentScripts(access), syncContextMenu(access)]))
      .then(
        () => {},
        (error: unknown) => console.error('Profile Quick Edit: could not update instance pages', error),
      );
    return syncing;
  };
  browser.permissions.onAdded.addListener(() => void sync().then(() => injectIntoOpenTabs(access)));
  browser.permissions.onRemoved.addListener(sync);
  // The toolbar popup's address names the signed-in user (see utils/popup-address.ts).
  const syncPopup = () =>
    syncPopupAddress().catch((error: unknown) =>
      console.error('Profile Quick Edit: could not update the popup address', error),
    );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if ('instances' in changes) void sync();
    if ('instances' in changes || 'activeInstance' in changes) void syncPopup();
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.linkUrl) return;
    const panel = openSidePanel(tab?.id); // first: the click is the gesture that allows it
    void linkTarget(info.linkUrl).then((target) => target && showEditor(target.origin, target.userId, panel));
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: straight to onboarding. After an update, open instance tabs get the new script.
    if (reason === 'install') void browser.runtime.openOptionsPage();
    else void sync().then(() => injectIntoOpenTabs(access));
  });
  void migrateStorage().then(() => Promise.all([sync(), syncPopup()]));
  void restrictLocalStorageToTrustedContexts().catch(() => {
    // Browsers without access levels keep content scripts out of storage.local anyway.
  });
});
