/** Shortcuts for putting the extension in a known state and reading what it shows. */
import { expectAccessible } from './accessibility.ts';
import type { E2EPage, ExtensionBrowser } from './browsers.ts';
import type { TestInstance } from './simulator.ts';

export interface InstanceSetup {
  origin: string;
  userId: number | null;
  authMode?: 'token' | 'session';
  token?: string;
  remember?: boolean;
}

/**
 * Starts the extension afresh (storage cleared: no cache, drafts or tokens) with one instance,
 * saved through the same message options sends. `keep` leaves drafts and cache in place.
 */
export async function configureInstance(
  browser: ExtensionBrowser,
  setup: InstanceSetup & { keep?: boolean },
): Promise<void> {
  // From a page that loads no profile, so no request of its own is still running as the test goes on.
  const page = await openExtensionPage(browser, 'privacy.html');
  const answer = await page.evaluate(async (config) => {
    type Area = { clear(): Promise<void> };
    const api = (
      globalThis as unknown as {
        chrome: {
          storage: Record<'local' | 'session', Area>;
          runtime: { sendMessage(message: unknown): Promise<unknown> };
        };
      }
    ).chrome;
    if (!config.keep) await Promise.all([api.storage.local.clear(), api.storage.session.clear()]);
    return api.runtime.sendMessage({
      protocol: 'profile-quick-edit/1',
      type: 'ui:saveInstance',
      payload: {
        address: config.origin,
        label: '',
        authMode: config.authMode ?? 'token',
        token: config.token,
        remember: config.remember ?? false,
        userId: config.userId,
        routePatterns: [],
      },
    });
  }, setup);
  await page.close();
  if ((answer as { ok?: boolean }).ok !== true)
    throw new Error(`Could not set up: ${JSON.stringify(answer)}`);
}

/** Signs the extension in as a seeded user of the simulator, with that user's own API token. */
export async function signInAs(
  browser: ExtensionBrowser,
  instance: TestInstance,
  userId: number,
  options: { remember?: boolean; keep?: boolean } = {},
): Promise<void> {
  await configureInstance(browser, {
    origin: instance.origin,
    userId,
    token: instance.tokens.get(userId),
    ...options,
  });
}

export async function openExtensionPage(browser: ExtensionBrowser, pathAndQuery: string): Promise<E2EPage> {
  const page = await browser.newPage();
  await page.goto(`${browser.extensionOrigin}/${pathAndQuery}`);
  return page;
}

/** The popup (the editor page), once its form is on screen. */
export async function openPopup(browser: ExtensionBrowser): Promise<E2EPage> {
  const page = await openExtensionPage(browser, 'popup.html');
  await waitForField(page, 'Description');
  return page;
}

/** Waits until the page's visible text contains `text`; on timeout, says what it showed instead. */
export async function waitForText(page: E2EPage, text: string, timeoutMs?: number): Promise<void> {
  try {
    // biome-ignore lint/performance/useDomNodeTextContent: only rendered, visible text counts
    await page.waitForFunction((expected) => document.body?.innerText.includes(expected), text, timeoutMs);
  } catch (error) {
    // biome-ignore lint/performance/useDomNodeTextContent: only rendered, visible text counts
    const shown = await page.evaluate(() => document.body?.innerText ?? '', null).catch(() => '(page gone)');
    throw new Error(`“${text}” never appeared. The page showed:\n${shown}`, { cause: error });
  }
  await expectAccessible(page);
}

/** Whether the first element matching `selector` is wholly inside the visible part of the page. */
export async function isInView(page: E2EPage, selector: string): Promise<boolean> {
  return page.evaluate((match) => {
    const box = document.querySelector(match)?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
  }, selector);
}

/**
 * A CSS selector for the one control whose accessible name is `name` (its label, aria-label or
 * button text), so tests find controls the way a screen-reader user would.
 */
export async function byName(
  page: E2EPage,
  name: string,
  kind = 'input, textarea, select, button, summary, a, [role=textbox]',
): Promise<string> {
  const find = () =>
    page.evaluate(
      ({ wanted, kind }) => {
        const controls = [...document.querySelectorAll<HTMLElement>(kind)];
        const labelledBy = (el: HTMLElement) => {
          const id = el.getAttribute('aria-labelledby');
          return id ? document.getElementById(id)?.textContent : undefined;
        };
        const nameOf = (el: HTMLElement) =>
          (
            el.getAttribute('aria-label') ??
            labelledBy(el) ??
            (el as HTMLInputElement).labels?.[0]?.textContent ??
            el.textContent ??
            ''
          ).trim();
        const matches = controls.filter((el) => nameOf(el) === wanted);
        if (matches.length !== 1) return `${matches.length} controls named “${wanted}”`;
        const mark = `e2e-${Math.random().toString(36).slice(2)}`;
        matches[0]?.setAttribute('data-e2e', mark);
        return mark;
      },
      { wanted: name, kind },
    );
  // A control may come in a moment after the page (parts loaded after the first paint): wait for it.
  let id = await find();
  for (let tries = 0; tries < 100 && !id.startsWith('e2e-'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    id = await find();
  }
  if (!id.startsWith('e2e-')) throw new Error(id);
  return `[data-e2e="${id}"]`;
}

const TEXT_CONTROLS = 'input:not([type=radio]):not([type=checkbox]), textarea, [role=textbox]';

/**
 * Replaces a field's text. A rich-text field (the bio) is typed into as a person would: select
 * all, then type; each line of `value` becomes a paragraph (Enter between them).
 */
export async function fillField(page: E2EPage, label: string, value: string): Promise<void> {
  const selector = await byName(page, label, TEXT_CONTROLS);
  const rich = await page.evaluate(
    (sel) => document.querySelector<HTMLElement>(sel)?.isContentEditable,
    selector,
  );
  if (!rich) {
    await page.fill(selector, value);
    return;
  }
  await page.click(selector);
  await page.press('Control+a');
  await page.press('Backspace');
  for (const [index, line] of value.split('\n').entries()) {
    if (index > 0) await page.press('Enter');
    if (line) await page.type(line);
  }
}

/** Clicks the radio button or checkbox named `label`. */
export async function check(page: E2EPage, label: string): Promise<void> {
  await page.click(await byName(page, label, 'input[type=radio], input[type=checkbox]'));
}

/** Everything the extension has stored, in every area, as one string to search. */
export async function storedEverywhere(browser: ExtensionBrowser): Promise<string> {
  const page = await openExtensionPage(browser, 'options.html');
  const stored = await page.evaluate(async () => {
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session' | 'sync', Area> } })
      .chrome;
    const areas = await Promise.all([
      api.storage.local.get(null),
      api.storage.session.get(null),
      api.storage.sync.get(null),
    ]);
    // The background's database of remembered tokens, read only if it exists: opening it here
    // would create it without its table.
    const database = 'profile-quick-edit';
    if (!(await indexedDB.databases()).some((info) => info.name === database)) return JSON.stringify(areas);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tables = await Promise.all(
      [...db.objectStoreNames].map(
        (name) =>
          new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return JSON.stringify([...areas, ...tables]);
  }, null);
  await page.close();
  return stored;
}

export async function clickButton(page: E2EPage, name: string): Promise<void> {
  await page.click(await byName(page, name));
}

/** What a field holds as a person reads it: an input's value, a rich-text field's text. */
export async function fieldValue(page: E2EPage, label: string): Promise<string> {
  const selector = await byName(page, label, TEXT_CONTROLS);
  return page.evaluate((sel) => {
    const control = document.querySelector<HTMLElement>(sel);
    if (!control?.isContentEditable) return (control as HTMLInputElement).value;
    // biome-ignore lint/performance/useDomNodeTextContent: the rich field's text as shown, one line per paragraph
    return control.innerText.replace(/\n$/, '');
  }, selector);
}

/**
 * Waits for a field to exist, editable, and hold a value (a rich-text field: its text): the
 * editor has data on screen.
 */
export async function waitForField(page: E2EPage, label: string, value?: string): Promise<void> {
  await page.waitForFunction(
    ({ wanted, expected }) => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === wanted);
      const control =
        (label?.control as HTMLInputElement | null | undefined) ??
        (label?.id
          ? document.querySelector<HTMLElement>(`[aria-labelledby="${label.id}"][contenteditable=true]`)
          : null);
      if (!control) return false;
      if (expected === undefined) return true;
      if (!control.isContentEditable) return (control as HTMLInputElement).value === expected;
      // biome-ignore lint/performance/useDomNodeTextContent: the rich field's text as shown
      return control.innerText.replace(/\n$/, '') === expected;
    },
    { wanted: label, expected: value },
  );
}

/** Forgets everything the extension stored, as after a fresh install. */
export async function clearExtensionStorage(browser: ExtensionBrowser): Promise<void> {
  const page = await openExtensionPage(browser, 'options.html');
  await page.evaluate(async () => {
    type Area = { clear(): Promise<void> };
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session' | 'sync', Area> } })
      .chrome;
    await Promise.all([api.storage.local.clear(), api.storage.session.clear(), api.storage.sync.clear()]);
  }, null);
  await page.close();
}

/** The draft the extension keeps for a user, as stored (null when there is none). */
export async function storedDraft(
  browser: ExtensionBrowser,
  origin: string,
  userId: number,
): Promise<{ form: Record<string, string> } | null> {
  const page = await openExtensionPage(browser, 'options.html');
  const key = `draft:${origin}:${userId}`;
  const draft = await page.evaluate(async (draftKey) => {
    type Area = { get(key: string): Promise<Record<string, unknown>> };
    const api = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome;
    return (await api.storage.local.get(draftKey))[draftKey] ?? null;
  }, key);
  await page.close();
  return draft as { form: Record<string, string> } | null;
}
