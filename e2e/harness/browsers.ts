/**
 * Runs the built extension in a real browser: Debian Chromium through playwright-core, Firefox
 * ESR through puppeteer-core over WebDriver BiDi. Both are driven through one small `E2EPage`
 * interface so each flow is written once and runs in both.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type CDPSession,
  type ConsoleMessage,
  chromium,
  type BrowserContext as PlaywrightContext,
  type Page as PlaywrightPage,
  type Worker as PlaywrightWorker,
} from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { chromiumPath, firefoxPath } from './find-browser.ts';

export type BrowserKind = 'chromium' | 'firefox';

export const BROWSER_KIND: BrowserKind = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';
const GECKO_ID = 'profile-quick-edit@creatorshub-tools.org';
/** Fixed so tests know the moz-extension:// origin before the add-on starts. */
const FIREFOX_UUID = '7d3f8a52-5c1e-4b8e-9a6f-2f4c1b0e9d71';
const ACTION_TIMEOUT_MS = 15_000;

export interface E2EPage {
  goto(url: string): Promise<void>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitFor(selector: string, options?: { hidden?: boolean }): Promise<void>;
  /** Runs a script given as source text (test tooling such as axe-core), bypassing page CSP. */
  evaluateScript(source: string): Promise<unknown>;
  /** The page's current address. */
  url(): Promise<string>;
  /** Waits until `fn` returns a truthy value in the page. */
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  /** Replaces the field's value by typing, as a person would. */
  fill(selector: string, value: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Types into whatever has focus, key by key. */
  type(text: string): Promise<void>;
  /** Picks a file in a file input, as the file chooser would. */
  uploadFile(selector: string, file: string): Promise<void>;
  resize(width: number, height: number): Promise<void>;
  /** Emulates the system's light or dark appearance. */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /**
   * Tells the page it lost its connection, or got it back (`navigator.onLine` and its events).
   * The extension's background keeps its network: fail its requests with a simulator fault.
   */
  setOffline(offline: boolean): Promise<void>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  kind: BrowserKind;
  /** `chrome-extension://ID` or `moz-extension://UUID`. */
  extensionOrigin: string;
  newPage(): Promise<E2EPage>;
  /** Addresses of the open tabs. */
  pageUrls(): Promise<string[]>;
  /** A tab or window whose address `matches`, e.g. one the extension opened. */
  waitForPage(matches: (url: string) => boolean): Promise<E2EPage>;
  /** Addresses of everything open, side panels included (which automation cannot drive). */
  allTargetUrls(): Promise<string[]>;
  /**
   * Uncaught errors, unhandled rejections and console errors seen so far in extension contexts
   * and pages (Chromium: pages, content scripts and the background worker; Firefox: pages).
   * Failed network loads are not errors of the extension and are left out.
   */
  errors: string[];
  /**
   * Evaluates `expression` in the open target whose address `matches`, such as a side panel,
   * which automation cannot drive, through the DevTools protocol (Chromium only).
   */
  evaluateIn?(matches: (url: string) => boolean, expression: string): Promise<unknown>;
  /** Stops the extension's background worker, as the browser does to idle ones (Chromium only). */
  stopBackground?(): Promise<void>;
  /**
   * Quits the browser and starts it again on the same profile, as a person does: what the
   * extension keeps in `storage.local` is still there, `storage.session` is not. Use the browser
   * it returns; this one is closed.
   */
  restart(): Promise<ExtensionBrowser>;
  close(): Promise<void>;
}

export function extensionDir(kind: BrowserKind): string {
  return path.resolve(
    import.meta.dirname,
    '../../.output',
    kind === 'firefox' ? 'firefox-mv3-e2e' : 'chrome-mv3-e2e',
  );
}

function playwrightPage(page: PlaywrightPage): E2EPage {
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  let cdp: CDPSession | undefined;
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    evaluateScript: (source) => page.evaluate(source),
    url: async () => page.url(),
    waitFor: async (selector, options) => {
      await page.waitForSelector(selector, { state: options?.hidden ? 'hidden' : 'visible' });
    },
    waitForFunction: async (fn, arg, timeout) => {
      await page.waitForFunction(fn as never, arg, { timeout });
    },
    click: (selector) => page.click(selector),
    fill: (selector, value) => page.fill(selector, value),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    uploadFile: (selector, file) => page.setInputFiles(selector, file),
    resize: (width, height) => page.setViewportSize({ width, height }),
    colorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    // Page-scoped, as in Firefox: a context-wide setting would take the background offline too.
    // The session stays open: closing it would end the emulation.
    setOffline: async (offline) => {
      cdp ??= await page.context().newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    },
    screenshot: async (file) => {
      await page.screenshot({ path: file });
    },
    close: () => page.close(),
  };
}

/** Browser-generated notes about failed loads: the faults under test, not errors of the code. */
function isNetworkNote(text: string): boolean {
  return /^Failed to load resource|net::ERR_/.test(text);
}

function puppeteerPage(page: PuppeteerPage, errors: string[]): E2EPage {
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  page.on('console', (message) => {
    if (message.type() === 'error' && !isNetworkNote(message.text())) errors.push(`page: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${String(error)}`));
  return {
    // Firefox never resolves navigations to moz-extension:// pages, and its realm is briefly
    // unusable while the page swaps in: start the navigation, then poll until the page is there.
    goto: async (url) => {
      void page.goto(url).catch(() => {});
      const deadline = Date.now() + ACTION_TIMEOUT_MS;
      while (Date.now() < deadline) {
        const loaded = await page
          .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
          .catch(() => false);
        if (loaded) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`Timed out loading ${url}`);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateScript: (source) => page.evaluate(source),
    url: () => whereIs(page),
    waitFor: async (selector, options) => {
      await page.waitForSelector(selector, options?.hidden ? { hidden: true } : { visible: true });
    },
    waitForFunction: async (fn, arg, timeout) => {
      await page.waitForFunction(fn as never, { timeout }, arg);
    },
    click: (selector) => page.click(selector),
    fill: async (selector, value) => {
      await page.locator(selector).fill(value);
    },
    // Puppeteer presses one key: chords like Control+S are held and released here.
    press: async (chord) => {
      const keys = chord.split('+') as never[];
      const key = keys.pop() as never;
      for (const modifier of keys) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
    },
    type: (text) => page.keyboard.type(text),
    uploadFile: async (selector, file) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    },
    resize: (width, height) => page.setViewport({ width, height }),
    colorScheme: (scheme) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    setOffline: (offline) => page.setOfflineMode(offline),
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png` });
    },
    close: () => page.close(),
  };
}

export interface LaunchOptions {
  /** Headed only for `npm run demo` on a machine with a display. */
  headless?: boolean;
  /** The browser's interface language (Chromium), which the extension follows. */
  language?: string;
  /** A profile to start on again (a restart); a new one when absent. */
  profile?: string;
  /** What pages read as `navigator.platform`, e.g. `MacIntel`; the machine's own when absent. */
  platform?: string;
}

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const { headless = true, language, platform } = options;
  const dir = extensionDir('chromium');
  const profile = options.profile ?? (await mkdtemp(path.join(tmpdir(), 'pqe-chromium-')));
  const context: PlaywrightContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...(language ? [`--lang=${language}`] : []),
    ],
    locale: language,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  const errors: string[] = [];
  const record = (where: string) => (message: ConsoleMessage) => {
    if (message.type() === 'error' && !isNetworkNote(message.text()))
      errors.push(`${where}: ${message.text()}`);
  };
  context.on('console', record('page'));
  context.on('weberror', (error) => errors.push(`page: ${error.error().message} ${error.error().stack}`));
  // The background restarts as a new worker: each one is watched.
  const watchWorker = (serviceWorker: PlaywrightWorker) => serviceWorker.on('console', record('background'));
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);
  const extension: ExtensionBrowser = {
    errors,
    kind: 'chromium',
    extensionOrigin,
    newPage: async () => {
      const page = await context.newPage();
      if (platform) {
        const cdp = await context.newCDPSession(page);
        const userAgent = await page.evaluate(() => navigator.userAgent);
        await cdp.send('Emulation.setUserAgentOverride', { userAgent, platform });
      }
      return playwrightPage(page);
    },
    pageUrls: async () => context.pages().map((page) => page.url()),
    waitForPage: async (matches) => {
      const page = await poll(async () => context.pages().find((candidate) => matches(candidate.url())));
      return playwrightPage(page);
    },
    stopBackground: async () => {
      const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    allTargetUrls: async () => {
      const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
      const { targetInfos } = await cdp.send('Target.getTargets');
      await cdp.detach();
      return targetInfos.map((target) => target.url);
    },
    evaluateIn: async (matches, expression) => {
      const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
      try {
        const { targetInfos } = await cdp.send('Target.getTargets');
        const target = targetInfos.find((info) => matches(info.url));
        if (!target) throw new Error('No such target is open');
        // Not flattened: the target's session is spoken to through this page's session.
        const { sessionId } = await cdp.send('Target.attachToTarget', {
          targetId: target.targetId,
          flatten: false,
        });
        type Answer = { id?: number; result?: { result?: { value?: unknown } } };
        const answer = new Promise<Answer>((resolve) =>
          cdp.on('Target.receivedMessageFromTarget', (event) => {
            const message = JSON.parse(event.message) as Answer;
            if (event.sessionId === sessionId && message.id === 1) resolve(message);
          }),
        );
        const params = { expression, returnByValue: true, awaitPromise: true };
        const message = JSON.stringify({ id: 1, method: 'Runtime.evaluate', params });
        await cdp.send('Target.sendMessageToTarget', { sessionId, message });
        return (await answer).result?.result?.value;
      } finally {
        await cdp.detach();
      }
    },
    restart: async () => {
      await context.close();
      return launchChromium({ ...options, profile });
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  // A restart installs nothing: no onboarding page opens.
  if (!options.profile) await settled(extension);
  return extension;
}

/** Install opens onboarding in a tab; tests start once it is there, so it cannot take over theirs. */
async function settled(extension: ExtensionBrowser): Promise<void> {
  await extension.waitForPage((url) => url === `${extension.extensionOrigin}/options.html`);
}

/** Puppeteer does not follow moz-extension:// navigations: ask the page where it is. */
function whereIs(page: PuppeteerPage): Promise<string> {
  return page.evaluate(() => location.href).catch(() => page.url());
}

async function poll<T>(find: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ACTION_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const found = await find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Timed out waiting for a page');
}

async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profile = options.profile ?? (await mkdtemp(path.join(tmpdir(), 'pqe-firefox-')));
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      // The add-on is installed afresh at each start (automation installs it temporarily): its
      // storage stays, as a permanently installed add-on's does across restarts.
      'extensions.webextensions.keepStorageOnUninstall': true,
      ...(options.platform ? { 'general.platform.override': options.platform } : {}),
    },
  });
  await browser.installExtension(extensionDir('firefox'));
  const errors: string[] = [];
  const extension: ExtensionBrowser = {
    errors,
    kind: 'firefox',
    extensionOrigin: `moz-extension://${FIREFOX_UUID}`,
    newPage: async () => puppeteerPage(await browser.newPage(), errors),
    pageUrls: async () => Promise.all((await browser.pages()).map(whereIs)),
    waitForPage: async (matches) => {
      const page = await poll(async () => {
        for (const candidate of await browser.pages())
          if (matches(await whereIs(candidate))) return candidate;
        return undefined;
      });
      return puppeteerPage(page, errors);
    },
    allTargetUrls: async () => Promise.all((await browser.pages()).map(whereIs)),
    restart: async () => {
      await browser.close();
      return launchFirefox({ ...options, profile });
    },
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  await settled(extension);
  return extension;
}

export function launchExtensionBrowser(
  kind: BrowserKind = BROWSER_KIND,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  return kind === 'firefox' ? launchFirefox(options) : launchChromium(options);
}
