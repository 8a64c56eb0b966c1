import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetInstance } from '@/utils/background/token-storage';
import {
  addToHistory,
  getHistory,
  MAX_HISTORY_SIZE,
  MAX_SAVES_PER_USER,
  type SaveRecord,
  saveInstance,
} from '@/utils/shared/storage';
import { anInstance, ORIGIN } from './fixtures';

const website = (at: number, before: string | null, after: string | null): SaveRecord => ({
  at,
  changes: { websiteUrl: { before, after } },
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('history of saves', () => {
  it('lists a user’s saves newest first, apart from other users’', async () => {
    await addToHistory(ORIGIN, 6, website(1, null, 'https://a.example/'));
    await addToHistory(ORIGIN, 6, website(2, 'https://a.example/', 'https://b.example/'));
    await addToHistory(ORIGIN, 7, website(3, null, 'https://c.example/'));
    expect((await getHistory(ORIGIN, 6)).map((record) => record.at)).toEqual([2, 1]);
    expect((await getHistory(ORIGIN, 7)).map((record) => record.at)).toEqual([3]);
  });

  it('a save writes only its user’s history, not every user’s', async () => {
    await addToHistory(ORIGIN, 7, website(1, null, 'https://a.example/'));
    const written: string[] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => written.push(...Object.keys(changes)));
    await addToHistory(ORIGIN, 6, website(2, null, 'https://b.example/'));
    expect(written).toEqual([`history:${ORIGIN}:6`]);
  });

  it(`keeps the last ${MAX_SAVES_PER_USER} saves of a user`, async () => {
    for (let at = 1; at <= MAX_SAVES_PER_USER + 5; at++)
      await addToHistory(ORIGIN, 6, website(at, null, `https://${at}.example/`));
    const history = await getHistory(ORIGIN, 6);
    expect(history).toHaveLength(MAX_SAVES_PER_USER);
    expect(history[0]?.at).toBe(MAX_SAVES_PER_USER + 5);
    expect(history.at(-1)?.at).toBe(6);
  });

  it('stays within its size bound for all users together, dropping the oldest saves first', async () => {
    const bio = (at: number): SaveRecord => ({
      at,
      changes: { description: { before: null, after: 'x'.repeat(4000) } },
    });
    for (let at = 1; at <= 100; at++) await addToHistory(ORIGIN, 6 + (at % 10), bio(at));
    const stored = await fakeBrowser.storage.local.get(null);
    const size = Object.entries(stored)
      .filter(([key]) => key.startsWith('history:'))
      .reduce((sum, [, records]) => sum + JSON.stringify(records).length, 0);
    expect(size).toBeLessThanOrEqual(MAX_HISTORY_SIZE);
    const kept = Object.values(stored).flatMap((records) => (Array.isArray(records) ? records : []));
    expect(Math.min(...kept.map((record: SaveRecord) => record.at))).toBeGreaterThan(1);
    expect((await getHistory(ORIGIN, 6 + (100 % 10)))[0]?.at).toBe(100);
  });

  it('skips a damaged record and keeps the others', async () => {
    await fakeBrowser.storage.local.set({
      [`history:${ORIGIN}:6`]: [
        website(1, null, 'https://a.example/'),
        { at: 'yesterday' },
        7,
        website(2, 'x', 'y'),
      ],
    });
    expect((await getHistory(ORIGIN, 6)).map((record) => record.at)).toEqual([2, 1]);
    await fakeBrowser.storage.local.set({ [`history:${ORIGIN}:7`]: 'not a list' });
    expect(await getHistory(ORIGIN, 7)).toEqual([]);
    await addToHistory(ORIGIN, 7, website(3, null, 'https://c.example/'));
    expect(await getHistory(ORIGIN, 7)).toHaveLength(1);
  });

  it('goes with its instance when the instance is removed', async () => {
    await saveInstance(anInstance());
    await saveInstance({ ...anInstance(), origin: 'https://keep.example' });
    await addToHistory(ORIGIN, 6, website(1, null, 'https://a.example/'));
    await addToHistory('https://keep.example', 6, website(2, null, 'https://b.example/'));
    await forgetInstance(ORIGIN);
    expect(await getHistory(ORIGIN, 6)).toEqual([]);
    expect(await getHistory('https://keep.example', 6)).toHaveLength(1);
  });
});
