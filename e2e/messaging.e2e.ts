import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_KIND, type ExtensionBrowser } from './harness/browsers.ts';
import { configureInstance, openExtensionPage, openPopup, waitForText } from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, instance, useSession } from './harness/session.ts';
import { startTestInstance, type TestInstance } from './harness/simulator.ts';

const MIRA = 6;

type Answers = Record<string, unknown>;

/**
 * Runs, as this extension's content script in every frame of the tab at `url`, every message a
 * content script could send, and returns what was delivered back: the recording.
 */
async function answersToContentScripts(browser: ExtensionBrowser, url: string): Promise<Answers[]> {
  const page = await openExtensionPage(browser, 'options.html');
  const answers = await page.evaluate(async (tabUrl) => {
    type Injection = { result?: unknown };
    const api = (
      globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          scripting: {
            executeScript(options: {
              target: { tabId: number; allFrames: boolean };
              func: () => Promise<Answers>;
            }): Promise<Injection[]>;
          };
        };
      }
    ).chrome;
    // Filtered here: Firefox's match patterns cannot name a port.
    const tab = (await api.tabs.query({})).find((candidate) => candidate.url?.startsWith(tabUrl));
    if (tab?.id === undefined) throw new Error(`no tab at ${tabUrl}`);
    const injections = await api.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      func: async () => {
        const runtime = (
          (globalThis as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser ??
          (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
            .chrome
        ).runtime;
        const send = (type: string, payload: unknown) =>
          runtime
            .sendMessage({ protocol: 'profile-quick-edit/1', type, payload })
            .catch((error: unknown) => ({ thrown: String(error) }));
        return {
          frame: location.href,
          top: window === window.top,
          'cs:getPageConfig': await send('cs:getPageConfig', {}),
          'ui:getProfile': await send('ui:getProfile', {}),
          'ui:listInstances': await send('ui:listInstances', {}),
          'ui:getHistory': await send('ui:getHistory', { origin: location.origin, userId: 6 }),
          'ui:saveInstance': await send('ui:saveInstance', {
            address: 'evil.example',
            label: '',
            authMode: 'token',
            token: 'x',
            remember: true,
            userId: 1,
            routePatterns: [],
          }),
        };
      },
    });
    return injections.map((injection) => injection.result as Answers);
  }, url);
  await page.close();
  return answers;
}

const REJECTED = { ok: false, error: { kind: 'rejected' } };

describe(`${BROWSER_KIND}: what reaches pages and content scripts`, () => {
  let stranger: TestInstance;
  let token: string;

  useSession();
  beforeAll(async () => {
    // Another site on the same host: granted by the host pattern, but not a configured instance.
    stranger = await startTestInstance();
    token = instance.tokens.get(MIRA) ?? '';
    await configureInstance(browser, { origin: instance.origin, userId: MIRA, token, remember: true });
    const popup = await openPopup(browser);
    await popup.close();
  });
  afterAll(async () => {
    await stranger?.close();
  });

  it('a content script on an instance gets its page settings and nothing else: no profile, no token', async () => {
    const site = await browser.newPage();
    await site.goto(`${instance.origin}/users/7`);
    await waitForText(site, 'Tomasz Wren');
    // A same-origin frame inside the page: its content script must be refused everything.
    await site.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
      return new Promise((resolve) => frame.addEventListener('load', resolve));
    }, `${instance.origin}/admin/users`);
    await instance.clearLog();

    const answers = await answersToContentScripts(browser, `${instance.origin}/users/7`);
    const top = answers.find((a) => a.top);
    const frame = answers.find((a) => !a.top);
    expect(top?.['cs:getPageConfig']).toMatchObject({ ok: true, value: { signedInUserId: MIRA } });
    for (const type of ['ui:getProfile', 'ui:listInstances', 'ui:getHistory', 'ui:saveInstance']) {
      expect(top?.[type]).toMatchObject(REJECTED);
    }
    expect(frame?.['cs:getPageConfig']).toMatchObject(REJECTED);
    const exposed = JSON.stringify(answers).includes(token);
    record({ kind: 'tokenCheck', where: `${BROWSER_KIND}: answers to content scripts on an instance` });
    expect(exposed).toBe(false);
    expect(await instance.requests()).toEqual([]);
    await site.close();
  });

  it('a page of an origin that is not an instance obtains nothing, not even from a content script', async () => {
    const site = await browser.newPage();
    await site.goto(`${stranger.origin}/users/6`);
    await waitForText(site, 'Mira Castellano');
    // The page itself cannot address the extension at all.
    const reachable = await site.evaluate(() => {
      const scope = globalThis as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: unknown };
      return typeof scope.chrome?.runtime?.sendMessage === 'function' || scope.browser !== undefined;
    }, null);
    expect(reachable).toBe(false);
    await instance.clearLog();

    const answers = await answersToContentScripts(browser, `${stranger.origin}/users/6`);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      for (const type of ['cs:getPageConfig', 'ui:getProfile', 'ui:listInstances', 'ui:getHistory']) {
        expect(answer[type]).toMatchObject(REJECTED);
      }
    }
    const exposed = JSON.stringify(answers).includes(token);
    record({ kind: 'tokenCheck', where: `${BROWSER_KIND}: answers on a foreign origin` });
    expect(exposed).toBe(false);
    expect(await instance.requests()).toEqual([]);
    expect((await stranger.requests()).filter((r) => r.path.startsWith('/api/'))).toEqual([]);
    await site.close();
  });
});
