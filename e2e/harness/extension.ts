/** Shortcuts for putting the extension in a known state and reading what it shows. */
import type { E2EPage, ExtensionBrowser } from './browsers.ts';

export interface InstanceSetup {
  origin: string;
  userId: number | null;
  authMode?: 'token' | 'session';
  token?: string;
  remember?: boolean;
}

/** Writes a configured instance straight into extension storage, as options would. */
export async function configureInstance(browser: ExtensionBrowser, setup: InstanceSetup): Promise<void> {
  const page = await openExtensionPage(browser, 'popup.html');
  await page.evaluate(async (config) => {
    type Area = { set(items: Record<string, unknown>): Promise<void> };
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', Area> } }).chrome;
    await api.storage.local.set({
      schemaVersion: 2,
      activeInstance: config.origin,
      instances: [
        {
          origin: config.origin,
          label: '',
          authMode: config.authMode ?? 'token',
          userId: config.userId,
          pathForm: null,
          routePatterns: ['/users/:id', '/admin/users/:id'],
          rememberToken: config.remember ?? false,
        },
      ],
    });
    if (config.token) {
      const area = config.remember ? api.storage.local : api.storage.session;
      await area.set({ [`token:${config.origin}`]: config.token });
    }
  }, setup);
  await page.close();
}

export async function openExtensionPage(browser: ExtensionBrowser, pathAndQuery: string): Promise<E2EPage> {
  const page = await browser.newPage();
  await page.goto(`${browser.extensionOrigin}/${pathAndQuery}`);
  return page;
}

/** Waits until the page's visible text contains `text`. */
export async function waitForText(page: E2EPage, text: string): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: only rendered, visible text counts
  await page.waitForFunction((expected) => document.body?.innerText.includes(expected), text);
}
