/**
 * Where the browsers are, on Linux, macOS and Windows: `CHROMIUM_PATH` / `FIREFOX_PATH` first,
 * then the usual install places. Only Chromium and Chrome for Testing load an unpacked extension
 * from the command line: branded Chrome ignores `--load-extension` from version 137 on.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const local = process.env.LOCALAPPDATA ?? '';
const programs = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean) as string[];

const CHROMIUM: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-for-testing',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ],
  win32: [local, ...programs].flatMap((root) => [
    path.join(root, 'Chromium', 'Application', 'chrome.exe'),
    path.join(root, 'Google', 'Chrome for Testing', 'Application', 'chrome.exe'),
  ]),
};
const BRANDED_CHROME: Record<string, string[]> = {
  linux: ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: [local, ...programs].map((root) => path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
};
const FIREFOX: Record<string, string[]> = {
  linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
  darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox'],
  win32: programs.map((root) => path.join(root, 'Mozilla Firefox', 'firefox.exe')),
};
const INSTALL_CHROMIUM: Record<string, string> = {
  linux: 'sudo apt-get install chromium (Debian/Ubuntu)',
  darwin: 'brew install --cask chromium',
  win32: 'Chromium from chromium.org',
};

function firstExisting(candidates: string[] | undefined): string | undefined {
  return candidates?.find((candidate) => existsSync(candidate));
}

/** Thrown with one line that says what to install. */
export class BrowserNotFound extends Error {}

export function chromiumPath(): string {
  const found = process.env.CHROMIUM_PATH ?? firstExisting(CHROMIUM[process.platform]);
  if (found) return found;
  const install = `install Chromium (${INSTALL_CHROMIUM[process.platform] ?? 'chromium.org'}) or Chrome for Testing (npx @puppeteer/browsers install chrome@stable), or set CHROMIUM_PATH`;
  const branded = firstExisting(BRANDED_CHROME[process.platform]);
  throw new BrowserNotFound(
    branded
      ? `Found Google Chrome (${branded}), but Chrome 137 and newer ignore --load-extension: ${install}.`
      : `No Chromium found: ${install}.`,
  );
}

export function firefoxPath(): string {
  const found = process.env.FIREFOX_PATH ?? firstExisting(FIREFOX[process.platform]);
  if (found) return found;
  throw new BrowserNotFound(
    'No Firefox found: install Firefox (Debian: sudo apt-get install firefox-esr), or set FIREFOX_PATH.',
  );
}
