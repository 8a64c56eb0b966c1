/**
 * Where the editor opens: the side panel (Chrome) or sidebar (Firefox) next to the page, else a
 * small extension window (a tab on Firefox for Android). Never UI inside the instance's page.
 */
import { browser } from 'wxt/browser';
import { setEditorRequest } from '../shared/storage.ts';

interface ChromeSidePanel {
  open(options: { tabId: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

/**
 * Starts opening the side panel. Browsers allow it only from a user gesture, so call it first
 * thing in a click or menu handler, before anything is awaited.
 */
export function openSidePanel(tabId: number | undefined): Promise<boolean> {
  const chromePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const firefoxSidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  try {
    if (chromePanel && tabId !== undefined)
      return chromePanel.open({ tabId }).then(
        () => true,
        () => false,
      );
    if (firefoxSidebar)
      return firefoxSidebar.open().then(
        () => true,
        () => false,
      );
  } catch {
    // Not from a gesture, or no panel here: the window below will do.
  }
  return Promise.resolve(false);
}

export function editorWindowUrl(origin: string, userId: number): string {
  const query = new URLSearchParams({ origin, user: String(userId) });
  return browser.runtime.getURL(`/popup.html?${query}`);
}

/**
 * Shows `userId` in the side panel being opened, or in a window when there is none, or in a tab
 * where there are no windows (Firefox for Android).
 */
export async function showEditor(origin: string, userId: number, panel: Promise<boolean>): Promise<void> {
  await setEditorRequest({ origin, userId, at: Date.now() });
  if (await panel) return;
  const url = editorWindowUrl(origin, userId);
  if (!browser.windows) await browser.tabs.create({ url });
  else await browser.windows.create({ url, type: 'popup', width: 440, height: 720 });
}
