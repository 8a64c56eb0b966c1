import { describe, expect, it } from 'vitest';
import { BROWSER_KIND } from './harness/browsers.ts';
import { configureInstance, openExtensionPage, waitForText } from './harness/extension.ts';
import { browser, closeAfterTest, instance, useSession } from './harness/session.ts';

describe(`${BROWSER_KIND}: smoke`, () => {
  useSession();

  it('the popup shows user 6’s name, fetched by the background with the Bearer token', async () => {
    const token = instance.tokens.get(6) ?? '';
    await configureInstance(browser, { origin: instance.origin, userId: 6, token });
    const popup = await openExtensionPage(browser, 'popup.html');
    await waitForText(popup, 'Mira Castellano');
    const requests = await instance.requests();
    expect(requests).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        path: '/api/public/user/6/info',
        authorization: `Bearer ${token}`,
      }),
    );
    await popup.close();
  });

  it('every extension page shows its text at the size and in the font its stylesheet sets', async () => {
    for (const page of ['popup.html', 'sidepanel.html', 'options.html', 'privacy.html']) {
      const opened = closeAfterTest(await openExtensionPage(browser, page));
      await opened.waitForFunction(() => document.readyState === 'complete', null);
      // Chrome gives extension pages' text a font of its own at 75% size, unless the page overrides it.
      const font = await opened.evaluate(() => {
        const [root, body] = [document.documentElement, document.body].map((element) => {
          const style = getComputedStyle(element);
          return `${style.fontSize} ${style.fontFamily}`;
        });
        return { root, body };
      }, null);
      expect(font.body, page).toBe(font.root);
    }
  });
});
