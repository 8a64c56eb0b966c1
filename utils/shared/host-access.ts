/**
 * Host permissions, one instance at a time, each for the instance's exact origin where the
 * browser's match patterns can say so.
 */
import { browser } from 'wxt/browser';

/** The browser's host permissions, per instance origin (a stand-in in tests). */
export interface HostAccess {
  isGranted(origin: string): Promise<boolean>;
  revoke(origin: string): Promise<void>;
}

/**
 * The pattern of one origin, port included (Chrome). Firefox's patterns cannot carry a port, so
 * there a grant for http://localhost:4815 covers every port of localhost; the background still
 * answers only pages of the configured origin (identifySender, utils/shared/messaging.ts).
 */
export function hostPattern(origin: string): string {
  const { protocol, host, hostname } = new URL(origin);
  return `${protocol}//${import.meta.env.BROWSER === 'firefox' ? hostname : host}/*`;
}

/** Must run straight from a click: browsers only prompt inside a user gesture. */
export function requestHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [hostPattern(origin)] });
}

export const browserHostAccess: HostAccess = {
  isGranted: (origin) => browser.permissions.contains({ origins: [hostPattern(origin)] }),
  async revoke(origin) {
    // Grants the manifest made at install (test builds) cannot be removed; that is fine.
    await browser.permissions.remove({ origins: [hostPattern(origin)] }).catch(() => false);
  },
};
