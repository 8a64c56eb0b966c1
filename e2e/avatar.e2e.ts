import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
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
import { browser, closeAfterTest, instance, useSession } from './harness/session.ts';

const MIRA = 6;
const IMAGE = path.resolve(import.meta.dirname, '../assets/public/icon/96.png');

describe(`${BROWSER_KIND}: avatar`, () => {
  let popup: E2EPage;

  useSession();
  beforeEach(async () => {
    await signInAs(browser, instance, MIRA);
    popup = closeAfterTest(await openPopup(browser));
    await clickButton(popup, 'Change avatar');
    await waitForField(popup, 'Image address');
  });

  const headerAvatar = () =>
    popup.evaluate(() => document.querySelector<HTMLImageElement>('.profile-header img')?.src ?? null, null);

  async function avatarOnInstance(): Promise<string | null> {
    const response = await fetch(`${instance.origin}/api/public/user/${MIRA}/profile/avatar`, {
      headers: { authorization: `Bearer ${instance.tokens.get(MIRA)}` },
    });
    return ((await response.json()) as { avatarUrl: string | null }).avatarUrl;
  }

  it('shows the current avatar and changes it by web address', async () => {
    await popup.waitForFunction(() => document.querySelector('.profile-header img[src]'), null);
    expect(await headerAvatar()).toContain('/avatars/1677061054831/userAvatars/6/avatar.jpg');
    await fillField(popup, 'Image address', 'http://images.example/mira.png');
    await waitForText(popup, 'Use an https:// image address.');
    await fillField(popup, 'Image address', 'https://images.example/mira.png');
    await clickButton(popup, 'Use address');
    await waitForText(popup, 'Avatar changed.');
    expect(await avatarOnInstance()).toBe('https://images.example/mira.png');
    expect(await headerAvatar()).toBe('https://images.example/mira.png');
  });

  it('keeps the typed address and the picked file when the section is closed and opened again', async () => {
    await fillField(popup, 'Image address', 'https://images.example/mira.png');
    await popup.uploadFile(await byName(popup, 'Image file'), IMAGE);
    await clickButton(popup, 'Change avatar');
    await clickButton(popup, 'Change avatar');
    await waitForField(popup, 'Image address', 'https://images.example/mira.png');
    const picked = await popup.evaluate(
      (selector) => (document.querySelector(selector) as HTMLInputElement).files?.length ?? 0,
      await byName(popup, 'Image file'),
    );
    expect(picked).toBe(1);
  });

  it('uploads a picked file after a preview', async () => {
    await popup.uploadFile(await byName(popup, 'Image file'), IMAGE);
    await popup.waitForFunction(() => document.querySelector('img[alt="Preview of the new avatar"]'), null);
    await clickButton(popup, 'Upload image');
    await waitForText(popup, 'Avatar changed.');
    const url = await avatarOnInstance();
    expect(url).toMatch(/\/avatars\/\d+\/userAvatars\/6\/avatar$/);
    const uploaded = Buffer.from(await (await fetch(url ?? '')).arrayBuffer());
    const { readFileSync } = await import('node:fs');
    expect(uploaded.equals(readFileSync(IMAGE))).toBe(true);
  });

  it('takes a dropped image, and refuses a file that is not one without sending anything', async () => {
    await instance.clearLog();
    const drop = (name: string, type: string, text: string) =>
      popup.evaluate(
        ({ name, type, text }) => {
          const zone = document.querySelector('.drop-zone') as HTMLElement;
          const data = new DataTransfer();
          data.items.add(new File([text], name, { type }));
          zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        { name, type, text },
      );
    await drop('notes.txt', 'text/plain', 'not an image');
    await waitForText(popup, 'Choose a JPEG, PNG or WebP image.');
    expect(
      await popup.evaluate(
        () => (document.querySelector('.drop-zone .primary') as HTMLButtonElement).disabled,
        null,
      ),
    ).toBe(true);

    await drop('face.png', 'image/png', '\x89PNG fake but typed');
    await popup.waitForFunction(() => document.querySelector('img[alt="Preview of the new avatar"]'), null);
    await clickButton(popup, 'Upload image');
    await waitForText(popup, 'Avatar changed.');
    const puts = (await instance.requests()).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([`/api/public/user/${MIRA}/profile/updateAvatarFile`]);
  });
});
