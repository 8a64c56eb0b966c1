import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepStorageFromContentScripts } from '@/utils/background/storage-access';

type Area = { setAccessLevel?: unknown };
const areas = () => [fakeBrowser.storage.session, fakeBrowser.storage.local] as unknown as Area[];

describe('keeping storage from content scripts', () => {
  afterEach(() => {
    for (const area of areas()) delete area.setAccessLevel;
  });

  it('reports both areas closed where the browser closes both (Chrome)', async () => {
    const asked: unknown[] = [];
    for (const area of areas())
      area.setAccessLevel = async (options: unknown) => {
        asked.push(options);
      };
    expect(await keepStorageFromContentScripts()).toEqual({ sessionPrivate: true, localPrivate: true });
    expect(asked).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }, { accessLevel: 'TRUSTED_CONTEXTS' }]);
  });

  it('reports storage.local open where the browser cannot close it (Firefox)', async () => {
    (fakeBrowser.storage.local as unknown as Area).setAccessLevel = async () => {
      throw new Error('Only supported for storage.session');
    };
    expect(await keepStorageFromContentScripts()).toEqual({ sessionPrivate: true, localPrivate: false });
  });

  it('reports storage.local open where the browser has no access levels at all', async () => {
    expect(await keepStorageFromContentScripts()).toEqual({ sessionPrivate: true, localPrivate: false });
  });
});
