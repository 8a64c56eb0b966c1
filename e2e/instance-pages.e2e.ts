import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_KIND, type E2EPage } from './harness/browsers.ts';
import {
  clickButton,
  fillField,
  openExtensionPage,
  openPopup,
  signInAs,
  waitForText,
} from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, closeAfterTest, instance, useSession } from './harness/session.ts';
import { startTestInstance } from './harness/simulator.ts';

const ADMIN = 1;
const TOMASZ = 7;
const BUTTON = '[data-profile-quick-edit]';

describe(`${BROWSER_KIND}: instance pages`, () => {
  /** The instance page under test, opened fresh for each test. */
  let page: E2EPage;

  useSession();
  beforeEach(async () => {
    await signInAs(browser, instance, ADMIN);
    // Warm the admin's own profile, as a first popup open would: it tells the page script
    // that this user may edit others.
    const popup = await openPopup(browser);
    await popup.close();
    page = closeAfterTest(await browser.newPage());
  });

  const buttons = () => page.evaluate((tag) => document.querySelectorAll(tag).length, BUTTON);

  async function waitForButtons(count: number) {
    await page.waitForFunction(({ tag, expected }) => document.querySelectorAll(tag).length === expected, {
      tag: BUTTON,
      expected: count,
    });
    expect(await buttons()).toBe(count);
  }

  /**
   * The editor the extension opened: the side panel where the browser allows it (Chromium), else
   * a small window (Firefox: its sidebar opens only from the extension's own UI). Automation
   * cannot drive a side panel, so once it is seen open, the same page is driven in a tab.
   */
  async function editorPage(): Promise<E2EPage> {
    const sidePanel = `${browser.extensionOrigin}/sidepanel.html`;
    for (let waited = 0; waited < 10_000; waited += 100) {
      const urls = await browser.allTargetUrls();
      if (urls.some((url) => url.includes('popup.html?origin='))) {
        return browser.waitForPage((url) => url.includes('popup.html?origin='));
      }
      if (urls.includes(sidePanel)) return openExtensionPage(browser, 'sidepanel.html');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The editor did not open');
  }

  /** Presses the page's button and checks that the editor it opens shows `name`. */
  async function pressOpensEditorFor(name: string) {
    await page.click(BUTTON);
    const editor = await editorPage();
    await waitForText(editor, name);
    await editor.close();
  }

  it('admin: users list → a user → Edit profile → the editor for that user saves to the instance', async () => {
    await page.goto(`${instance.origin}/admin/users`);
    await waitForText(page, 'Tomasz Wren');
    expect(await buttons()).toBe(0);
    await page.click(`a[href="/users/${TOMASZ}"]`);
    await waitForButtons(1);
    await page.click(BUTTON);

    const editor = await editorPage();
    await waitForText(editor, 'Tomasz Wren');
    await waitForText(editor, 'not your own');
    await fillField(editor, 'Website', 'tomasz.example');
    await clickButton(editor, 'Save');
    await waitForText(editor, 'Saved.');
    expect((await instance.profile(TOMASZ)).websiteUrl).toBe('https://tomasz.example/');
    await editor.close();
  });

  it('follows single-page navigation: retargets, leaves user pages, never duplicates', async () => {
    await page.goto(`${instance.origin}/admin/users`);
    await waitForText(page, 'Hanna Brandt');
    await page.click(`a[href="/users/${TOMASZ}"]`);
    await waitForButtons(1);
    await page.evaluate(() => history.back(), null);
    await waitForText(page, 'Users');
    await waitForButtons(0);
    await page.click('a[href="/users/6"]');
    await waitForButtons(1);
    await page.click('a[href="/profile/personal-information"]');
    await waitForText(page, 'Personal information');
    await waitForButtons(1);

    await pressOpensEditorFor('Hanna Brandt');
  });

  it('keeps a working button on a page with hostile CSS', async () => {
    await page.goto(`${instance.origin}/users/${TOMASZ}?hostile=1`);
    await waitForButtons(1);
    const box = await page.evaluate((tag) => {
      const rect = (document.querySelector(tag) as HTMLElement).getBoundingClientRect();
      return { width: rect.width, height: rect.height, right: innerWidth - rect.right };
    }, BUTTON);
    expect(box.width).toBeGreaterThan(60);
    expect(box.height).toBeGreaterThan(20);
    await pressOpensEditorFor('Tomasz Wren');
  });

  it('a page that defines the button’s element name first gets nothing to reach in with', async () => {
    record({ kind: 'hostile', browser: BROWSER_KIND, name: 'a page upgrading the button’s host element' });
    await page.goto(`${instance.origin}/users/${TOMASZ}?upgrade=1`);
    await waitForButtons(1);
    const reached = await page.evaluate(
      () =>
        (window as unknown as { __internals: { shadowRoot: unknown }[] }).__internals.filter(
          (internals) => internals.shadowRoot,
        ).length + [...document.querySelectorAll('*')].filter((element) => element.shadowRoot).length,
      null,
    );
    expect(reached).toBe(0);
    await pressOpensEditorFor('Tomasz Wren');
  });

  it('a page that switches its address as the button is pressed opens no editor', async () => {
    record({ kind: 'hostile', browser: BROWSER_KIND, name: 'a decoy layer and pushState on pointerdown' });
    await page.goto(`${instance.origin}/users/${TOMASZ}?decoy=1`);
    await waitForButtons(1);
    const openBefore = (await browser.allTargetUrls()).length;
    await instance.clearLog();
    await page.click(BUTTON);
    await page.waitForFunction(() => location.pathname === '/users/13', null);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await browser.allTargetUrls()).length).toBe(openBefore);
    expect((await instance.requests()).filter((request) => request.path.includes('/13/'))).toEqual([]);
  });

  it('ignores page scripts: synthetic clicks and window messages open nothing and send nothing', async () => {
    await page.goto(`${instance.origin}/users/${TOMASZ}`);
    await waitForButtons(1);
    await instance.clearLog();
    const openBefore = (await browser.allTargetUrls()).length;
    await page.evaluate(
      ({ tag }) => {
        const host = document.querySelector(tag) as HTMLElement;
        host.click();
        host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        for (const target of [host, document.body])
          target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
        window.postMessage(
          { protocol: 'profile-quick-edit/1', type: 'cs:openEditor', payload: { userId: 7 } },
          '*',
        );
        window.postMessage({ type: 'ui:getProfile', payload: {} }, '*');
      },
      { tag: BUTTON },
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await browser.allTargetUrls()).length).toBe(openBefore);
    expect((await instance.requests()).filter((r) => r.path.startsWith('/api/'))).toEqual([]);
  });

  it('does nothing on the same host at another port: another instance, not set up', async () => {
    const neighbour = await startTestInstance();
    try {
      await page.goto(`${neighbour.origin}/users/${TOMASZ}`);
      await waitForText(page, 'Tomasz Wren');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await buttons()).toBe(0);
      expect((await neighbour.requests()).filter((request) => request.path.startsWith('/api/'))).toEqual([]);
    } finally {
      await neighbour.close();
    }
  });

  it('does not run on an origin that was not granted', async () => {
    const ungranted = instance.origin.replace('127.0.0.1', 'localhost');
    await page.goto(`${ungranted}/users/${TOMASZ}`);
    await waitForText(page, 'Tomasz Wren');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await buttons()).toBe(0);
    // The same page on the granted origin does get it, so the check above can fail.
    await page.goto(`${instance.origin}/users/${TOMASZ}`);
    await waitForButtons(1);
  });
});
