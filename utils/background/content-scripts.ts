/**
 * The instance content script runs only where it is needed: on the origins of configured
 * instances whose access the user granted. Registered at runtime, re-synced at every start and
 * after any change to instances or permissions.
 */
import { browser } from 'wxt/browser';
import type { HostAccess } from '../shared/host-access.ts';
import { hostPattern } from '../shared/host-access.ts';
import { getInstances } from '../shared/storage.ts';

const SCRIPT_ID = 'instance-pages';
const SCRIPT_FILE = '/instance-page.js';

/** Match patterns for every configured, granted instance. */
export async function instanceMatches(access: HostAccess): Promise<string[]> {
  const instances = await getInstances();
  const granted = await Promise.all(instances.map((instance) => access.isGranted(instance.origin)));
  return [...new Set(instances.filter((_, index) => granted[index]).map((i) => hostPattern(i.origin)))];
}

export async function syncContentScripts(access: HostAccess): Promise<void> {
  const matches = await instanceMatches(access);
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  const script = { id: SCRIPT_ID, matches, js: [SCRIPT_FILE], runAt: 'document_idle' as const };
  if (matches.length === 0) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  } else if (registered) {
    await browser.scripting.updateContentScripts([script]);
  } else {
    await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: false }]);
  }
}

/**
 * Runs the script in instance tabs that are already open (after access is granted, or after an
 * update or reload left their old script orphaned), so nobody needs to reload a page.
 */
export async function injectIntoOpenTabs(access: HostAccess): Promise<void> {
  const matches = await instanceMatches(access);
  if (matches.length === 0) return;
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting
            .executeScript({ target: { tabId: tab.id }, files: [SCRIPT_FILE] })
            .catch(() => {}),
    ),
  );
}
