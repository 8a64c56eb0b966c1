import { describe, expect, it } from 'vitest';
import { openPopup, signInAs, waitForText } from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, instance, useSession } from './harness/session.ts';

const ADMIN = 1;
const TOMASZ = 7;
const BUTTON = '[data-profile-quick-edit]';

/**
 * Firefox has no side panel API: the button opens the editor in a window of its own, for the
 * user the page showed. The page's later address changes do not reach it (Chromium's side panel,
 * which follows the tab, is tested in side-panel.chromium.e2e.ts).
 */
describe('firefox: the editor window and the page that opened it', () => {
  useSession('firefox');

  it('keeps editing the user it opened when the page switches its address unprompted', async () => {
    record({ kind: 'hostile', browser: 'firefox', name: 'an unprompted pushState with the editor open' });
    await signInAs(browser, instance, ADMIN);
    await (await openPopup(browser)).close();
    const page = await browser.newPage();
    await page.goto(`${instance.origin}/users/${TOMASZ}`);
    await page.waitFor(BUTTON);
    await page.click(BUTTON);
    const editor = await browser.waitForPage((url) => url.includes(`popup.html?origin=`));
    await waitForText(editor, 'Tomasz Wren');
    await instance.clearLog();

    await page.evaluate(() => history.pushState(null, '', '/users/8'), null);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await waitForText(editor, 'Tomasz Wren');
    expect(await editor.evaluate(() => document.body.textContent, null)).not.toContain('Lena Okafor');
    expect((await instance.requests()).filter((request) => request.path.includes('/user/8/'))).toEqual([]);
  });
});
