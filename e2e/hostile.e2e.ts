import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_KIND } from './harness/browsers.ts';
import { openPopup, signInAs } from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, instance, useSession } from './harness/session.ts';

const MIRA = 6;

interface AttackReport {
  steps: string[];
  done: boolean;
  found: {
    buttonPresent: boolean;
    shadowRootVisible: boolean;
    runtime: boolean;
    storage: boolean;
    pageStorage: string;
    pageText: string;
  };
}

describe(`${BROWSER_KIND}: a hostile instance page`, () => {
  useSession();
  beforeAll(async () => {
    await signInAs(browser, instance, MIRA, { remember: true });
    const popup = await openPopup(browser);
    await popup.close();
  });

  it('messages, synthetic events, an imitation button and storage probes: nothing is sent, opened or revealed', async () => {
    const token = instance.tokens.get(MIRA) ?? '';
    const site = await browser.newPage();
    const openBefore = (await browser.allTargetUrls()).length;
    await instance.clearLog();
    await site.goto(`${instance.origin}/users/7?attack=1`);
    await site.waitForFunction(
      () => (window as { __attack?: { done?: boolean } }).__attack?.done,
      null,
      20_000,
    );
    const report = await site.evaluate(
      () => (window as unknown as { __attack: AttackReport }).__attack,
      null,
    );

    const checks: [string, boolean][] = [
      ['the button was there to attack', report.found.buttonPresent],
      ['its shadow root is closed to the page', !report.found.shadowRootVisible],
      ['the page has no extension messaging', !report.found.runtime],
      ['the page has no extension storage', !report.found.storage],
      ['no editor opened', (await browser.allTargetUrls()).length === openBefore],
      [
        'no request reached the instance API',
        (await instance.requests()).every((r) => !r.path.startsWith('/api/')),
      ],
      ['all attack steps ran', report.steps.length === 5 && report.steps.every((s) => !s.includes(':'))],
    ];
    for (const [name] of checks) record({ kind: 'hostile', browser: BROWSER_KIND, name });
    const exposed = report.found.pageText.includes(token) || report.found.pageStorage.includes(token);
    record({ kind: 'tokenCheck', where: `${BROWSER_KIND}: hostile page DOM and storage` });

    expect(Object.fromEntries(checks)).toEqual(Object.fromEntries(checks.map(([name]) => [name, true])));
    expect(exposed).toBe(false);
    await site.close();
  });

  it('a content script reading storage finds no token and no email address', async () => {
    record({ kind: 'hostile', browser: BROWSER_KIND, name: 'a content script reading storage' });
    record({ kind: 'tokenCheck', where: `${BROWSER_KIND}: storage a content script can read` });
    const token = instance.tokens.get(MIRA) ?? '';
    const site = await browser.newPage();
    await site.goto(`${instance.origin}/users/7?probe-storage=1`);
    await site.waitForFunction(() => document.getElementById('storage-probe'), null);
    const read: { local: string; session: string } = JSON.parse(
      await site.evaluate(() => document.getElementById('storage-probe')?.textContent ?? '', null),
    );
    // What the probe read is either refused or holds the cached profile: the checks below bite.
    expect(read.local.startsWith('refused') || read.local.includes(`cache:${instance.origin}:${MIRA}`)).toBe(
      true,
    );
    expect(JSON.stringify(read)).not.toContain(token);
    expect(JSON.stringify(read)).not.toContain('@creators.example');
    await site.close();
  });
});
