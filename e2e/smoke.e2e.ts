import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_KIND, type ExtensionBrowser } from './harness/browsers.ts';
import { configureInstance, openExtensionPage, waitForText } from './harness/extension.ts';
import { closeSession, openSession } from './harness/session.ts';
import type { TestInstance } from './harness/simulator.ts';

describe(`${BROWSER_KIND}: smoke`, () => {
  let instance: TestInstance;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ instance, browser } = await openSession());
  });
  afterAll(async () => {
    await closeSession(instance, browser);
  });

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
