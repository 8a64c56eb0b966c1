/** "Edit this profile" on links to user pages of granted instances. */
import { browser } from 'wxt/browser';
import type { HostAccess } from '../shared/host-access.ts';
import { hostPattern } from '../shared/host-access.ts';
import { t } from '../shared/i18n.ts';
import { getInstances } from '../shared/storage.ts';

export const MENU_ID = 'edit-this-profile';

export async function syncContextMenu(access: HostAccess): Promise<void> {
  if (!browser.contextMenus) return; // Firefox for Android
  await browser.contextMenus.removeAll();
  const patterns: string[] = [];
  for (const instance of await getInstances()) {
    if (!(await access.isGranted(instance.origin))) continue;
    const base = hostPattern(instance.origin).slice(0, -2);
    patterns.push(...instance.routePatterns.map((route) => `${base}${route.replace(':id', '*')}`));
  }
  if (patterns.length === 0) return;
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('menuEditProfile'),
    contexts: ['link'],
    targetUrlPatterns: patterns,
  });
}
