import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/utils/background/handlers';
import { setToken } from '@/utils/background/token-storage';
import type { EditableValues } from '@/utils/shared/api/schemas';
import { createMessageRouter, PROTOCOL, type SenderRules } from '@/utils/shared/messaging';
import { MAX_DESCRIPTION_LENGTH } from '@/utils/shared/profile/fields';
import {
  DEFAULT_ROUTE_PATTERNS,
  getCachedProfile,
  getDraft,
  getHistory,
  getInstance,
  getSaveStatus,
  saveDraft,
  saveInstance,
} from '@/utils/shared/storage';
import { createFakeFetch, seedProfile } from './fake-fetch';
import { anInstance, EMPTY_FORM, ORIGIN, SHUT } from './fixtures';

const TOKEN = 'tok-very-secret-123';
const EXTENSION_ID = 'test-extension-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

const rules: SenderRules = {
  extensionId: EXTENSION_ID,
  extensionOrigin: EXTENSION_ORIGIN,
  isInstanceOrigin: async (origin) => origin === ORIGIN,
};

const popup: Browser.runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/popup.html` };
const popupInTab: Browser.runtime.MessageSender = {
  ...popup,
  tab: { id: 3 } as Browser.runtime.MessageSender['tab'],
};
const instanceTab = (
  overrides: Partial<Browser.runtime.MessageSender> = {},
): Browser.runtime.MessageSender => ({
  id: EXTENSION_ID,
  url: `${ORIGIN}/users/7`,
  tab: { id: 9 } as Browser.runtime.MessageSender['tab'],
  frameId: 0,
  ...overrides,
});

function setup() {
  const fake = createFakeFetch(ORIGIN);
  const openEditor = vi.fn(async (_origin: string, _userId: number, _tabId?: number) => {});
  const access = { isGranted: async () => true, revoke: async () => {} };
  const router = createMessageRouter(
    createHandlers({ fetch: fake.fetch, openEditor, access, now: () => 42, storageAccess: SHUT }),
    rules,
  );
  const send = (type: string, payload: unknown, sender: Browser.runtime.MessageSender) =>
    router({ protocol: PROTOCOL, type, payload }, sender);
  return { fake, openEditor, send, router };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await saveInstance(anInstance());
  await setToken(ORIGIN, TOKEN, false);
});

const REJECTED = { ok: false, error: { kind: 'rejected' } };
const BASE: EditableValues = {
  description: null,
  twitterUrl: 'https://twitter.com/mira_makes',
  facebookUrl: null,
  instagramUrl: null,
  websiteUrl: null,
  country: { label: 'Albania', value: 'AL' },
};

describe('sender rules', () => {
  it('answers extension pages, in the popup or in a tab', async () => {
    const { fake, send } = setup();
    fake.answer('GET', '/api/public/user/6/info', { status: 200, body: { profile: seedProfile() } });
    expect(await send('ui:getProfile', {}, popup)).toMatchObject({ ok: true, value: { userId: 6 } });
    expect(await send('ui:getProfile', {}, popupInTab)).toMatchObject({ ok: true });
  });

  it.each([
    ['another extension', { ...popup, id: 'someone-else' }],
    ['a page with no URL', { id: EXTENSION_ID }],
    ['a content script', instanceTab()],
  ])('refuses ui: messages from %s', async (_name, sender) => {
    const { fake, send } = setup();
    expect(await send('ui:getProfile', {}, sender)).toMatchObject(REJECTED);
    expect(fake.calls).toHaveLength(0);
  });

  it('lets a content script on an instance open the editor, for that instance only', async () => {
    const { send, openEditor } = setup();
    const result = await send('cs:openEditor', { userId: 7, origin: 'https://evil.example' }, instanceTab());
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(openEditor).toHaveBeenCalledWith(ORIGIN, 7, 9);
  });

  it('tells a content script its routes and whether the signed-in user may edit others, and nothing secret', async () => {
    const { send, fake } = setup();
    const unknown = await send('cs:getPageConfig', {}, instanceTab());
    expect(unknown).toEqual({
      ok: true,
      value: { routePatterns: DEFAULT_ROUTE_PATTERNS, signedInUserId: 6, canEditOthers: null },
    });
    fake.answer('GET', '/api/public/user/6/info', { status: 200, body: { profile: seedProfile() } });
    await send('ui:getProfile', {}, popup);
    const known = await send('cs:getPageConfig', {}, instanceTab());
    expect(known).toMatchObject({ ok: true, value: { canEditOthers: false } });
    expect(JSON.stringify(known)).not.toContain(TOKEN);
  });

  it('opens the signed-in user for `self`', async () => {
    const { send, openEditor } = setup();
    await send('cs:openEditor', { userId: 'self' }, instanceTab());
    expect(openEditor).toHaveBeenCalledWith(ORIGIN, 6, 9);
  });

  it.each([
    ['a sub-frame', instanceTab({ frameId: 2 })],
    ['a page that is not an instance', instanceTab({ url: 'https://elsewhere.example/users/7' })],
    ['a sender without a tab', instanceTab({ tab: undefined })],
    ['another extension', instanceTab({ id: 'someone-else' })],
    ['an extension page', popup],
  ])('refuses cs: messages from %s', async (_name, sender) => {
    const { send, openEditor } = setup();
    expect(await send('cs:openEditor', { userId: 7 }, sender)).toMatchObject(REJECTED);
    expect(openEditor).not.toHaveBeenCalled();
  });

  it.each([
    ['a malformed payload', 'cs:openEditor', { userId: 'seven' }],
    ['a negative user id', 'cs:openEditor', { userId: -1 }],
    ['a fractional user id', 'cs:openEditor', { userId: 6.5 }],
    ['an unknown message', 'cs:readToken', {}],
    ['a prototype key', 'constructor', {}],
  ])('refuses %s', async (_name, type, payload) => {
    const { send, openEditor } = setup();
    expect(await send(type, payload, instanceTab())).toMatchObject(REJECTED);
    expect(openEditor).not.toHaveBeenCalled();
  });

  it('strips anything a handler adds to a result beyond its schema, such as a token', async () => {
    const handlers = createHandlers({
      openEditor: async () => {},
      access: { isGranted: async () => true, revoke: async () => {} },
      storageAccess: SHUT,
    });
    const leaky = {
      ...handlers,
      'cs:openEditor': async () => ({ ok: true, value: { opened: true, token: TOKEN } }),
    } as unknown as typeof handlers;
    const result = await createMessageRouter(leaky, rules)(
      { protocol: PROTOCOL, type: 'cs:openEditor', payload: { userId: 7 } },
      instanceTab(),
    );
    expect(result).toEqual({ ok: true, value: { opened: true } });
  });

  it('leaves messages of other protocols alone', () => {
    const { router } = setup();
    expect(router({ type: 'ui:getProfile' }, popup)).toBeUndefined();
    expect(router('hello', popup)).toBeUndefined();
  });

  it.each([
    ['a field that is not editable', { bankAccount: 'x' }],
    ['a javascript: link', { websiteUrl: 'javascript:alert(1)' }],
    ['a plain http link', { twitterUrl: 'http://twitter.com/x' }],
    ['a description over its limit', { description: 'x'.repeat(MAX_DESCRIPTION_LENGTH + 1) }],
    ['a link over 2048 characters', { websiteUrl: `https://example.com/${'a'.repeat(2048)}` }],
  ])('refuses a save with %s', async (_name, changes) => {
    const { fake, send } = setup();
    const result = await send('ui:saveProfile', { origin: ORIGIN, userId: 6, changes, base: BASE }, popup);
    expect(result).toMatchObject(REJECTED);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('handlers', () => {
  it('fetch the active instance’s user, cache the profile and remember the path form', async () => {
    const { fake, send } = setup();
    fake.answer('GET', '/api/public/user/6/profile/info', { status: 200, body: { profile: seedProfile() } });
    const result = await send('ui:getProfile', {}, popup);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect((await getCachedProfile(ORIGIN, 6))?.fetchedAt).toBe(42);
    expect((await getInstance(ORIGIN))?.pathForm).toBe('profileInfo');
  });

  it('keep no email address, in what they answer or in what they store', async () => {
    const { fake, send } = setup();
    fake.answer('GET', '/api/public/user/6/profile/info', { status: 200, body: { profile: seedProfile() } });
    const result = await send('ui:getProfile', {}, popup);
    expect(result).toMatchObject({ ok: true, value: { profile: { user: { name: 'Mira Castellano' } } } });
    expect(JSON.stringify([result, await fakeBrowser.storage.local.get(null)])).not.toContain('@');
  });

  it('learn the user id from `me` when none is set', async () => {
    const { fake, send } = setup();
    const instance = await getInstance(ORIGIN);
    if (instance) await saveInstance({ ...instance, userId: null });
    fake.answer('GET', '/api/public/user/me/profile/info', { status: 200, body: { profile: seedProfile() } });
    await send('ui:getProfile', {}, popup);
    expect((await getInstance(ORIGIN))?.userId).toBe(6);
  });

  it('say plainly when the session token is gone', async () => {
    const { fake, send } = setup();
    await fakeBrowser.storage.session.clear();
    const result = await send('ui:getProfile', {}, popup);
    expect(result).toMatchObject({ ok: false, error: { kind: 'notConfigured' } });
    expect(fake.calls).toHaveLength(0);
  });

  it('refuse origins that are not set up', async () => {
    const { fake, send } = setup();
    expect(await send('ui:getProfile', { origin: 'https://other.example' }, popup)).toMatchObject({
      ok: false,
      error: { kind: 'notConfigured' },
    });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('avatars', () => {
  it.each([
    ['an IP address', 'https://10.0.0.7/a.png'],
    ['an IPv6 address', 'https://[::1]/a.png'],
    ['a local name', 'https://intranet/a.png'],
    ['a .local host', 'https://printer.local/a.png'],
    ['credentials', 'https://me:secret@cdn.example/a.png'],
  ])('refuse an address with %s, and send nothing', async (_name, url) => {
    const { fake, send } = setup();
    const result = await send('ui:setAvatar', { origin: ORIGIN, userId: 6, change: { url } }, popup);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(fake.calls).toHaveLength(0);
  });

  it('answer a file that is not base64 with an error, as data', async () => {
    const { fake, send } = setup();
    const change = { name: 'a.png', type: 'image/png', base64: '%%% not base64 %%%' };
    const result = await send('ui:setAvatar', { origin: ORIGIN, userId: 6, change }, popup);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalidInput', message: 'The picked file could not be read. Pick it again.' },
    });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('saving', () => {
  const SEED = '/api/public/user/6/info';
  const save = (send: ReturnType<typeof setup>['send'], changes: object, draftEditedAt?: number) =>
    send('ui:saveProfile', { origin: ORIGIN, userId: 6, changes, base: BASE, draftEditedAt }, popup);

  it('reads the profile, then sends only the changed fields, and returns no token', async () => {
    const { fake, send } = setup();
    fake.answer('GET', SEED, { status: 200, body: { profile: seedProfile() } });
    fake.answer('PUT', SEED, { status: 200, body: { updatedProfile: seedProfile({ description: 'New' }) } });
    const result = await save(send, { description: 'New' });
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'saved', view: { profile: { description: 'New' } } },
    });
    expect(fake.calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
    expect(fake.calls[1]?.body).toEqual({ description: 'New' });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(await getSaveStatus(ORIGIN, 6)).toMatchObject({ state: 'saved' });
  });

  it('adds the save to the user’s history: the instance’s values before and after', async () => {
    const { fake, send } = setup();
    fake.answer('GET', SEED, { status: 200, body: { profile: seedProfile() } });
    fake.answer('PUT', SEED, { status: 200, body: { updatedProfile: seedProfile({ description: 'New' }) } });
    await save(send, { description: 'New' });
    expect(await getHistory(ORIGIN, 6)).toEqual([
      { at: 42, changes: { description: { before: null, after: 'New' } } },
    ]);
    // Pages read it through the background, without a request to the instance.
    const calls = fake.calls.length;
    expect(await send('ui:getHistory', { origin: ORIGIN, userId: 6 }, popup)).toEqual({
      ok: true,
      value: { saves: [{ at: 42, changes: { description: { before: null, after: 'New' } } }] },
    });
    expect(fake.calls.length).toBe(calls);
  });

  it('records in the history every field the instance changed with a save, not only the fields sent', async () => {
    const { fake, send } = setup();
    fake.answer('GET', SEED, { status: 200, body: { profile: seedProfile() } });
    // An instance that clears the editable fields a PUT leaves out.
    fake.answer('PUT', SEED, {
      status: 200,
      body: { updatedProfile: seedProfile({ description: 'New', twitterUrl: null, country: null }) },
    });
    await save(send, { description: 'New' });
    expect(await getHistory(ORIGIN, 6)).toEqual([
      {
        at: 42,
        changes: {
          description: { before: null, after: 'New' },
          twitterUrl: { before: BASE.twitterUrl, after: null },
          country: { before: BASE.country, after: null },
        },
      },
    ]);
  });

  it('merges server changes to other fields silently', async () => {
    const { fake, send } = setup();
    fake.answer('GET', SEED, {
      status: 200,
      body: { profile: seedProfile({ websiteUrl: 'https://new.example/' }) },
    });
    fake.answer('PUT', SEED, { status: 200, body: { updatedProfile: seedProfile() } });
    await save(send, { description: 'Mine' });
    expect(fake.calls[1]?.body).toEqual({ description: 'Mine' });
  });

  it('sends nothing and reports both values when a field changed on both sides', async () => {
    const { fake, send } = setup();
    fake.answer('GET', SEED, { status: 200, body: { profile: seedProfile({ description: 'Theirs' }) } });
    const result = await save(send, { description: 'Mine' });
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'conflict', conflicts: [{ field: 'description', mine: 'Mine', theirs: 'Theirs' }] },
    });
    expect(fake.calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('removes the draft it saved, but not one typed on meanwhile', async () => {
    const draft = { form: { ...EMPTY_FORM, description: 'New' }, base: BASE, editedAt: 5 };
    for (const [savedStamp, kept] of [
      [5, false],
      [4, true],
    ] as const) {
      const { fake, send } = setup();
      await saveDraft(ORIGIN, 6, draft);
      fake.answer('GET', SEED, { status: 200, body: { profile: seedProfile() } });
      fake.answer('PUT', SEED, {
        status: 200,
        body: { updatedProfile: seedProfile({ description: 'New' }) },
      });
      await save(send, { description: 'New' }, savedStamp);
      expect((await getDraft(ORIGIN, 6)) !== null).toBe(kept);
    }
  });

  it('keeps the draft and records the failure when the PUT fails', async () => {
    const { fake, send } = setup();
    await saveDraft(ORIGIN, 6, { form: { ...EMPTY_FORM, description: 'New' }, base: BASE, editedAt: 5 });
    fake.answer('GET', SEED, { status: 200, body: { profile: seedProfile() } });
    fake.answer('PUT', SEED, { status: 500 });
    const result = await save(send, { description: 'New' }, 5);
    expect(result).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(await getDraft(ORIGIN, 6)).not.toBeNull();
    expect(await getSaveStatus(ORIGIN, 6)).toMatchObject({ state: 'failed', error: { kind: 'server' } });
  });
});
