/**
 * Host permissions, one instance at a time. Patterns name the host without a port (Firefox's
 * match patterns cannot carry one), so a grant for http://localhost:4815 covers localhost.
 */
import { browser } from 'wxt/browser';

/** The browser's host permissions, per instance origin (a stand-in in tests). */
export interface HostAccess {
  isGranted(origin: string): Promise<boolean>;
  revoke(origin: string): Promise<void>;
}

export function hostPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
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
