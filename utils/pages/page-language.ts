import type { MessageKey } from '../shared/i18n.ts';
import { t, uiLanguage } from '../shared/i18n.ts';

/** Extension pages speak the browser's language: `lang` for screen readers, and a localised title. */
export function localisePage(title: MessageKey): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(title);
}
