import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncPopupAddress, usersInAddress } from '@/utils/shared/popup-address';
import { saveInstance, setActiveInstance } from '@/utils/shared/storage';
import { anInstance, ORIGIN } from './fixtures';

beforeEach(() => fakeBrowser.reset());

/** The popup address the background last gave the toolbar button. */
async function syncedPopup(): Promise<string> {
  const setPopup = vi.fn(async (_details: { popup: string }) => {});
  fakeBrowser.action.setPopup = setPopup;
  await syncPopupAddress();
  return setPopup.mock.calls.at(-1)?.[0].popup ?? '';
}

describe('editor page addresses', () => {
  it('gives the toolbar popup an address naming the signed-in user, which the popup reads back', async () => {
    await saveInstance(anInstance({ userId: 6 }));
    await setActiveInstance(ORIGIN);
    const popup = await syncedPopup();
    expect(popup).toMatch(/^popup\.html\?/);
    expect(usersInAddress(new URL(popup, 'chrome-extension://id/').search)).toEqual({
      target: null,
      signedIn: { origin: ORIGIN, userId: 6 },
    });
  });

  it('gives the plain popup while no user is known', async () => {
    expect(await syncedPopup()).toBe('popup.html');
    await saveInstance(anInstance({ userId: null }));
    expect(await syncedPopup()).toBe('popup.html');
  });

  it('reads the user an editor window was opened for, and ignores ids that are not users', () => {
    expect(usersInAddress(`?origin=${encodeURIComponent(ORIGIN)}&user=7`).target).toEqual({
      origin: ORIGIN,
      userId: 7,
    });
    for (const user of ['0', '-3', '1.5', 'seven', ''])
      expect(usersInAddress(`?origin=${encodeURIComponent(ORIGIN)}&user=${user}`).target).toBeNull();
  });
});
