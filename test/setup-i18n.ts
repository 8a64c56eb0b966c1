/**
 * Unit tests run outside a browser: give them the browser's i18n API, reading the English
 * messages the way browsers do (named placeholders, each bound to a `$n` substitution).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../assets/public/_locales/en/messages.json';

type Message = { message: string; placeholders?: Record<string, { content: string }> };

function getMessage(key: string, substitutions: string[] = []): string {
  const entry = (messages as Record<string, Message>)[key];
  if (!entry) return '';
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}

Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
