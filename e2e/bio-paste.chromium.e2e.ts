/**
 * Pasting rich text. Chromium only: Firefox empties the data of a paste event that a page
 * dispatches itself, and its real clipboard cannot be filled from a test without a permission
 * the extension does not ask for.
 */
import { describe, expect, it } from 'vitest';
import { byName, clickButton, openPopup, signInAs, waitForText } from './harness/extension.ts';
import { browser, instance, useSession } from './harness/session.ts';

const TOMASZ = 7;

describe('chromium: pasting into the bio', () => {
  useSession();

  it('keeps only the instance’s formats from pasted HTML, and loads nothing it carries', async () => {
    await signInAs(browser, instance, TOMASZ);
    const page = await openPopup(browser);
    await page.click(await byName(page, 'Description'));
    const pasted =
      `<p style="color: red">Pasted <b>bold</b> and <span style="font-size: 30px">big</span>` +
      `<img src="${instance.origin}/hostile/pasted.png" onerror="document.title='ran'"></p>` +
      `<table><tr><td>cell</td></tr></table><ul><li>item</li></ul>`;
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Pasted bold and big');
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, pasted);
    await waitForText(page, 'item');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    const saved = (await instance.profile(TOMASZ)).description ?? '';
    expect(saved).toContain('<strong>bold</strong>');
    expect(saved).toContain('<ul><li>item</li></ul>');
    expect(saved).not.toMatch(/style=|<img|<table|<span|onerror/);
    const loaded = (await instance.requests()).filter((request) => request.path.startsWith('/hostile'));
    expect(loaded).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
