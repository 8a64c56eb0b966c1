import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { injectIntoOpenTabs, syncContentScripts } from '@/utils/background/content-scripts';
import { MENU_ID, syncContextMenu } from '@/utils/background/context-menu';
import { createEditorOpening } from '@/utils/background/editor-opening';
import { createHandlers } from '@/utils/background/handlers';
import { oneAtATime } from '@/utils/background/one-at-a-time';
import { openSidePanel, showEditor } from '@/utils/background/open-editor';
import { keepStorageFromContentScripts } from '@/utils/background/storage-access';
import { moveRememberedTokens } from '@/utils/background/token-storage';
import { browserHostAccess } from '@/utils/shared/host-access';
import { answeringListener, createMessageRouter } from '@/utils/shared/messaging';
import { syncPopupAddress } from '@/utils/shared/popup-address';
import { getInstance, userForUrl } from '@/utils/shared/storage';

export default defineBackground(() => {
  const access = browserHostAccess;
  const editors = createEditorOpening(browser.runtime.id);
  const storageAccess = keepStorageFromContentScripts();
  const handlers = createHandlers({ access, openEditor: editors.openEditor, storageAccess });
  const router = createMessageRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    isInstanceOrigin: async (origin) => (await getInstance(origin)) !== null,
  });
  const answer = answeringListener(router);
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    editors.onMessage(message, sender);
    return answer(message, sender, sendResponse);
  });

  // The content script and the link menu follow the configured, granted instances. One sync
  // at a time: overlapping ones would register and unregister the same script at once.
  const sync = oneAtATime(
    () => Promise.all([syncContentScripts(access), syncContextMenu(access)]),
    (error) => console.error('Profile Quick Edit: could not update instance pages', error),
  );
  browser.permissions.onAdded.addListener(() => void sync().then(() => injectIntoOpenTabs(access)));
  browser.permissions.onRemoved.addListener(sync);
  // The toolbar popup's address names the signed-in user (see utils/shared/popup-address.ts).
  const syncPopup = () =>
    syncPopupAddress().catch((error: unknown) =>
      console.error('Profile Quick Edit: could not update the popup address', error),
    );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if ('instances' in changes) void sync();
    if ('instances' in changes || 'activeInstance' in changes) void syncPopup();
  });

  // Firefox for Android has no menus (and no windows: utils/background/open-editor.ts).
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.linkUrl) return;
    const panel = openSidePanel(tab?.id); // first: the click is the gesture that allows it
    void userForUrl(info.linkUrl).then((target) => target && showEditor(target.origin, target.userId, panel));
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: straight to onboarding. After an update, open instance tabs get the new script.
    if (reason === 'install') void browser.runtime.openOptionsPage();
    else void sync().then(() => injectIntoOpenTabs(access));
  });
  void moveRememberedTokens();
  void sync();
  void syncPopup();
});
