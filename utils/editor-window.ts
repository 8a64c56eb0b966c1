import { browser } from 'wxt/browser';

/** The editor page for one user of one instance, as the popup reads it from its URL. */
export function editorUrl(origin: string, userId: number): string {
  const query = new URLSearchParams({ origin, user: String(userId) });
  return browser.runtime.getURL(`/popup.html?${query}`);
}

/** Opens the editor in a small extension window: never UI inside the instance's page. */
export async function openEditorWindow(origin: string, userId: number): Promise<void> {
  await browser.windows.create({ url: editorUrl(origin, userId), type: 'popup', width: 440, height: 680 });
}
