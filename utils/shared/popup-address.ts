/**
 * The editor page's address says whose profile it opens. `?origin=…&user=…` opens that user
 * (editor windows, "Open user…"). The toolbar popup's own address, kept current by the background,
 * names the signed-in user as `?active=…&activeUser=…`: not a target, a guess that lets the popup
 * read that user's records together with the instances, in one storage read instead of two. A
 * stale guess only costs the second read: the popup still follows the stored active instance.
 */
import { browser } from 'wxt/browser';
import { type EditorTarget, getActiveInstance } from './storage.ts';

const PAGE = 'popup.html';

function userIn(params: URLSearchParams, originParam: string, userParam: string): EditorTarget | null {
  const userId = Number(params.get(userParam));
  const origin = params.get(originParam);
  return origin && Number.isInteger(userId) && userId > 0 ? { origin, userId } : null;
}

/** The user an editor page was opened for, and the signed-in user its address names. */
export function usersInAddress(search: string): {
  target: EditorTarget | null;
  signedIn: EditorTarget | null;
} {
  const params = new URLSearchParams(search);
  return { target: userIn(params, 'origin', 'user'), signedIn: userIn(params, 'active', 'activeUser') };
}

/** Points the toolbar button at a popup address naming the active instance's signed-in user. */
export async function syncPopupAddress(): Promise<void> {
  const instance = await getActiveInstance();
  const query =
    instance?.userId != null
      ? `?${new URLSearchParams({ active: instance.origin, activeUser: String(instance.userId) })}`
      : '';
  await browser.action.setPopup({ popup: `${PAGE}${query}` });
}
