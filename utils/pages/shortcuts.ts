import { t } from '../shared/i18n.ts';

/**
 * A Ctrl shortcut as this platform writes it. On a Mac, ⌘ takes Ctrl's place: the bio editor
 * (Quill) binds its shortcuts to ⌘ there, found by the same test of `navigator.platform`.
 */
export function shortcut(key: string): string {
  return /Mac/i.test(navigator.platform) ? `⌘${key}` : t('ctrlShortcut', key);
}
