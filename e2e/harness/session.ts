/** A test file's simulator and browser, opened before its first test and closed after its last. */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { SimulatorOptions } from '../../simulator/server.ts';
import {
  type BrowserKind,
  type E2EPage,
  type ExtensionBrowser,
  type LaunchOptions,
  launchExtensionBrowser,
} from './browsers.ts';
import { startTestInstance, type TestInstance } from './simulator.ts';

export interface SessionOptions {
  browser?: LaunchOptions;
  instance?: SimulatorOptions;
}

export async function openSession(
  kind?: BrowserKind,
  options: SessionOptions = {},
): Promise<{ instance: TestInstance; browser: ExtensionBrowser }> {
  const instance = await startTestInstance(options.instance);
  return { instance, browser: await launchExtensionBrowser(kind, options.browser) };
}

export async function closeSession(instance?: TestInstance, browser?: ExtensionBrowser): Promise<void> {
  await browser?.close();
  await instance?.close();
}

/**
 * The current test file's simulator and browser, set by `useSession` (each test file has its own
 * copy of this module, and importers see these bindings change).
 */
export let instance: TestInstance;
export let browser: ExtensionBrowser;
const pagesOfTest: E2EPage[] = [];

/**
 * Call inside a test file's `describe`: opens the session before the first test and closes it
 * after the last. Each test starts on a reset simulator and ends with the pages given to
 * `closeAfterTest` closed, and with no error logged by the extension or the pages it ran in.
 */
export function useSession(kind?: BrowserKind, options?: SessionOptions) {
  beforeAll(async () => {
    ({ instance, browser } = await openSession(kind, options));
  });
  afterAll(async () => {
    await closeSession(instance, browser);
  });
  beforeEach(async () => {
    await instance.reset();
  });
  afterEach(async () => {
    for (const page of pagesOfTest.splice(0)) await page.close().catch(() => {});
    expect(browser.errors.splice(0), 'uncaught errors or console errors in the extension').toEqual([]);
  });
}

/** Closes `page` when the current test ends. */
export function closeAfterTest<T extends E2EPage>(page: T): T {
  pagesOfTest.push(page);
  return page;
}

/** Quits the browser and starts it again on the same profile (see ExtensionBrowser.restart). */
export async function restartBrowser(): Promise<void> {
  browser = await browser.restart();
}
