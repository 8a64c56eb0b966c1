/**
 * Every user-visible string comes from `_locales/<lang>/messages.json` through the browser's
 * i18n API (English, German, Polish). The browser's own `i18n` is used directly: it is
 * synchronous in every context, including the page script, which carries no polyfill.
 */
import type messages from '../../assets/public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

interface I18n {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

function i18n(): I18n {
  const scope = globalThis as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };
  const api = scope.browser?.i18n ?? scope.chrome?.i18n;
  if (!api) throw new Error('browser.i18n is not available');
  return api;
}

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return i18n().getMessage(key, substitutions.map(String));
}

/** The browser's language, for names of countries and dates. */
export function uiLanguage(): string {
  return i18n().getUILanguage();
}
