import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { askedFor, justifiedPermissions } from '../store-texts.ts';

const BUILDS = ['chrome-mv3', 'firefox-mv3'] as const;

function manifest(build: (typeof BUILDS)[number]) {
  const file = path.resolve(import.meta.dirname, '../../.output', build, 'manifest.json');
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe.each(BUILDS)('production manifest: %s', (build) => {
  it('is Manifest V3 and asks for no host at install', () => {
    const m = manifest(build);
    expect(m.manifest_version).toBe(3);
    expect(m).not.toHaveProperty('host_permissions');
    expect(JSON.stringify(m)).not.toContain('<all_urls>');
  });

  it('lets the user grant instance origins one at a time', () => {
    expect(manifest(build).optional_host_permissions).toEqual([
      'https://*/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
  });

  it('asks only for the permissions the code uses', () => {
    const expected = [
      'storage',
      'scripting',
      'contextMenus',
      ...(build === 'chrome-mv3' ? ['sidePanel'] : []),
    ];
    expect(manifest(build).permissions).toEqual(expected);
  });

  it('asks for nothing store/permissions.md does not justify', () => {
    const justified = justifiedPermissions();
    expect(askedFor(manifest(build)).filter((permission) => !justified.has(permission))).toEqual([]);
  });

  it('offers a shortcut that opens the editor', () => {
    expect(manifest(build).commands._execute_action.suggested_key.default).toBe('Alt+Shift+P');
  });

  it('declares no content script: the instance script is registered at runtime', () => {
    expect(manifest(build)).not.toHaveProperty('content_scripts');
  });

  it('keeps the default content security policy', () => {
    expect(manifest(build)).not.toHaveProperty('content_security_policy');
  });
});

describe('chrome manifest', () => {
  it('declares the oldest Chrome it runs on: the first whose every API the extension calls returns promises', () => {
    expect(manifest('chrome-mv3').minimum_chrome_version).toBe('123');
  });
});

describe('firefox manifest', () => {
  it('declares its gecko id, minimum version and the data that leaves the browser (store/firefox-data-collection.md)', () => {
    const { gecko } = manifest('firefox-mv3').browser_specific_settings;
    expect(gecko).toMatchObject({
      id: 'profile-quick-edit@creatorshub-tools.org',
      strict_min_version: '140.0',
      data_collection_permissions: {
        required: ['authenticationInfo', 'personallyIdentifyingInfo', 'locationInfo'],
      },
    });
    expect(manifest('firefox-mv3').background).toEqual({ scripts: ['background.js'] });
  });
});
