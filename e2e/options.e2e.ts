import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './harness/accessibility.ts';
import { BROWSER_KIND, type E2EPage } from './harness/browsers.ts';
import {
  byName,
  check,
  clearExtensionStorage,
  clickButton,
  configureInstance,
  fillField,
  openExtensionPage,
  openPopup,
  storedEverywhere,
  waitForField,
  waitForText,
} from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, instance, useSession } from './harness/session.ts';

const MIRA = 6;

describe(`${BROWSER_KIND}: options and onboarding`, () => {
  let host: string;

  useSession();
  beforeAll(async () => {
    host = new URL(instance.origin).host;
  });

  /** Signs in on the instance's own login page as Mira, as a person would, and closes the tab. */
  async function signInOnSite(site: E2EPage): Promise<void> {
    await site.goto(`${instance.origin}/login`);
    await fillField(site, 'Username', 'mira');
    await fillField(site, 'Password', 'mira-pass');
    await clickButton(site, 'Sign in');
    await waitForText(site, 'Personal information');
    await site.close();
  }

  async function openOptions(): Promise<E2EPage> {
    const page = await openExtensionPage(browser, 'options.html');
    await waitForText(page, 'Profile Quick Edit');
    return page;
  }

  it('links to the privacy policy, which ships inside the extension', async () => {
    const options = await openOptions();
    const link = await byName(options, 'Privacy policy', 'a');
    const address = await options.evaluate(
      (selector) => (document.querySelector(selector) as HTMLAnchorElement).href,
      link,
    );
    expect(address).toBe(`${browser.extensionOrigin}/privacy.html`);
    // Opened as the link does, in a tab of its own.
    const policy = await openExtensionPage(browser, 'privacy.html');
    await waitForText(policy, 'What it keeps, and where');
    await waitForText(policy, 'Deleting it');
    await policy.close();
    await options.close();
  });

  it('opens onboarding on install; URL + token → Grant → Test connection names the user → the popup works', async () => {
    await expect.poll(() => browser.pageUrls()).toContainEqual(expect.stringMatching(/\/options\.html$/));
    const options = await openOptions();
    await waitForText(options, 'Connect your Creators Hub instance');
    await fillField(options, 'Instance URL', instance.origin);
    await fillField(options, 'API token', instance.tokens.get(MIRA) ?? '');
    await clickButton(options, 'Grant access');
    await waitForText(options, `Access to ${host} granted and settings saved.`);
    await clickButton(options, 'Test connection');
    await waitForText(options, 'Connected as Mira Castellano (@mira), user 6.');
    // What next: the toolbar button, the shortcut the browser reports (automated Chromium assigns
    // this unpacked build none), and where a new extension's button starts out.
    await waitForText(
      options,
      browser.kind === 'firefox'
        ? 'open the editor with the extension’s button in the toolbar, or press Alt+Shift+P.'
        : 'open the editor with the extension’s button in the toolbar.',
    );
    await waitForText(options, 'Until you pin it, the button waits in the browser’s extensions menu');

    const popup = await openExtensionPage(browser, 'popup.html');
    await waitForText(popup, 'Mira Castellano');
    await waitForField(popup, 'Description');
    await popup.close();
    await options.close();
  });

  it('browser-session mode: signs in on the instance, and the popup works with no token stored', async () => {
    await clearExtensionStorage(browser);
    await signInOnSite(await browser.newPage());

    await instance.clearLog();
    const options = await openOptions();
    await fillField(options, 'Instance URL', instance.origin);
    await check(options, 'Browser session');
    await clickButton(options, 'Grant access');
    await waitForText(options, 'granted and settings saved');
    await clickButton(options, 'Test connection');
    await waitForText(options, 'Connected as Mira Castellano (@mira), user 6.');
    await options.close();

    const popup = await openPopup(browser);
    await popup.close();
    const stored = await storedEverywhere(browser);
    expect(stored).not.toContain('token:');
    const apiRequests = (await instance.requests()).filter((r) => r.path.startsWith('/api/public/'));
    expect(apiRequests.length).toBeGreaterThan(0);
    for (const request of apiRequests)
      expect(request).toMatchObject({ authorization: null, sessionCookie: true });
  });

  it('browser-session mode, signed out: the editor offers to sign in on the instance, then Try again loads the profile', async () => {
    await configureInstance(browser, { origin: instance.origin, authMode: 'session', userId: MIRA });
    const popup = await openExtensionPage(browser, 'popup.html');
    await waitForText(popup, `You are not signed in on ${host}.`);
    await expectAccessible(popup);
    await clickButton(popup, `Sign in on ${host}`);
    await signInOnSite(await browser.waitForPage((url) => url.startsWith(instance.origin)));

    await clickButton(popup, 'Try again');
    await waitForField(popup, 'Description', 'Ceramics and slow video.');
    await popup.close();
  });

  it.each([
    ['ftp://x', '“ftp:” addresses are not supported'],
    ['', 'Enter your instance'],
    ['not a url', 'not a web address'],
    ['http://hub.example', 'only allowed for localhost'],
  ])('refuses the address %j with a clear message and saves nothing', async (address, message) => {
    await clearExtensionStorage(browser);
    const options = await openOptions();
    await fillField(options, 'Instance URL', address);
    await fillField(options, 'API token', 'abc');
    await clickButton(options, 'Save');
    await waitForText(options, message);
    await options.close();
    expect(await storedEverywhere(browser)).not.toContain('instances');
  });

  it.each([
    ['', 'Paste your API token'],
    ['    ', 'Paste your API token'],
  ])('refuses the token %j and saves nothing', async (token, message) => {
    await clearExtensionStorage(browser);
    const options = await openOptions();
    await fillField(options, 'Instance URL', instance.origin);
    await fillField(options, 'API token', token);
    await clickButton(options, 'Save');
    await waitForText(options, message);
    await options.close();
    expect(await storedEverywhere(browser)).not.toContain('instances');
  });

  it('takes a token pasted as “Bearer …”', async () => {
    await clearExtensionStorage(browser);
    const options = await openOptions();
    await fillField(options, 'Instance URL', instance.origin);
    await fillField(options, 'API token', `Bearer ${instance.tokens.get(MIRA)}`);
    await clickButton(options, 'Test connection');
    await waitForText(options, 'Connected as Mira Castellano');
    await options.close();
    const requests = await instance.requests();
    expect(requests.at(-1)?.authorization).toBe(`Bearer ${instance.tokens.get(MIRA)}`);
  });

  it('says whether the extension’s script on instance pages could read its local storage', async () => {
    const options = await openOptions();
    await waitForText(options, 'Privacy policy');
    const note = 'read its local storage';
    // Chromium keeps content scripts out of storage.local when asked; Firefox cannot.
    if (BROWSER_KIND === 'firefox') await waitForText(options, note);
    else {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await options.evaluate(() => document.body.textContent, null)).not.toContain(note);
    }
    await options.close();
  });

  it('removing an instance leaves no trace of its token or its history in any storage', async () => {
    const token = instance.tokens.get(MIRA) ?? '';
    await configureInstance(browser, { origin: instance.origin, userId: MIRA, token, remember: true });
    // A second copy in the session area too: removal must find both.
    const page = await openExtensionPage(browser, 'options.html');
    await page.evaluate(
      async (copy) => {
        const api = (
          globalThis as unknown as {
            chrome: { storage: { session: { set(items: object): Promise<void> } } };
          }
        ).chrome;
        await api.storage.session.set({ [`token:${copy.origin}`]: copy.token });
      },
      { origin: instance.origin, token },
    );
    await page.close();
    const popup = await openPopup(browser);
    await fillField(popup, 'Website', 'mira.example');
    await clickButton(popup, 'Save');
    await waitForText(popup, 'Saved.');
    expect(await storedEverywhere(browser)).toContain('history:');
    await fillField(popup, 'Description', 'An unsaved draft');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await popup.close();
    expect(await storedEverywhere(browser)).toContain(token);

    const options = await openOptions();
    await clickButton(options, `Remove ${host}`);
    await waitForText(options, 'Unsaved profile drafts');
    await clickButton(options, `Remove ${host}`);
    await waitForText(options, 'Connect your Creators Hub instance');
    await options.close();
    const stored = await storedEverywhere(browser);
    record({ kind: 'tokenCheck', where: `${BROWSER_KIND}: storage after removing the instance` });
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('token:');
    expect(stored).not.toContain('draft:');
    expect(stored).not.toContain('history:');
  });
});
