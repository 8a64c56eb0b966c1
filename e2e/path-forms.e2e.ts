import { describe, expect, it } from 'vitest';
import { BROWSER_KIND } from './harness/browsers.ts';
import {
  clickButton,
  fillField,
  openPopup,
  signInAs,
  waitForField,
  waitForText,
} from './harness/extension.ts';
import { browser, closeAfterTest, instance, useSession } from './harness/session.ts';

const MIRA = 6;

describe(`${BROWSER_KIND}: an instance that serves profiles only at the later /profile/info paths`, () => {
  useSession(undefined, { instance: { pathForms: ['profileInfo'] } });

  const profileRequests = async () =>
    (await instance.requests())
      .filter((request) => /\/user\/6\/(profile\/)?info$/.test(request.path))
      .map((request) => `${request.method} ${request.path} ${request.status}`);

  it('reads and saves there, and from then on goes there straight away', async () => {
    await signInAs(browser, instance, MIRA);
    const first = closeAfterTest(await openPopup(browser));
    await waitForField(first, 'Description', 'Ceramics and slow video.');
    await fillField(first, 'Website', 'mira.example');
    await clickButton(first, 'Save');
    await waitForText(first, 'Saved.');
    expect((await instance.profile(MIRA)).websiteUrl).toBe('https://mira.example/');
    const firstOpen = await profileRequests();
    // One miss on the seed's path, then the later one, for the save's read and its single PUT too.
    expect(firstOpen[0]).toBe('GET /api/public/user/6/info 404');
    expect(firstOpen.slice(1).every((line) => line.includes('/profile/info 200'))).toBe(true);
    expect(firstOpen.filter((line) => line.startsWith('PUT'))).toEqual([
      'PUT /api/public/user/6/profile/info 200',
    ]);
    await first.close();

    await instance.clearLog();
    const again = closeAfterTest(await openPopup(browser));
    await waitForField(again, 'Website', 'https://mira.example/');
    await instance.waitForRequest((request) => request.path === '/api/public/user/6/profile/info');
    expect(await profileRequests()).toEqual(['GET /api/public/user/6/profile/info 200']);
  });
});
