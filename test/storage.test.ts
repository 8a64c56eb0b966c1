import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetInstance, getToken, setToken } from '@/utils/background/token-storage';
import {
  addRecentUser,
  DEFAULT_ROUTE_PATTERNS,
  getActiveInstance,
  getCachedProfile,
  getDraft,
  getInstances,
  getRecentUsers,
  readEditorStart,
  saveDraft,
  saveInstance,
  setActiveInstance,
  setCachedAvatar,
  setCachedProfile,
} from '@/utils/shared/storage';
import { aDraft, anInstance, EMPTY_VALUES, ORIGIN, storedEverywhere } from './fixtures';

const OTHER = 'https://other.example';

const instance = anInstance();
const draft = aDraft('typed');

beforeEach(() => fakeBrowser.reset());

describe('instances', () => {
  it('saves, lists and picks the active instance', async () => {
    await saveInstance(instance);
    await saveInstance({ ...instance, origin: 'https://other.example' });
    await setActiveInstance('https://other.example');
    expect((await getInstances()).map((i) => i.origin)).toEqual([ORIGIN, 'https://other.example']);
    expect((await getActiveInstance())?.origin).toBe('https://other.example');
  });

  it('falls back to the first instance when the active one is gone', async () => {
    await saveInstance(instance);
    await setActiveInstance('https://removed.example');
    expect((await getActiveInstance())?.origin).toBe(ORIGIN);
  });

  it('survives a corrupt list and keeps the good records of a damaged one', async () => {
    await fakeBrowser.storage.local.set({ instances: 'garbage' });
    expect(await getInstances()).toEqual([]);
    await fakeBrowser.storage.local.set({ instances: [{ origin: 42 }, instance, null] });
    expect(await getInstances()).toEqual([instance]);
  });

  it('keeps an instance whose optional settings are damaged, with those settings back at their defaults', async () => {
    const damaged = { ...instance, label: 7, userId: 'six', routePatterns: 'all', rememberToken: 'yes' };
    await fakeBrowser.storage.local.set({ instances: [damaged] });
    expect(await getInstances()).toEqual([
      { ...instance, label: '', userId: null, routePatterns: DEFAULT_ROUTE_PATTERNS, rememberToken: false },
    ]);
  });

  it('reads an instance saved before route patterns and the path form existed, with their defaults', async () => {
    const early = { origin: ORIGIN, label: 'Hub', authMode: 'session', userId: 6, rememberToken: false };
    await fakeBrowser.storage.local.set({ instances: [early] });
    expect(await getInstances()).toEqual([
      { ...early, routePatterns: DEFAULT_ROUTE_PATTERNS, pathForm: null },
    ]);
  });
});

describe('tokens', () => {
  it('keeps tokens for the browser session by default', async () => {
    await setToken(ORIGIN, 'secret', false);
    expect(await fakeBrowser.storage.session.get(`token:${ORIGIN}`)).toEqual({
      [`token:${ORIGIN}`]: 'secret',
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await getToken(ORIGIN)).toBe('secret');
  });

  it('keeps a remembered token on this device, out of every storage area, and moves it back when forgotten', async () => {
    await setToken(ORIGIN, 'secret', true);
    // Firefox lets content scripts read storage.local: a remembered token is never there.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await storedEverywhere()).toContain('secret');
    expect(await getToken(ORIGIN)).toBe('secret');
    await setToken(ORIGIN, 'secret', false);
    expect(await storedEverywhere()).toBe(JSON.stringify([{}, { [`token:${ORIGIN}`]: 'secret' }, {}]));
  });

  it('moves a token an earlier version remembered in storage.local out of it before reading any', async () => {
    await saveInstance(instance);
    await saveInstance({ ...instance, origin: OTHER });
    await fakeBrowser.storage.local.set({ [`token:${ORIGIN}`]: 'remembered-before', [`token:${OTHER}`]: 7 });
    vi.resetModules(); // a background that starts afresh, as after an update
    const tokens = await import('@/utils/background/token-storage');
    expect(await tokens.getToken(ORIGIN)).toBe('remembered-before');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('token:');
    expect(await tokens.getToken(OTHER)).toBeNull();
  });

  it('ignores a token stored with the wrong type', async () => {
    await fakeBrowser.storage.session.set({ [`token:${ORIGIN}`]: { nested: true } });
    expect(await getToken(ORIGIN)).toBeNull();
  });
});

describe('removing an instance', () => {
  it('leaves no trace of its token, drafts, cache or recent users in any area', async () => {
    await saveInstance(instance);
    await setActiveInstance(ORIGIN);
    await setToken(ORIGIN, 'secret-session', false);
    await fakeBrowser.storage.local.set({ [`token:${ORIGIN}`]: 'secret-local' });
    await fakeBrowser.storage.sync.set({ [`token:${ORIGIN}`]: 'secret-sync' });
    await saveDraft(ORIGIN, 6, draft);
    await addRecentUser(ORIGIN, 7);
    await saveInstance({ ...instance, origin: 'https://keep.example' });
    await setToken('https://keep.example', 'kept', false);

    await forgetInstance(ORIGIN);

    const stored = await storedEverywhere();
    expect(stored).not.toContain('secret');
    expect(stored).not.toContain(`${ORIGIN}:`);
    expect(stored).toContain('kept');
    expect((await getInstances()).map((i) => i.origin)).toEqual(['https://keep.example']);
  });
});

describe('per-user data', () => {
  it('round-trips drafts and reads a corrupt draft as none', async () => {
    await saveDraft(ORIGIN, 6, draft);
    expect(await getDraft(ORIGIN, 6)).toEqual(draft);
    expect(await getDraft(ORIGIN, 7)).toBeNull();
    await fakeBrowser.storage.local.set({ [`draft:${ORIGIN}:6`]: { form: 'oops' } });
    expect(await getDraft(ORIGIN, 6)).toBeNull();
  });

  it('reads a corrupt cache entry as a miss', async () => {
    await fakeBrowser.storage.local.set({ [`cache:${ORIGIN}:6`]: { profile: { id: 'x' }, fetchedAt: 1 } });
    expect(await getCachedProfile(ORIGIN, 6)).toBeNull();
    await setCachedProfile(ORIGIN, 6, {
      fetchedAt: 5,
      profile: {
        userId: 6,
        ...EMPTY_VALUES,
        avatarKey: null,
        createdAt: null,
        updatedAt: '2023-01-01T00:00:00.000Z',
        user: null,
      },
    });
    expect((await getCachedProfile(ORIGIN, 6))?.fetchedAt).toBe(5);
  });

  it('keeps recent users newest first, without repeats, at most eight', async () => {
    for (const id of [1, 2, 3, 4, 5, 6, 7, 8, 9, 3]) await addRecentUser(ORIGIN, id);
    expect(await getRecentUsers(ORIGIN)).toEqual([3, 9, 8, 7, 6, 5, 4, 2]);
  });
});

describe('what an editor reads when it opens', () => {
  it('finds the active instance and this user’s cache, draft, save and avatar', async () => {
    await saveInstance(instance);
    await setActiveInstance(ORIGIN);
    await saveDraft(ORIGIN, 6, draft);
    await setCachedAvatar(ORIGIN, 6, 'https://cdn.example/a.png');
    const start = await readEditorStart(null);
    expect(start).toMatchObject({ instance, draft, avatarUrl: 'https://cdn.example/a.png', cached: null });
  });

  it('reads corrupt parts as missing, and knows nothing of an origin not set up', async () => {
    await saveInstance(instance);
    await fakeBrowser.storage.local.set({ [`draft:${ORIGIN}:7`]: { form: 1 }, [`save:${ORIGIN}:7`]: 'x' });
    expect(await readEditorStart({ origin: ORIGIN, userId: 7 })).toMatchObject({
      draft: null,
      saveStatus: null,
    });
    expect((await readEditorStart({ origin: 'https://other.example', userId: 7 })).instance).toBeNull();
  });

  it('reads storage once when it knows whose records to take, and still the right ones when the guess is stale', async () => {
    await saveInstance(instance);
    await setActiveInstance(ORIGIN);
    await saveDraft(ORIGIN, 6, draft);
    await saveDraft(ORIGIN, 7, aDraft('someone else'));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');

    expect(await readEditorStart(null, { origin: ORIGIN, userId: 6 })).toMatchObject({ instance, draft });
    expect(get).toHaveBeenCalledTimes(1);

    get.mockClear();
    expect(await readEditorStart(null, { origin: ORIGIN, userId: 7 })).toMatchObject({ instance, draft });
    expect(get).toHaveBeenCalledTimes(2);
  });
});
