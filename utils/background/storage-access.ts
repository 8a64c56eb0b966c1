/**
 * The extension's content script runs inside instance pages. At every start the background asks
 * the browser to keep its storage areas from content scripts, and remembers what the browser
 * granted, for the options page to say. `storage.session` (tokens) is closed to content scripts
 * by default in both browsers; `storage.local` is open to them unless the browser can close it,
 * which is why nothing secret is kept there (utils/background/token-storage.ts).
 */
import { browser } from 'wxt/browser';

export interface StorageAccess {
  /** Content scripts cannot read `storage.session`. */
  sessionPrivate: boolean;
  /** Content scripts cannot read `storage.local`. */
  localPrivate: boolean;
}

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/** True when the area is now closed to content scripts; `closedByDefault` when the browser cannot say. */
async function restrict(area: unknown, closedByDefault: boolean): Promise<boolean> {
  const { setAccessLevel } = area as AccessLevelArea;
  if (!setAccessLevel) return closedByDefault;
  try {
    await setAccessLevel.call(area, { accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}

export async function keepStorageFromContentScripts(): Promise<StorageAccess> {
  const [sessionPrivate, localPrivate] = await Promise.all([
    restrict(browser.storage.session, true),
    restrict(browser.storage.local, false),
  ]);
  return { sessionPrivate, localPrivate };
}
