import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_KIND, type E2EPage } from './harness/browsers.ts';
import { markWallTime } from './harness/clock.ts';
import {
  clickButton,
  configureInstance,
  fieldValue,
  fillField,
  isInView,
  openExtensionPage,
  openPopup,
  signInAs,
  waitForField,
  waitForText,
} from './harness/extension.ts';
import { browser, closeAfterTest, instance, useSession } from './harness/session.ts';

const MIRA = 6;
/** Mira's bio as the simulator stores it is `<p>Ceramics and <strong>slow</strong> video.</p>`. */
const SEEDED_BIO = 'Ceramics and slow video.';

describe(`${BROWSER_KIND}: popup quick editor`, () => {
  useSession();
  beforeEach(async () => {
    await signInAs(browser, instance, MIRA);
  });

  /** The popup, closed when the test ends. */
  async function openEditorPopup(): Promise<E2EPage> {
    return closeAfterTest(await openPopup(browser));
  }

  async function puts() {
    return (await instance.requests()).filter((r) => r.method === 'PUT');
  }

  it('saves a new description, Twitter handle and country in one PUT of exactly those fields', async () => {
    const page = await openEditorPopup();
    await waitForField(page, 'Description', SEEDED_BIO);
    await fillField(page, 'Description', 'Glaze tests 🧪 and שלום');
    await fillField(page, 'Twitter', '@mira_glazes');
    await fillField(page, 'Country', 'Poland');
    await waitForText(page, 'Will be saved as https://twitter.com/mira_glazes');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');

    const profile = await instance.profile(MIRA);
    expect(profile).toMatchObject({
      description: '<p>Glaze tests 🧪 and שלום</p>',
      twitterUrl: 'https://twitter.com/mira_glazes',
      country: { label: 'Poland', value: 'PL' },
    });
    const sent = await puts();
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0]?.body as object).sort()).toEqual(['country', 'description', 'twitterUrl']);
    expect(await fieldValue(page, 'Twitter')).toBe('https://twitter.com/mira_glazes');
  });

  it('restores a draft after the popup closes mid-edit; Discard brings back the server values', async () => {
    let page = await openEditorPopup();
    await fillField(page, 'Description', 'Half-typed thought');
    await fillField(page, 'Website', 'mira.example');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.close();

    page = await openEditorPopup();
    await waitForText(page, 'Restored your unsaved changes.');
    expect(await fieldValue(page, 'Description')).toBe('Half-typed thought');
    expect(await fieldValue(page, 'Website')).toBe('mira.example');
    await clickButton(page, 'Discard');
    await waitForField(page, 'Description', SEEDED_BIO);
    expect(await fieldValue(page, 'Website')).toBe('');
    expect(await puts()).toHaveLength(0);
  });

  it('keeps the draft when the PUT fails with 500, and the next Save succeeds', async () => {
    const page = await openEditorPopup();
    await instance.addFault({ method: 'PUT', path: '/info$', status: 500, times: 1 });
    await fillField(page, 'Description', 'Survives a 500');
    await clickButton(page, 'Save');
    await waitForText(page, 'had a problem (HTTP 500); try again in a moment. Your changes are kept.');
    expect(await fieldValue(page, 'Description')).toBe('Survives a 500');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    expect((await instance.profile(MIRA)).description).toBe('<p>Survives a 500</p>');
    expect(await puts()).toHaveLength(2);
  });

  it('says what failed when a load fails with nothing unsaved, claims no kept changes, and Try again loads', async () => {
    // Every attempt of the first load fails (a GET is tried three times).
    await instance.addFault({ method: 'GET', path: '/info$', status: 500, times: 3 });
    const page = closeAfterTest(await openExtensionPage(browser, 'popup.html'));
    await waitForText(page, 'had a problem (HTTP 500)');
    const alert = await page.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? '', null);
    expect(alert).not.toContain('changes');
    await clickButton(page, 'Try again');
    await waitForField(page, 'Description', SEEDED_BIO);
    await page.waitFor('[role=alert]', { hidden: true });
  });

  it('offline: says so, without claiming kept changes when there are none, and loads once back online', async () => {
    // The connection is lost as the popup reads the profile (a GET is tried three times).
    await instance.addFault({ method: 'GET', path: '/info$', drop: 'beforeApply', times: 3 });
    const page = closeAfterTest(await openExtensionPage(browser, 'popup.html'));
    await waitForText(page, 'Could not reach');
    await page.setOffline(true);
    await waitForText(page, 'You are offline. The profile loads again when you are back online.');
    await page.setOffline(false);
    await waitForField(page, 'Description', SEEDED_BIO);
    await page.waitFor('[role=alert]', { hidden: true });
  });

  it('brings "Saved." and its Undo into view when Save is pressed at the foot of a long form', async () => {
    const page = await openEditorPopup();
    await page.resize(400, 480);
    await fillField(page, 'Website', 'mira.example');
    expect(await page.evaluate(() => window.scrollY, null)).toBeGreaterThan(0);
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    expect(await isInView(page, '.banner-info')).toBe(true);
  });

  it('asks which value to keep when the same field changed on the instance meanwhile', async () => {
    const page = await openEditorPopup();
    await fillField(page, 'Description', 'Mine');
    await instance.editElsewhere(MIRA, { description: 'Theirs', websiteUrl: 'https://theirs.example/' });
    await clickButton(page, 'Save');
    await waitForText(page, 'while you were editing');
    await waitForText(page, 'Theirs');
    expect(await puts()).toHaveLength(0);
    await clickButton(page, 'Keep yours');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    const profile = await instance.profile(MIRA);
    expect(profile.description).toBe('<p>Mine</p>');
    // The other field changed on the instance was merged, not overwritten.
    expect(profile.websiteUrl).toBe('https://theirs.example/');
  });

  it('names the fix for a refused token; with the token fixed, it works and the draft is still there', async () => {
    let page = await openEditorPopup();
    await fillField(page, 'Description', 'Typed before the token expired');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.close();

    await configureInstance(browser, {
      origin: instance.origin,
      userId: MIRA,
      token: 'expired-token',
      keep: true,
    });
    page = await openEditorPopup();
    await waitForText(page, 'refused the API token');
    await waitForText(page, 'Paste a new token in Options');
    expect(await fieldValue(page, 'Description')).toBe('Typed before the token expired');
    await page.close();

    await signInAs(browser, instance, MIRA, { keep: true });
    page = await openEditorPopup();
    await waitForText(page, 'Restored your unsaved changes.');
    expect(await fieldValue(page, 'Description')).toBe('Typed before the token expired');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
  });

  it('finishes a save after the popup closes, and says so on the next open', async () => {
    let page = await openEditorPopup();
    await fillField(page, 'Description', 'Saved while closed');
    await instance.addFault({ method: 'PUT', path: '/info$', delayMs: 1500, times: 1 });
    await clickButton(page, 'Save');
    await instance.waitForRequest((request) => request.method === 'PUT');
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await instance.profile(MIRA)).description).toBe('<p>Saved while closed</p>');

    page = await openEditorPopup();
    await waitForText(page, 'Your last change was saved.');
    expect(await fieldValue(page, 'Description')).toBe('Saved while closed');
    expect(await puts()).toHaveLength(1);
  });

  it('lets an admin open any user, shows whose profile it is, and remembers recent users', async () => {
    await configureInstance(browser, { origin: instance.origin, userId: 1, token: instance.tokens.get(1) });
    const page = await openEditorPopup();
    await waitForText(page, 'Hanna Brandt');
    await clickButton(page, 'Open user…');
    await fillField(page, 'User ID', '7');
    await clickButton(page, 'Open');
    await waitForText(page, 'Tomasz Wren');
    await waitForText(page, 'You are editing Tomasz Wren’s profile, not your own.');
    await fillField(page, 'Website', 'https://tomasz.example');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    expect((await instance.profile(7)).websiteUrl).toBe('https://tomasz.example/');
    await page.close();

    const again = await openEditorPopup();
    await clickButton(again, 'Open user…');
    await clickButton(again, 'User 7');
    await waitForText(again, 'Tomasz Wren');
  });

  it('works from the keyboard alone: Tab to a field, type, Ctrl+S; a bad field takes the focus', async () => {
    const page = await openEditorPopup();
    // The visible hint is not read out: screen readers learn the shortcut from the button.
    expect(
      await page.evaluate(
        () => document.querySelector('[type=submit]')?.getAttribute('aria-keyshortcuts'),
        null,
      ),
    ).toBe('Control+S Meta+S');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '', null);
    for (let presses = 0; presses < 30 && (await focused()) !== 'description'; presses++)
      await page.press('Tab');
    expect(await focused()).toBe('description');
    await page.press('Control+A');
    await page.type('Typed with the keyboard');
    await page.press('Control+S');
    await waitForText(page, 'Saved.');
    expect((await instance.profile(MIRA)).description).toBe('<p>Typed with the keyboard</p>');

    for (let presses = 0; presses < 30 && (await focused()) !== 'websiteUrl'; presses++)
      await page.press('Tab');
    await page.type('javascript:alert(1)');
    await page.press('Tab');
    await page.press('Control+S');
    await waitForText(page, 'Only web addresses (https://…) can be used here.');
    await page.waitForFunction(() => document.activeElement?.id === 'websiteUrl', null);
    expect(await puts()).toHaveLength(1);
  });

  it('with a warm cache, fills the form before it sends any request', async () => {
    await instance.clearLog();
    const warming = await openEditorPopup();
    await waitForField(warming, 'Description', SEEDED_BIO);
    // This open's revalidation and avatar requests go on in the background after the popup closes:
    // they must land before the log is cleared, or they would count against the next open.
    for (const path of [/\/info$/, /\/avatar$/]) {
      await instance.waitForRequest((r) => r.method === 'GET' && path.test(r.path));
    }
    await warming.close();
    await instance.clearLog();
    // The revalidation answers slowly: the cached profile must not wait for it.
    await instance.addFault({ method: 'GET', path: '/info$', delayMs: 2000, times: 1 });
    const page = await openEditorPopup();
    await waitForField(page, 'Description', SEEDED_BIO);
    const mark = 'profile-fields-painted';
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark);
    const paintedAt = await page.evaluate(markWallTime, mark);
    const requests = await instance.waitForRequest((r) => r.method === 'GET');
    for (const request of requests) expect(request.at).toBeGreaterThanOrEqual(Math.floor(paintedAt));
  });

  it('gives the toolbar button a popup address naming the signed-in user, which opens on their profile', async () => {
    const page = await openEditorPopup();
    const toolbarPopup = () =>
      page.evaluate(() => {
        const scope = globalThis as unknown as { browser?: unknown; chrome?: unknown };
        const api = (scope.browser ?? scope.chrome) as {
          action: { getPopup(details: object): Promise<string> };
        };
        return api.action.getPopup({});
      }, null);
    // The background updates it when storage changes: give it a moment after signing in.
    let address = await toolbarPopup();
    for (let i = 0; i < 50 && !address.includes('activeUser='); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      address = await toolbarPopup();
    }
    const { search, searchParams } = new URL(address);
    expect([searchParams.get('active'), searchParams.get('activeUser')]).toEqual([
      instance.origin,
      String(MIRA),
    ]);

    await page.close();
    const popup = closeAfterTest(await openExtensionPage(browser, `popup.html${search}`));
    await waitForField(popup, 'Description', SEEDED_BIO);
    expect(await popup.evaluate(() => document.querySelector('.profile-name')?.textContent, null)).toBe(
      'Mira Castellano',
    );
  });
});
