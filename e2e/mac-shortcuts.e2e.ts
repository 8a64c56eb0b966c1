import { describe, expect, it } from 'vitest';
import { BROWSER_KIND } from './harness/browsers.ts';
import { byName, openPopup, signInAs, waitForField, waitForText } from './harness/extension.ts';
import { browser, closeAfterTest, instance, useSession } from './harness/session.ts';

const MIRA = 6;

describe(`${BROWSER_KIND}: shortcuts on a Mac`, () => {
  useSession(undefined, { browser: { platform: 'MacIntel' } });

  it('are named with ⌘, and ⌘B and ⌘S do what they say', async () => {
    await signInAs(browser, instance, MIRA);
    const page = closeAfterTest(await openPopup(browser));
    await waitForField(page, 'Description', 'Ceramics and slow video.');
    const toolbarNames = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('[role=toolbar] button')].map((b) => b.getAttribute('aria-label')),
        null,
      );
    await page.waitForFunction(() => document.querySelector('[role=toolbar] button'), null);
    expect(await toolbarNames()).toEqual(
      expect.arrayContaining(['Bold (⌘B)', 'Italic (⌘I)', 'Underline (⌘U)', 'Link (⌘K)']),
    );
    // biome-ignore lint/performance/useDomNodeTextContent: what a person sees
    const text = await page.evaluate(() => document.body.innerText, null);
    expect(text).toContain('⌘S');
    expect(`${text} ${(await toolbarNames()).join(' ')}`).not.toContain('Ctrl');

    await page.click(await byName(page, 'Description'));
    await page.press('Control+Home');
    for (const _letter of 'Ceramics') await page.press('Shift+ArrowRight');
    await page.press('Meta+b');
    await page.press('Meta+s');
    await waitForText(page, 'Saved.');
    expect((await instance.profile(MIRA)).description).toBe(
      '<p><strong>Ceramics</strong> and <strong>slow</strong> video.</p>',
    );
  });
});
