import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { instanceMatches } from '@/utils/background/content-scripts';
import { createHandlers } from '@/utils/background/handlers';
import { getToken } from '@/utils/background/token-storage';
import { userIdFromToken } from '@/utils/shared/api/token';
import type { PayloadOf } from '@/utils/shared/messaging';
import {
  addRecentUser,
  DEFAULT_ROUTE_PATTERNS,
  getActiveInstance,
  getDraft,
  getInstance,
  getRecentUsers,
  saveDraft,
  setCachedAvatar,
} from '@/utils/shared/storage';
import { createFakeFetch, seedProfile } from './fake-fetch';
import { aDraft, ORIGIN, SHUT, storedEverywhere } from './fixtures';

const JWT = `h.${btoa(JSON.stringify({ userId: 6 })).replace(/=+$/, '')}.sig`;

function setup() {
  const fake = createFakeFetch(ORIGIN);
  const access = { isGranted: vi.fn(async () => true), revoke: vi.fn(async (_origin: string) => {}) };
  const handlers = createHandlers({
    fetch: fake.fetch,
    access,
    openEditor: async () => {},
    storageAccess: SHUT,
  });
  return { fake, access, handlers };
}

const form = (overrides: Partial<PayloadOf<'ui:saveInstance'>> = {}): PayloadOf<'ui:saveInstance'> => ({
  address: 'hub.example/settings',
  label: '',
  authMode: 'token',
  token: 'Bearer abc',
  remember: false,
  userId: null,
  routePatterns: [],
  ...overrides,
});

beforeEach(() => fakeBrowser.reset());

describe('saving an instance', () => {
  it('normalises the address, strips the Bearer prefix and makes the first instance active', async () => {
    const { handlers } = setup();
    expect(await handlers['ui:saveInstance'](form(), { kind: 'extensionPage' })).toEqual({
      ok: true,
      value: { origin: ORIGIN },
    });
    expect(await getToken(ORIGIN)).toBe('abc');
    expect((await getActiveInstance())?.routePatterns).toEqual(DEFAULT_ROUTE_PATTERNS);
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty(`token:${ORIGIN}`);
  });

  it.each([
    ['ftp://x', 'address'],
    ['', 'address'],
    ['not a url', 'address'],
    ['http://hub.example', 'address'],
  ])('refuses the address %j and stores nothing', async (address, field) => {
    const { handlers } = setup();
    const result = await handlers['ui:saveInstance'](form({ address }), { kind: 'extensionPage' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalidInput', field } });
    expect(await storedEverywhere()).toBe('[{},{},{}]');
  });

  it.each(['', '   ', 'Bearer   '])(
    'refuses the token %j for a new instance and stores nothing',
    async (token) => {
      const { handlers } = setup();
      const result = await handlers['ui:saveInstance'](form({ token }), { kind: 'extensionPage' });
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalidInput', field: 'token' } });
      expect(await storedEverywhere()).toBe('[{},{},{}]');
    },
  );

  it('keeps the stored token when edited with the token field left blank, moving it when remembered', async () => {
    const { handlers } = setup();
    await handlers['ui:saveInstance'](form(), { kind: 'extensionPage' });
    await handlers['ui:saveInstance'](form({ token: '', remember: true, label: 'Mine' }), {
      kind: 'extensionPage',
    });
    expect(await getToken(ORIGIN)).toBe('abc');
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect((await getInstance(ORIGIN))?.label).toBe('Mine');
  });

  it('drops the token when switched to browser-session auth', async () => {
    const { handlers } = setup();
    await handlers['ui:saveInstance'](form({ remember: true }), { kind: 'extensionPage' });
    await handlers['ui:saveInstance'](form({ authMode: 'session', token: undefined }), {
      kind: 'extensionPage',
    });
    expect(await storedEverywhere()).not.toContain('"abc"');
  });

  it('refuses route patterns without :id', async () => {
    const { handlers } = setup();
    const result = await handlers['ui:saveInstance'](form({ routePatterns: ['/members/'] }), {
      kind: 'extensionPage',
    });
    expect(result).toMatchObject({ ok: false, error: { field: 'routePatterns' } });
  });
});

describe('connection and user id', () => {
  it('names the user and learns the id through `me`', async () => {
    const { handlers, fake } = setup();
    await handlers['ui:saveInstance'](form(), { kind: 'extensionPage' });
    fake.answer('GET', '/api/public/user/me/profile/info', { status: 200, body: { profile: seedProfile() } });
    expect(await handlers['ui:getProfile']({ origin: ORIGIN }, { kind: 'extensionPage' })).toMatchObject({
      ok: true,
      value: { userId: 6, profile: { user: { name: 'Mira Castellano', username: 'mira' } } },
    });
    expect((await getInstance(ORIGIN))?.userId).toBe(6);
  });

  it('reports the precise error kind', async () => {
    const { handlers, fake } = setup();
    await handlers['ui:saveInstance'](form({ userId: 6 }), { kind: 'extensionPage' });
    fake.answer('GET', '/api/public/user/6/info', { status: 401 });
    expect(await handlers['ui:getProfile']({ origin: ORIGIN }, { kind: 'extensionPage' })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
  });

  it('detects the user from the browser session first', async () => {
    const { handlers, fake } = setup();
    await handlers['ui:saveInstance'](form({ authMode: 'session', token: undefined }), {
      kind: 'extensionPage',
    });
    fake.answer('GET', '/api/auth/user', { status: 200, body: { user: { id: 7 } } });
    expect(await handlers['ui:detectUserId']({ origin: ORIGIN }, { kind: 'extensionPage' })).toEqual({
      ok: true,
      value: { userId: 7, source: 'session' },
    });
  });

  it('falls back to the token’s user id claim when the instance has no `me`', async () => {
    const { handlers } = setup();
    await handlers['ui:saveInstance'](form({ token: JWT }), { kind: 'extensionPage' });
    expect(await handlers['ui:detectUserId']({ origin: ORIGIN }, { kind: 'extensionPage' })).toEqual({
      ok: true,
      value: { userId: 6, source: 'token' },
    });
  });

  it('reads numeric id claims only', () => {
    expect(userIdFromToken(`Bearer ${JWT}`)).toBe(6);
    expect(userIdFromToken(`h.${btoa(JSON.stringify({ sub: 'mira' }))}.s`)).toBeNull();
    expect(userIdFromToken('opaque-token')).toBeNull();
    expect(userIdFromToken('a.%%%.c')).toBeNull();
  });
});

describe('listing instances', () => {
  it('flags unsaved drafts on the instance that holds them only, ports included', async () => {
    const { handlers } = setup();
    const local = 'http://127.0.0.1:4815';
    await handlers['ui:saveInstance'](form(), { kind: 'extensionPage' });
    await handlers['ui:saveInstance'](form({ address: local }), { kind: 'extensionPage' });
    await saveDraft(local, 6, aDraft('typed on the local instance'));
    const list = await handlers['ui:listInstances']({}, { kind: 'extensionPage' });
    if (!list.ok) throw new Error('listing failed');
    const drafts = Object.fromEntries(list.value.instances.map((i) => [i.origin, i.hasDrafts]));
    expect(drafts).toEqual({ 'https://hub.example': false, [local]: true });
  });
});

describe('removing an instance', () => {
  it('leaves no token, draft or cache in any area and gives up the host permission', async () => {
    const { handlers, access } = setup();
    await handlers['ui:saveInstance'](form({ remember: true, token: 'secret-token' }), {
      kind: 'extensionPage',
    });
    await fakeBrowser.storage.session.set({ [`token:${ORIGIN}`]: 'secret-token' });
    await saveDraft(ORIGIN, 6, aDraft('x'));
    await setCachedAvatar(ORIGIN, 6, 'https://cdn.hub.example/mira.png');
    await addRecentUser(ORIGIN, 7);
    const list = await handlers['ui:listInstances']({}, { kind: 'extensionPage' });
    expect(list).toMatchObject({ ok: true, value: { instances: [{ hasToken: true, hasDrafts: true }] } });
    expect(JSON.stringify(list)).not.toContain('secret-token');

    await handlers['ui:removeInstance']({ origin: ORIGIN }, { kind: 'extensionPage' });
    const stored = await storedEverywhere();
    expect(stored).not.toContain('secret-token');
    expect(stored).not.toContain(ORIGIN);
    expect(access.revoke).toHaveBeenCalledWith(ORIGIN);
  });

  it('leaves instances whose address merely starts with the same text alone', async () => {
    const { handlers } = setup();
    const neighbours = ['https://hub.example.org', 'https://hub.example:8443'];
    for (const address of [ORIGIN, ...neighbours]) {
      await handlers['ui:saveInstance'](form({ address, remember: true, token: `token-of-${address}` }), {
        kind: 'extensionPage',
      });
      await saveDraft(address, 6, aDraft(`draft on ${address}`));
      await addRecentUser(address, 7);
    }
    await handlers['ui:removeInstance']({ origin: ORIGIN }, { kind: 'extensionPage' });
    for (const address of neighbours) {
      expect(await getToken(address)).toBe(`token-of-${address}`);
      expect((await getDraft(address, 6))?.form.description).toBe(`draft on ${address}`);
      expect(await getRecentUsers(address)).toEqual([7]);
    }
  });
});

describe('where the page script runs', () => {
  it('on each granted instance’s exact origin, its port included', async () => {
    const { handlers } = setup();
    for (const address of ['http://localhost:4815', 'https://hub.example', 'http://localhost:9000'])
      await handlers['ui:saveInstance'](form({ address }), { kind: 'extensionPage' });
    const granted = async (origin: string) => origin !== 'http://localhost:9000';
    expect(await instanceMatches({ isGranted: granted, revoke: async () => {} })).toEqual([
      'http://localhost:4815/*',
      'https://hub.example/*',
    ]);
  });
});
