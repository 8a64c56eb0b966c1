import { beforeEach, describe, expect, it } from 'vitest';
import type { E2EPage } from './harness/browsers.ts';
import { openPopup, signInAs } from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, instance, useSession } from './harness/session.ts';

const ADMIN = 1;
const TOMASZ = 7;
const BUTTON = '[data-profile-quick-edit]';

/**
 * The side panel follows the active tab, so a page can move it by changing its own address. Only
 * Chromium has the side panel API (Firefox opens a window for one user: editor-window.firefox.e2e.ts),
 * and only the DevTools protocol reaches into it.
 */
describe('chromium: the side panel and the page beside it', () => {
  let page: E2EPage;

  useSession('chromium');
  beforeEach(async () => {
    await signInAs(browser, instance, ADMIN);
    // The admin's own profile, cached: it tells the page script that this user may edit others.
    await (await openPopup(browser)).close();
    page = await browser.newPage();
  });

  it('the side panel says when the page switches it to another user, and asks first over unsaved changes', async () => {
    record({
      kind: 'hostile',
      browser: 'chromium',
      name: 'an unprompted pushState with the side panel open',
    });
    await page.goto(`${instance.origin}/users/${TOMASZ}`);
    await page.waitFor(BUTTON);
    await page.click(BUTTON);
    const sidePanel = (url: string) => url === `${browser.extensionOrigin}/sidepanel.html`;
    const panel = (expression: string) =>
      (browser.evaluateIn as NonNullable<typeof browser.evaluateIn>)(sidePanel, expression);
    const panelText = async (text: string) => {
      for (let waited = 0; waited < 10_000; waited += 100) {
        const shown = await panel('document.body.textContent').catch(() => '');
        if (typeof shown === 'string' && shown.includes(text)) return shown;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`The side panel never showed “${text}”: ${await panel('document.body.textContent')}`);
    };
    await panelText('Tomasz Wren');

    // No user action: the page moves itself to another user's address.
    await page.evaluate(() => history.pushState(null, '', '/users/8'), null);
    const shown = await panelText('This page switched to User 8');
    expect(shown).toContain('instead of User 7');
    await panelText('Lena Okafor');

    // With unsaved changes, the panel asks, and keeps showing what is being edited.
    await panel(`(() => {
      const field = [...document.querySelectorAll('label')].find((label) => label.textContent.trim().startsWith('Website'));
      const input = document.getElementById(field.htmlFor);
      input.value = 'lena.example';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await page.evaluate(() => history.pushState(null, '', '/users/7'), null);
    await panelText('Your unsaved changes here stay as a draft if you switch');
    expect(await panel('document.body.textContent')).toContain('Lena Okafor');
    expect(
      await panel(
        `document.getElementById([...document.querySelectorAll('label')].find((label) => label.textContent.trim().startsWith('Website')).htmlFor).value`,
      ),
    ).toBe('lena.example');
  });
});
