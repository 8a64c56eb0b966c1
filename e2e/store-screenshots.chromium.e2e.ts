import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './harness/accessibility.ts';
import type { E2EPage, ExtensionBrowser } from './harness/browsers.ts';
import { openExtensionPage, signInAs, waitForField, waitForText } from './harness/extension.ts';
import { closeSession, openSession } from './harness/session.ts';
import type { TestInstance } from './harness/simulator.ts';

const STORE_DIR = path.resolve(import.meta.dirname, '../.output/store');
const WIDTH = 1280;
const HEIGHT = 800;
const PANEL_WIDTH = 400;
const MIRA = 6;

/**
 * Store listings want 1280×800 images. The popup and side panel are shown as a person sees them:
 * over (or beside) the instance's page, both captured from the real extension and composed here.
 */
describe('chromium: store screenshots, light and dark', () => {
  let instance: TestInstance;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mkdirSync(STORE_DIR, { recursive: true });
    ({ instance, browser } = await openSession('chromium'));
    await signInAs(browser, instance, MIRA);
  });
  afterAll(async () => {
    await closeSession(instance, browser);
  });

  async function capture(page: E2EPage, width: number, height: number): Promise<string> {
    const file = path.join(STORE_DIR, `.part-${Date.now()}-${Math.random().toString(36).slice(2)}.png`);
    await page.resize(width, height);
    await page.screenshot(file);
    return file;
  }

  /** Lays the extension's own capture over or beside the instance page, at store size. */
  async function compose(name: string, site: string, extension: string, layout: 'popup' | 'panel') {
    const { readFileSync, rmSync } = await import('node:fs');
    const uri = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    const canvas = await browser.newPage();
    await canvas.resize(WIDTH, HEIGHT);
    await canvas.evaluate(
      ({ site, extension, layout, panelWidth }) => {
        document.body.style.cssText =
          'margin:0;position:relative;width:1280px;height:800px;overflow:hidden;background:#222';
        const page = document.createElement('img');
        page.src = site;
        page.style.cssText = `position:absolute;left:0;top:0;${layout === 'panel' ? `width:${1280 - panelWidth}px;height:800px;object-fit:cover;object-position:left top` : 'width:1280px;height:800px'}`;
        const ui = document.createElement('img');
        ui.src = extension;
        ui.style.cssText =
          layout === 'panel'
            ? `position:absolute;right:0;top:0;width:${panelWidth}px;height:800px;border-left:1px solid #8886`
            : 'position:absolute;right:48px;top:24px;border-radius:10px;box-shadow:0 12px 40px #0007';
        document.body.append(page, ui);
        return Promise.all([page, ui].map((img) => img.decode()));
      },
      { site: uri(site), extension: uri(extension), layout, panelWidth: PANEL_WIDTH },
    );
    const file = path.join(STORE_DIR, `${name}.png`);
    await canvas.screenshot(file);
    await canvas.close();
    rmSync(site);
    rmSync(extension);
    return file;
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`popup and side panel, ${scheme}`, async () => {
      const site = await browser.newPage();
      await site.colorScheme(scheme);
      await site.goto(`${instance.origin}/users/${MIRA}`);
      await waitForText(site, 'Mira Castellano');
      const siteShot = await capture(site, WIDTH, HEIGHT);
      const sitePanelShot = await capture(site, WIDTH - PANEL_WIDTH, HEIGHT);

      const popup = await openExtensionPage(browser, 'popup.html');
      await popup.colorScheme(scheme);
      await waitForField(popup, 'Description');
      await expectAccessible(popup);
      const popupShot = await capture(popup, PANEL_WIDTH, 720);
      const popupFile = await compose(`popup-${scheme}`, siteShot, popupShot, 'popup');

      const panel = await openExtensionPage(browser, 'sidepanel.html');
      await panel.colorScheme(scheme);
      await waitForField(panel, 'Description');
      await expectAccessible(panel);
      const panelShot = await capture(panel, PANEL_WIDTH, HEIGHT);
      const panelFile = await compose(`side-panel-${scheme}`, sitePanelShot, panelShot, 'panel');

      const { statSync } = await import('node:fs');
      for (const file of [popupFile, panelFile]) expect(statSync(file).size).toBeGreaterThan(20_000);
      await Promise.all([site.close(), popup.close(), panel.close()]);
    });
  }
});
