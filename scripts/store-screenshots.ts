/**
 * `npm run screenshots`: the store listings' 1280×800 images, light and dark, written to
 * assets/store/. The popup and the side panel are shown as a person sees them, over (or beside)
 * the instance's page, both captured from the real extension in Chromium and composed here.
 * The creator shown has a bio in every format the instance's editor offers.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { E2EPage, ExtensionBrowser } from '../e2e/harness/browsers.ts';
import { openExtensionPage, signInAs, waitForField, waitForText } from '../e2e/harness/extension.ts';
import { closeSession, openSession } from '../e2e/harness/session.ts';

const STORE_DIR = path.resolve(import.meta.dirname, '../assets/store');
const WIDTH = 1280;
const HEIGHT = 800;
const PANEL_WIDTH = 400;
const LENA = 8;

const build = spawnSync('npm', ['run', '--silent', 'build:e2e'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { instance, browser } = await openSession('chromium');

async function capture(page: E2EPage, width: number, height: number): Promise<string> {
  const file = path.join(tmpdir(), `store-part-${Date.now()}-${Math.random().toString(36).slice(2)}.png`);
  await page.resize(width, height);
  await page.screenshot(file);
  return file;
}

/** Lays the extension's own capture over or beside the instance page, at store size. */
async function compose(
  browser: ExtensionBrowser,
  name: string,
  site: string,
  extension: string,
  beside: boolean,
) {
  const uri = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  const canvas = await browser.newPage();
  await canvas.resize(WIDTH, HEIGHT);
  await canvas.evaluate(
    ({ site, extension, beside, panelWidth }) => {
      document.body.style.cssText =
        'margin:0;position:relative;width:1280px;height:800px;overflow:hidden;background:#222';
      const page = document.createElement('img');
      page.src = site;
      page.style.cssText = `position:absolute;left:0;top:0;${beside ? `width:${1280 - panelWidth}px;height:800px;object-fit:cover;object-position:left top` : 'width:1280px;height:800px'}`;
      const ui = document.createElement('img');
      ui.src = extension;
      ui.style.cssText = beside
        ? `position:absolute;right:0;top:0;width:${panelWidth}px;height:800px;border-left:1px solid #8886`
        : 'position:absolute;right:48px;top:24px;border-radius:10px;box-shadow:0 12px 40px #0007';
      document.body.append(page, ui);
      return Promise.all([page, ui].map((img) => img.decode()));
    },
    { site: uri(site), extension: uri(extension), beside, panelWidth: PANEL_WIDTH },
  );
  const file = path.join(STORE_DIR, `${name}.png`);
  await canvas.screenshot(file);
  await canvas.close();
  rmSync(site);
  rmSync(extension);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

try {
  await signInAs(browser, instance, LENA);
  for (const scheme of ['light', 'dark'] as const) {
    const site = await browser.newPage();
    await site.colorScheme(scheme);
    await site.goto(`${instance.origin}/users/${LENA}`);
    await waitForText(site, 'Lena Okafor');
    // Offline, the profile's video frame would show the browser's error page: leave it blank.
    await site.evaluate(() => {
      for (const frame of document.querySelectorAll<HTMLElement>('iframe')) frame.style.visibility = 'hidden';
    }, null);
    const siteShot = await capture(site, WIDTH, HEIGHT);
    const sitePanelShot = await capture(site, WIDTH - PANEL_WIDTH, HEIGHT);

    for (const [page, name, height, beside] of [
      ['popup.html', `popup-${scheme}`, 720, false],
      ['sidepanel.html', `side-panel-${scheme}`, HEIGHT, true],
    ] as const) {
      const extension = await openExtensionPage(browser, page);
      await extension.colorScheme(scheme);
      await waitForField(extension, 'Description');
      await waitForText(extension, 'Studio notes');
      const shot = await capture(extension, PANEL_WIDTH, height);
      await compose(browser, name, beside ? sitePanelShot : siteShot, shot, beside);
      await extension.close();
    }
    await site.close();
  }
} finally {
  await closeSession(instance, browser);
}
