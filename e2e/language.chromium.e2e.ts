import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtensionBrowser } from './harness/browsers.ts';
import { fieldValue, openExtensionPage, signInAs, waitForField, waitForText } from './harness/extension.ts';
import { startTestInstance, type TestInstance } from './harness/simulator.ts';

describe('chromium: the extension speaks the browser’s language', () => {
  let instance: TestInstance;

  beforeAll(async () => {
    instance = await startTestInstance();
  });
  afterAll(async () => {
    await instance?.close();
  });

  for (const [language, labels] of [
    [
      'de',
      {
        description: 'Beschreibung',
        save: 'Speichern',
        country: 'Albanien',
        setUp: 'Verbinde deine Creators-Hub-Instanz',
      },
    ],
    [
      'pl',
      {
        description: 'Opis',
        save: 'Zapisz',
        country: 'Albania',
        setUp: 'Połącz swoją instancję Creators Hub',
      },
    ],
  ] as const) {
    it(`${language}: options and the editor`, async () => {
      const browser: ExtensionBrowser = await launchExtensionBrowser('chromium', { language });
      try {
        const options = await openExtensionPage(browser, 'options.html');
        await waitForText(options, labels.setUp);
        expect(await options.evaluate(() => document.documentElement.lang, null)).toMatch(
          new RegExp(`^${language}`),
        );
        await signInAs(browser, instance, 6);
        const popup = await openExtensionPage(browser, 'popup.html');
        await waitForField(popup, labels.description);
        await waitForText(popup, labels.save);
        expect(await fieldValue(popup, { de: 'Land', pl: 'Kraj' }[language])).toBe(labels.country);
      } finally {
        await browser.close();
      }
    });
  }
});
