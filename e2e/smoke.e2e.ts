import { describe, expect, it } from 'vitest';
import { BROWSER_KIND } from './harness/browsers.ts';
import { configureInstance, openExtensionPage, waitForText } from './harness/extension.ts';
import { browser, instance, useSession } from './harness/session.ts';

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
});
