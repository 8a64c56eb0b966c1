import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { createEditorOpening } from '@/utils/background/editor-opening';
import { oneAtATime } from '@/utils/background/one-at-a-time';
import { showEditor } from '@/utils/background/open-editor';
import { answeringListener, PROTOCOL } from '@/utils/shared/messaging';

const EXTENSION_ID = 'our-extension';
const openRequest = { protocol: PROTOCOL, type: 'cs:openEditor', payload: { userId: 7 } };

describe('opening an editor from an Edit profile click', () => {
  it('starts the side panel as the message arrives, and shows the user in that same panel', async () => {
    const opening = Promise.resolve(true);
    const open = vi.fn(() => opening);
    const show = vi.fn(async () => {});
    const editors = createEditorOpening(EXTENSION_ID, open, show);

    editors.onMessage(openRequest, { id: EXTENSION_ID, tab: { id: 3 } });
    expect(open).toHaveBeenCalledWith(3);
    await editors.openEditor('https://hub.example', 7, 3);
    expect(show).toHaveBeenCalledWith('https://hub.example', 7, opening);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('starts nothing for other messages or other senders, and opens a panel when asked without one', async () => {
    const open = vi.fn(() => Promise.resolve(false));
    const show = vi.fn(async () => {});
    const editors = createEditorOpening(EXTENSION_ID, open, show);
    editors.onMessage({ ...openRequest, type: 'ui:getProfile' }, { id: EXTENSION_ID, tab: { id: 3 } });
    editors.onMessage(openRequest, { id: 'someone-else', tab: { id: 3 } });
    expect(open).not.toHaveBeenCalled();

    await editors.openEditor('https://hub.example', 7, 3);
    expect(open).toHaveBeenCalledWith(3);
    expect(show).toHaveBeenCalledTimes(1);
  });
});

describe('a task run one at a time', () => {
  it('never overlaps calls, and a failure does not stop the next', async () => {
    const events: string[] = [];
    let call = 0;
    const errors: unknown[] = [];
    const run = oneAtATime(
      async () => {
        const n = ++call;
        events.push(`start ${n}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`end ${n}`);
        if (n === 1) throw new Error('first failed');
      },
      (error) => errors.push(error),
    );
    await Promise.all([run(), run(), run()]);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(errors).toHaveLength(1);
  });
});

describe('the background’s message listener', () => {
  it('answers our messages through sendResponse and keeps the channel open; leaves others alone', async () => {
    const listener = answeringListener((message) =>
      (message as { protocol?: string }).protocol === PROTOCOL ? Promise.resolve({ ok: true }) : undefined,
    );
    const sendResponse = vi.fn();
    expect(listener(openRequest, { id: EXTENSION_ID }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true }));
    expect(listener({ protocol: 'another/1' }, { id: EXTENSION_ID }, sendResponse)).toBe(false);
    expect(sendResponse).toHaveBeenCalledTimes(1);
  });
});

describe('a browser with no menus and no windows (Firefox for Android)', () => {
  const { contextMenus, windows } = fakeBrowser;
  afterEach(() => {
    Object.assign(fakeBrowser, { contextMenus, windows });
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('starts the background, which keeps its instance pages in step and opens options after an install', async () => {
    Object.assign(fakeBrowser, { contextMenus: undefined, windows: undefined });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    // What the fake browser leaves out, and this start does not depend on.
    for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved])
      vi.spyOn(event, 'addListener').mockImplementation(() => {});
    const registered = vi
      .spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts')
      .mockImplementation(async () => [] as never);
    vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue();
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(openOptions).toHaveBeenCalled();
    await vi.waitFor(() => expect(registered).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(errors).not.toHaveBeenCalled();
  });

  it('opens the editor in a tab', async () => {
    Object.assign(fakeBrowser, { windows: undefined });
    await showEditor('https://hub.example', 7, Promise.resolve(false));
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContainEqual(
      expect.stringMatching(/\/popup\.html\?origin=https%3A%2F%2Fhub\.example&user=7$/),
    );
  });
});
