/** "Edit this profile" on links to user pages of granted instances. */
import { browser } from 'wxt/browser';
import type { HostAccess } from './handlers/index.ts';
import { hostPattern } from './host-access.ts';
import { t } from './i18n.ts';
import { type PageTarget, pageTarget } from './routes.ts';
import { type EditorTarget, getInstance, getInstances } from './storage.ts';

export const MENU_ID = 'edit-this-profile';

export async function syncContextMenu(access: HostAccess): Promise<void> {
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

/** The instance user a link points to, if it is one. */
export async function linkTarget(linkUrl: string): Promise<EditorTarget | null> {
  let url: URL;
  try {
    url = new URL(linkUrl);
  } catch {
    return null;
  }
  const instance = await getInstance(url.origin);
  if (!instance) return null;
  const target: PageTarget = pageTarget(url.pathname, instance.routePatterns);
  if (target === null) return null;
  const userId = 'self' in target ? instance.userId : target.userId;
  return userId === null ? null : { origin: instance.origin, userId };
}
