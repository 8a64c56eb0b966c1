import { describe, expect, it } from 'vitest';
import type { Fault } from '../simulator/server.ts';
import { BROWSER_KIND, type E2EPage } from './harness/browsers.ts';
import {
  clickButton,
  fieldValue,
  fillField,
  openExtensionPage,
  openPopup,
  signInAs,
  storedDraft,
  waitForText,
} from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, closeAfterTest, instance, useSession } from './harness/session.ts';

const MIRA = 6;
/** Long enough for the client's own 15 s timeout and its retries. */
const WAIT_MS = 30_000;
const USER_PATH = `^/api/public/user/${MIRA}/`;
/** Whatever failed, the message says the draft is still there. */
const CHANGES_KEPT = 'Your changes are kept.';

interface FaultCase {
  name: string;
  fault: Omit<Fault, 'method' | 'path'>;
  /** What the user is told when loading (GET) and when saving (PUT). */
  get: string;
  put: string;
  /** Run in Firefox too (the representative subset). */
  firefox?: boolean;
  /** Slow (the client's 15 s timeout): Chromium only. */
  slow?: boolean;
}

const CASES: FaultCase[] = [
  {
    name: '400',
    fault: { status: 400 },
    get: 'refused the request (HTTP 400)',
    put: 'refused the change (HTTP 400)',
  },
  {
    name: '401',
    fault: { status: 401 },
    get: 'refused the API token',
    put: 'refused the API token',
    firefox: true,
  },
  {
    name: '403',
    fault: { status: 403 },
    get: 'does not let your account see this profile',
    put: 'may not edit this profile',
  },
  { name: '404', fault: { status: 404 }, get: 'has no user with ID 6', put: 'has no user with ID 6' },
  {
    name: '409',
    fault: { status: 409 },
    get: 'refused the request (HTTP 409)',
    put: 'refused the change (HTTP 409)',
  },
  {
    name: '413',
    fault: { status: 413 },
    get: 'refused the request (HTTP 413)',
    put: 'refused the change (HTTP 413)',
  },
  {
    name: '422',
    fault: { status: 422 },
    get: 'refused the request (HTTP 422)',
    put: 'refused the change (HTTP 422)',
  },
  {
    name: '429 with Retry-After',
    fault: { status: 429, retryAfter: '120' },
    get: 'asks to slow down',
    put: 'asks to slow down',
    firefox: true,
  },
  {
    name: '500',
    fault: { status: 500 },
    get: 'had a problem (HTTP 500)',
    put: 'had a problem (HTTP 500)',
    firefox: true,
  },
  { name: '502', fault: { status: 502 }, get: 'had a problem (HTTP 502)', put: 'had a problem (HTTP 502)' },
  { name: '503', fault: { status: 503 }, get: 'had a problem (HTTP 503)', put: 'had a problem (HTTP 503)' },
  {
    name: 'a delay past the client timeout',
    fault: { delayMs: 16_500 },
    get: 'did not answer within 15 seconds',
    put: 'did not answer within 15 seconds',
    slow: true,
  },
  {
    name: 'a dropped connection',
    fault: { drop: 'beforeApply' },
    get: 'Could not reach',
    put: 'Could not reach',
    firefox: true,
  },
  {
    name: 'malformed JSON',
    fault: { body: 'malformed' },
    get: 'not valid JSON',
    put: 'not valid JSON',
    firefox: true,
  },
  {
    name: 'an HTML error page',
    fault: { body: 'html' },
    get: 'a web page instead of data',
    put: 'a web page instead of data',
  },
  {
    name: 'a wrong-shaped body',
    fault: { body: 'wrongShape' },
    get: 'profile: missing',
    put: 'updatedProfile: missing',
    firefox: true,
  },
  { name: 'a 5 MB body', fault: { body: 'huge' }, get: 'too large', put: 'too large' },
];

const inThisBrowser = CASES.filter((c) => (BROWSER_KIND === 'firefox' ? c.firefox : true));

describe(`${BROWSER_KIND}: fault matrix`, () => {
  useSession();

  async function freshPopupWithDraft(draft: string): Promise<E2EPage> {
    await signInAs(browser, instance, MIRA);
    const popup = closeAfterTest(await openPopup(browser));
    await fillField(popup, 'Description', draft);
    return popup;
  }

  /** The draft as stored: the bio's HTML, one paragraph. */
  async function draftStored(draft: string): Promise<boolean> {
    return (await storedDraft(browser, instance.origin, MIRA))?.form.description === `<p>${draft}</p>`;
  }

  /** Whatever the message says, it never shows the token. */
  async function checkNoTokenShown(page: E2EPage, name: string): Promise<void> {
    const shown = await page.evaluate(() => document.documentElement.outerHTML, null);
    const exposed = shown.includes(instance.tokens.get(MIRA) ?? '');
    record({ kind: 'tokenCheck', where: `${BROWSER_KIND}: popup after ${name}` });
    expect(exposed).toBe(false);
  }

  async function putsLogged(): Promise<number> {
    return (await instance.requests()).filter((request) => request.method === 'PUT').length;
  }

  it.each(inThisBrowser.map((c) => [c.name, c] as const))(
    'GET %s: a clear message and the draft intact',
    { timeout: 90_000 },
    async (_name, fault) => {
      const draft = `Draft kept through GET ${fault.name} ✍️`;
      let page = await freshPopupWithDraft(draft);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await page.close();
      await instance.addFault({ method: 'GET', path: USER_PATH, ...fault.fault });

      page = closeAfterTest(await openExtensionPage(browser, 'popup.html'));
      await waitForText(page, fault.get, WAIT_MS);
      await waitForText(page, CHANGES_KEPT);
      const keptDraft = (await fieldValue(page, 'Description')) === draft && (await draftStored(draft));
      const puts = await putsLogged();
      record({ kind: 'fault', browser: BROWSER_KIND, name: `GET ${fault.name}`, puts });
      await checkNoTokenShown(page, `GET ${fault.name}`);
      expect(keptDraft).toBe(true);
      expect(puts).toBe(0);
    },
  );

  it.each(inThisBrowser.map((c) => [c.name, c] as const))(
    'PUT %s: a clear message, the draft intact, no second PUT',
    { timeout: 90_000 },
    async (_name, fault) => {
      const draft = `Draft kept through PUT ${fault.name} ✍️`;
      const page = await freshPopupWithDraft(draft);
      await instance.addFault({ method: 'PUT', path: USER_PATH, ...fault.fault });
      await clickButton(page, 'Save');
      await waitForText(page, fault.put, WAIT_MS);
      await waitForText(page, CHANGES_KEPT);
      const keptDraft = (await fieldValue(page, 'Description')) === draft && (await draftStored(draft));
      const puts = await putsLogged();
      record({ kind: 'fault', browser: BROWSER_KIND, name: `PUT ${fault.name}`, puts });
      await checkNoTokenShown(page, `PUT ${fault.name}`);
      expect(keptDraft).toBe(true);
      expect(puts).toBe(1);
    },
  );

  it('a PUT applied but unanswered is read back, reported saved, and not sent again', async () => {
    const page = await freshPopupWithDraft('Applied, then the line dropped');
    await instance.addFault({ method: 'PUT', path: USER_PATH, drop: 'afterApply', times: 1 });
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    expect((await instance.profile(MIRA)).description).toBe('<p>Applied, then the line dropped</p>');
    const puts = await putsLogged();
    record({ kind: 'fault', browser: BROWSER_KIND, name: 'PUT applied, answer lost', puts });
    expect(puts).toBe(1);
    expect(await draftStored('Applied, then the line dropped')).toBe(false);
  });
});
