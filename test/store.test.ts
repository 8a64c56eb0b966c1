import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config.ts';
import { askedFor, justifiedPermissions, listing } from './store-texts.ts';

type ManifestOf = (env: { browser: string; mode: string; manifestVersion: 3; command: 'build' }) => {
  permissions?: string[];
  optional_host_permissions?: string[];
};

describe('store listings', () => {
  it.each(['en', 'de', 'pl'])(
    '%s: named as the extension is, with a summary the Chrome Web Store takes',
    (language) => {
      const messages = JSON.parse(
        readFileSync(
          path.resolve(import.meta.dirname, `../assets/public/_locales/${language}/messages.json`),
          'utf8',
        ),
      );
      const { Name, Summary, Description } = listing(language);
      expect(Name).toBe(messages.extName.message);
      expect(Summary?.length).toBeGreaterThan(40);
      expect([...(Summary ?? '')].length).toBeLessThanOrEqual(132);
      expect(Description?.length).toBeGreaterThan(400);
    },
  );
});

describe('permission justifications', () => {
  it.each(['chrome', 'firefox'])('cover everything the %s manifest asks for', (browser) => {
    const manifest = (config.manifest as ManifestOf)({
      browser,
      mode: 'production',
      manifestVersion: 3,
      command: 'build',
    });
    const justified = justifiedPermissions();
    expect(askedFor(manifest).filter((permission) => !justified.has(permission))).toEqual([]);
  });

  it('would fail for a permission nobody justified', () => {
    expect(justifiedPermissions().has('tabs')).toBe(false);
  });
});
