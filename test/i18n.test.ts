import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionSources, ROOT } from './sources.ts';

const LOCALES = ['en', 'de', 'pl'];

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function messagesOf(locale: string): Messages {
  return JSON.parse(readFileSync(path.join(ROOT, 'assets/public/_locales', locale, 'messages.json'), 'utf8'));
}

function sources(): string {
  return [...extensionSources(), readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8')].join('\n');
}

const english = messagesOf('en');

describe('translations', () => {
  it('exist for English, German and Polish, and only those', () => {
    expect(readdirSync(path.join(ROOT, 'assets/public/_locales')).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has exactly the English keys, none empty', (locale) => {
    const messages = messagesOf(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { message }] of Object.entries(messages)) expect(message.trim(), key).not.toBe('');
  });

  it.each(LOCALES)('%s fills in the same placeholders as English', (locale) => {
    const placeholders = (message: string) => [...message.matchAll(/\$(\w+)\$/g)].map((m) => m[1]).sort();
    for (const [key, entry] of Object.entries(messagesOf(locale))) {
      expect(placeholders(entry.message), `${locale}: ${key}`).toEqual(
        placeholders(english[key]?.message ?? ''),
      );
      expect(entry.placeholders, `${locale}: ${key}`).toEqual(english[key]?.placeholders);
    }
  });

  it('uses every message, and every message used exists', () => {
    const code = sources();
    const unused = Object.keys(english).filter(
      (key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
    const referenced = [...code.matchAll(/\bt\(\s*'(\w+)'/g), ...code.matchAll(/__MSG_(\w+)__/g)].map(
      (m) => m[1],
    );
    expect(referenced.filter((key) => key === undefined || !(key in english))).toEqual([]);
  });
});
