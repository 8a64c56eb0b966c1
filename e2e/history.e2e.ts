import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_KIND, type E2EPage } from './harness/browsers.ts';
import {
  clickButton,
  fieldValue,
  fillField,
  isInView,
  openPopup,
  signInAs,
  waitForText,
} from './harness/extension.ts';
import { browser, closeAfterTest, instance, restartBrowser, useSession } from './harness/session.ts';

const MIRA = 6;

describe(`${BROWSER_KIND}: undo and history`, () => {
  useSession();
  beforeEach(async () => {
    // Remembered, so that the token is still there after a browser restart.
    await signInAs(browser, instance, MIRA, { remember: true });
  });

  async function puts() {
    return (await instance.requests()).filter((request) => request.method === 'PUT');
  }

  async function saveWebsite(page: E2EPage, website: string) {
    await fillField(page, 'Website', website);
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
  }

  it('Undo right after saving a new Website puts the old one back, with exactly one more PUT', async () => {
    const popup = closeAfterTest(await openPopup(browser));
    await saveWebsite(popup, 'mira.example');
    expect((await instance.profile(MIRA)).websiteUrl).toBe('https://mira.example/');
    await clickButton(popup, 'Undo');
    await expect.poll(async () => (await instance.profile(MIRA)).websiteUrl).toBeNull();
    await waitForText(popup, 'Saved.');
    expect(await fieldValue(popup, 'Website')).toBe('');
    expect((await puts()).map((request) => request.body)).toEqual([
      { websiteUrl: 'https://mira.example/' },
      { websiteUrl: null },
    ]);
  });

  it('Undo after the instance changed that field meanwhile asks which value stays, and overwrites nothing', async () => {
    const popup = closeAfterTest(await openPopup(browser));
    await saveWebsite(popup, 'mira.example');
    await instance.editElsewhere(MIRA, { websiteUrl: 'https://changed-elsewhere.example/' });
    const putsBefore = (await puts()).length;
    await clickButton(popup, 'Undo');
    await waitForText(popup, 'while you were editing');
    expect(await puts()).toHaveLength(putsBefore);
    expect((await instance.profile(MIRA)).websiteUrl).toBe('https://changed-elsewhere.example/');
  });

  it('an open history shows a save as soon as it is made', async () => {
    const popup = closeAfterTest(await openPopup(browser));
    await saveWebsite(popup, 'first.example');
    await clickButton(popup, 'History');
    await popup.waitFor('.history-list > li');
    await saveWebsite(popup, 'second.example');
    await popup.waitForFunction(() => document.querySelectorAll('.history-list > li').length === 2, null);
  });

  it('keeps the history through closing the popup and restarting the browser, newest first; Restore puts an older save’s earlier value in the form, unsaved', async () => {
    const before = await openPopup(browser);
    await saveWebsite(before, 'first.example');
    await saveWebsite(before, 'second.example');
    await before.close();

    await restartBrowser();
    const popup = closeAfterTest(await openPopup(browser));
    await popup.resize(400, 600);
    await fillField(popup, 'Twitter', '@kept_as_typed');
    await clickButton(popup, 'History');
    await popup.waitFor('.history-list > li');
    const entries = () =>
      popup.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('.history-list > li')].map(
            (entry) => entry.querySelectorAll('.history-value')[1]?.textContent,
          ),
        null,
      );
    expect(await entries()).toEqual(['https://second.example/', 'https://first.example/']);
    const putsBefore = (await puts()).length;
    await popup.click('.history-list > li:nth-child(2) button');
    await waitForText(popup, 'The values from before that save are back in the form.');
    expect(await isInView(popup, '.banner-info')).toBe(true);
    expect(await fieldValue(popup, 'Website')).toBe('');
    expect(await fieldValue(popup, 'Twitter')).toBe('@kept_as_typed');
    expect(await puts()).toHaveLength(putsBefore);
    expect((await instance.profile(MIRA)).websiteUrl).toBe('https://second.example/');
  });
});
