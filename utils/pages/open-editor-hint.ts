import { browser } from 'wxt/browser';
import { t } from '../shared/i18n.ts';

/**
 * What to do once an instance is connected: open the editor from the toolbar button, with the
 * shortcut the browser actually assigned (the user may have changed or cleared it), and where the
 * button is while it is not pinned (both browsers put a new extension's button in a menu).
 */
export async function openEditorHint(): Promise<string[]> {
  const [commands, settings] = await Promise.all([
    // Firefox for Android has neither keyboard shortcuts nor a toolbar setting.
    browser.commands?.getAll().catch(() => []) ?? [],
    browser.action.getUserSettings?.().catch(() => null) ?? null,
  ]);
  const keys = commands.find((command) => command.name === '_execute_action')?.shortcut;
  const hint = [keys ? t('nextOpenEditorOrKeys', keys) : t('nextOpenEditor')];
  if (settings?.isOnToolbar === false) hint.push(t('nextPinButton'));
  return hint;
}
