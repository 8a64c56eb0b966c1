import { describe, expect, it } from 'vitest';
import { RICH_BIO, UNSUPPORTED_BIO } from '../simulator/seed.ts';
import { expectAccessible } from './harness/accessibility.ts';
import { BROWSER_KIND, type E2EPage } from './harness/browsers.ts';
import {
  byName,
  clickButton,
  fillField,
  openPopup,
  signInAs,
  waitForField,
  waitForText,
} from './harness/extension.ts';
import { record } from './harness/report.ts';
import { browser, closeAfterTest, instance, useSession } from './harness/session.ts';

const MIRA = 6;
const TOMASZ = 7;
const LENA = 8;
const PIOTR = 9;

describe(`${BROWSER_KIND}: the bio, in the instance editor’s formatting`, () => {
  useSession();

  async function editorFor(userId: number): Promise<E2EPage> {
    await signInAs(browser, instance, userId);
    return closeAfterTest(await openPopup(browser));
  }

  async function puts() {
    return (await instance.requests()).filter((request) => request.method === 'PUT');
  }

  /** The rich field as it is on screen: its text, and which formats it shows. */
  function shownBio(page: E2EPage) {
    return page.evaluate(() => {
      const editor = document.querySelector<HTMLElement>('[role=textbox][contenteditable=true]');
      return {
        // biome-ignore lint/performance/useDomNodeTextContent: what a person sees
        text: editor?.innerText ?? '',
        bold: [...(editor?.querySelectorAll('strong') ?? [])].map((element) => element.textContent),
        listItems: editor?.querySelectorAll('li').length ?? 0,
        links: [...(editor?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href')),
        heading: editor?.querySelector('h2')?.textContent ?? null,
        video: editor?.querySelector('.bio-video')?.textContent ?? null,
        frames: document.querySelectorAll('iframe').length,
      };
    }, null);
  }

  it('shows a bio with headings, bold, lists, a link and a video formatted, with no tag text; clean under axe (light; dark in Chromium)', async () => {
    const page = await editorFor(LENA);
    await waitForField(page, 'Description');
    const shown = await shownBio(page);
    expect(shown.text).not.toMatch(/<\/?[a-z]+[\s>]/i);
    expect(shown.text).toContain('Hand-thrown stoneware');
    expect(shown.heading).toBe('Studio notes');
    expect(shown.bold).toEqual(['stoneware']);
    expect(shown.listItems).toBe(4);
    expect(shown.links).toEqual(['https://lena.example/shop']);
    // The video is named, not loaded.
    expect(shown.video).toContain('https://www.youtube.com/embed/dQw4w9WgXcQ');
    expect(shown.frames).toBe(0);
    await expectAccessible(page);
    // Firefox driven over WebDriver BiDi cannot emulate a colour scheme: dark is checked in Chromium.
    if (BROWSER_KIND === 'chromium') {
      await page.colorScheme('dark');
      await expectAccessible(page);
    }
  });

  it('Ctrl+B on a selected word sends exactly the instance editor’s HTML, and the instance shows the word bold', async () => {
    const page = await editorFor(MIRA);
    await waitForField(page, 'Description', 'Ceramics and slow video.');
    await page.click(await byName(page, 'Description'));
    await page.press('Control+Home');
    for (const _letter of 'Ceramics') await page.press('Shift+ArrowRight');
    await page.press('Control+b');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');

    const sent = await puts();
    expect(sent.map((request) => request.body)).toEqual([
      { description: '<p><strong>Ceramics</strong> and <strong>slow</strong> video.</p>' },
    ]);
    const site = closeAfterTest(await browser.newPage());
    await site.goto(`${instance.origin}/users/${MIRA}`);
    await site.waitFor('.bio strong');
    expect(
      await site.evaluate(
        () => [...document.querySelectorAll('.bio strong')].map((b) => b.textContent),
        null,
      ),
    ).toEqual(['Ceramics', 'slow']);
  });

  it('saves two lines typed into an empty bio as two paragraphs', async () => {
    const page = await editorFor(TOMASZ);
    await fillField(page, 'Description', 'First line\nSecond line');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    expect((await instance.profile(TOMASZ)).description).toBe('<p>First line</p><p>Second line</p>');
  });

  it('formats from the toolbar by keyboard alone, and links a selection with Ctrl+K', async () => {
    const page = await editorFor(TOMASZ);
    await page.click(await byName(page, 'Description'));
    await page.type('Shop');
    await page.press('Control+a');
    await page.press('Control+k');
    await page.waitFor('#rich-bio-address');
    await page.type('shop.example');
    await page.press('Enter');
    await page.press('End');
    await page.press('Enter');
    await page.type('Mugs');
    // Shift+Tab leaves the editor for the toolbar, where the arrow keys move and Enter presses.
    await page.press('Shift+Tab');
    for (let step = 0; step < 7; step++) await page.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'), null)).toBe(
      'Bulleted list',
    );
    await page.press('Enter');
    await page.press('Control+s');
    await waitForText(page, 'Saved.');
    expect((await instance.profile(TOMASZ)).description).toBe(
      '<p><a href="https://shop.example/" rel="noopener noreferrer" target="_blank">Shop</a></p><ul><li>Mugs</li></ul>',
    );
  });

  it('never sends an untouched bio: changing only a link leaves the bio byte for byte as it was', async () => {
    const page = await editorFor(LENA);
    await waitForField(page, 'Description');
    await fillField(page, 'Website', 'lena.example');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    const sent = await puts();
    expect(sent.map((request) => Object.keys(request.body as object))).toEqual([['websiteUrl']]);
    expect((await instance.profile(LENA)).description).toBe(RICH_BIO);
  });

  it('opens a bio it cannot show as HTML source, with a notice; other fields save around it; a source edit saves as typed', async () => {
    const page = await editorFor(PIOTR);
    await waitForText(page, 'markup the editor cannot show');
    await waitForText(page, '<table>');
    const toggle = await byName(page, 'HTML source');
    expect(
      await page.evaluate((selector) => {
        const button = document.querySelector(selector);
        return [button?.getAttribute('aria-pressed'), (button as HTMLButtonElement | null)?.disabled];
      }, toggle),
    ).toEqual(['true', true]);
    await waitForField(page, 'Description', UNSUPPORTED_BIO);

    await fillField(page, 'Website', 'piotr.example');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    expect((await instance.profile(PIOTR)).description).toBe(UNSUPPORTED_BIO);

    const edited = UNSUPPORTED_BIO.replace('Sale this week', 'Sale next week');
    await fillField(page, 'Description', edited);
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    expect((await instance.profile(PIOTR)).description).toBe(edited);
  });

  it('a hostile bio runs nothing and loads nothing', async () => {
    const hostile =
      `<p>Hello</p><img src="${instance.origin}/hostile/image.png" onerror="document.title='ran'">` +
      `<script>document.title='ran'</script>` +
      `<p><a href="javascript:document.title='ran'">click</a></p>` +
      `<iframe src="${instance.origin}/hostile/frame"></iframe>`;
    await instance.editElsewhere(MIRA, { description: hostile });
    await instance.clearLog();
    const page = await editorFor(MIRA);
    await waitForText(page, 'markup the editor cannot show');
    await waitForField(page, 'Description', hostile);
    // Long enough for an image or a frame to have been requested.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const loaded = (await instance.requests()).filter((request) => request.path.startsWith('/hostile'));
    const title = await page.evaluate(() => document.title, null);
    record({
      kind: 'hostile',
      browser: BROWSER_KIND,
      name: 'a bio with a script, a handler, a javascript: link, an image and a frame',
    });
    expect(loaded).toEqual([]);
    expect(title).not.toBe('ran');
  });

  it('shows both bios formatted in the conflict chooser', async () => {
    const page = await editorFor(MIRA);
    await fillField(page, 'Description', 'Mine');
    await instance.editElsewhere(MIRA, { description: '<p>Theirs, now <strong>bold</strong></p>' });
    await clickButton(page, 'Save');
    await waitForText(page, 'while you were editing');
    const chooser = await page.evaluate(() => {
      const section = document.querySelector<HTMLElement>('.conflict');
      return {
        // biome-ignore lint/performance/useDomNodeTextContent: what a person sees
        text: section?.innerText ?? '',
        bold: [...(section?.querySelectorAll('.bio-view strong') ?? [])].map((b) => b.textContent),
        paragraphs: section?.querySelectorAll('.bio-view p').length ?? 0,
      };
    }, null);
    expect(chooser.text).toContain('Mine');
    expect(chooser.text).toContain('Theirs, now bold');
    expect(chooser.text).not.toContain('<');
    expect(chooser.bold).toEqual(['bold']);
    expect(chooser.paragraphs).toBe(2);
    expect(await puts()).toHaveLength(0);
  });
});
