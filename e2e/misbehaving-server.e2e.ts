/**
 * A server that sends requests elsewhere, or repeats the credential it got: nothing is read from
 * or sent to another origin, nothing is cached, the draft is kept, and no token reaches the
 * screen or storage.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_KIND } from './harness/browsers.ts';
import {
  clickButton,
  fieldValue,
  fillField,
  openExtensionPage,
  openPopup,
  signInAs,
  storedDraft,
  storedEverywhere,
  waitForText,
} from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, closeAfterTest, instance, useSession } from './harness/session.ts';
import { startTestInstance, type TestInstance } from './harness/simulator.ts';

const MIRA = 6;
const REDIRECTED = 'sent the request somewhere else instead of answering it';

describe(`${BROWSER_KIND}: a misbehaving server`, () => {
  let elsewhere: TestInstance;

  useSession();
  beforeAll(async () => {
    elsewhere = await startTestInstance();
  });
  afterAll(async () => {
    await elsewhere?.close();
  });
  beforeEach(async () => {
    await elsewhere.clearLog();
    await signInAs(browser, instance, MIRA);
  });

  const toElsewhere = (path: string) => `${elsewhere.origin}${path}`;

  it('a 307 to another origin on reading: an error, nothing read there, nothing cached', async () => {
    record({ kind: 'hostile', browser: BROWSER_KIND, name: 'GET redirected to another origin' });
    await instance.addFault({
      method: 'GET',
      path: '/info$',
      status: 307,
      location: toElsewhere('/api/public/user/6/info'),
    });
    // Nothing cached yet: the popup has only what the instance answers to show.
    const popup = closeAfterTest(await openExtensionPage(browser, 'popup.html'));
    await waitForText(popup, REDIRECTED);
    expect(await elsewhere.requests()).toEqual([]);
    expect(await storedEverywhere(browser)).not.toContain(elsewhere.origin);
  });

  it('a 307 to another origin on saving: an error, nothing sent there, the draft kept', async () => {
    record({ kind: 'hostile', browser: BROWSER_KIND, name: 'PUT redirected to another origin' });
    const popup = closeAfterTest(await openPopup(browser));
    await fillField(popup, 'Website', 'mira.example');
    await instance.addFault({
      method: 'PUT',
      path: '/info$',
      status: 307,
      location: toElsewhere('/api/public/user/6/info'),
    });
    await clickButton(popup, 'Save');
    await waitForText(popup, REDIRECTED);
    expect(await elsewhere.requests()).toEqual([]);
    expect(await fieldValue(popup, 'Website')).toBe('mira.example');
    expect((await storedDraft(browser, instance.origin, MIRA))?.form.websiteUrl).toBe('mira.example');
    expect((await instance.profile(MIRA)).websiteUrl).toBeNull();
  });

  it('an error that repeats the token: neither the screen nor storage gets the token', async () => {
    record({ kind: 'tokenCheck', where: `${BROWSER_KIND}: an error body that echoes the token` });
    const token = instance.tokens.get(MIRA) ?? '';
    const popup = closeAfterTest(await openPopup(browser));
    await fillField(popup, 'Website', 'mira.example');
    await instance.addFault({ method: 'PUT', path: '/info$', status: 400, body: 'echoAuthorization' });
    await clickButton(popup, 'Save');
    await waitForText(popup, 'rejected credential');
    expect(await popup.evaluate(() => document.documentElement.outerHTML, null)).not.toContain(token);
    // Only where the token is kept on purpose.
    expect((await storedEverywhere(browser)).split(token).length - 1).toBe(1);
  });
});
