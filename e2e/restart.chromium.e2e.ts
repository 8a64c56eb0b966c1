import { describe, expect, it } from 'vitest';
import {
  clickButton,
  fillField,
  openPopup,
  signInAs,
  storedDraft,
  waitForText,
} from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, instance, useSession } from './harness/session.ts';

const MIRA = 6;

describe('chromium: the background stops in the middle of a save', () => {
  useSession('chromium');

  it('the save resumes in a new worker: saved once, nothing lost', async () => {
    await signInAs(browser, instance, MIRA);
    const popup = await openPopup(browser);
    await fillField(popup, 'Description', 'Survives a worker restart');
    await instance.clearLog();
    // The read before the PUT answers slowly; the worker is stopped while it waits.
    await instance.addFault({ method: 'GET', path: `^/api/public/user/${MIRA}/`, delayMs: 1500, times: 1 });
    await clickButton(popup, 'Save');
    await instance.waitForRequest((request) => request.method === 'GET');
    await browser.stopBackground?.();

    await waitForText(popup, 'Saved.', 20_000);
    expect((await instance.profile(MIRA)).description).toBe('<p>Survives a worker restart</p>');
    const requests = await instance.requests();
    // Two reads: the one cut off with the stopped worker, and the resumed save's.
    expect(requests.filter((request) => request.method === 'GET').length).toBeGreaterThanOrEqual(2);
    const puts = requests.filter((request) => request.method === 'PUT').length;
    record({ kind: 'fault', browser: 'chromium', name: 'background stopped mid-save', puts });
    expect(puts).toBe(1);
    expect(await storedDraft(browser, instance.origin, MIRA)).toBeNull();
    await popup.close();
  });
});
