import { describe, expect, it, vi } from 'vitest';
import { type ClientOptions, createClient, normalizeToken, parseRetryAfter } from '@/utils/shared/api/client';
import { editableValues } from '@/utils/shared/profile/form';
import { createFakeFetch, type FakeAnswer, seedProfile } from './fake-fetch';

const ORIGIN = 'https://hub.example';
const TOKEN = 'eyJhbGciOi.secret-token.sig';
const SEED_PATH = '/api/public/user/6/info';
const PROFILE_PATH = '/api/public/user/6/profile/info';

function setup(options: Partial<ClientOptions> = {}) {
  const fake = createFakeFetch(ORIGIN);
  const sleep = vi.fn(async (_ms: number) => {});
  const onPathForm = vi.fn();
  const client = createClient({
    origin: ORIGIN,
    auth: { mode: 'token', token: TOKEN },
    fetch: fake.fetch,
    sleep,
    random: () => 0.5,
    now: () => 1_000_000,
    onPathForm,
    timeoutMs: 50,
    ...options,
  });
  return { client, fake, sleep, onPathForm };
}

const ok200 = (profile = seedProfile()): FakeAnswer => ({ status: 200, body: { profile } });

describe('path forms', () => {
  it('uses the seed path first and remembers that it answered', async () => {
    const { client, fake, onPathForm } = setup();
    fake.answer('GET', SEED_PATH, ok200());
    const result = await client.getProfile(6);
    expect(result.ok && result.value.user?.name).toBe('Mira Castellano');
    expect(fake.calls.map((c) => c.path)).toEqual([SEED_PATH]);
    expect(onPathForm).toHaveBeenCalledWith('info');
  });

  it('falls back to /profile/info on 404 and then goes straight there', async () => {
    const { client, fake, onPathForm } = setup();
    fake.answer('GET', PROFILE_PATH, ok200());
    expect((await client.getProfile(6)).ok).toBe(true);
    expect(onPathForm).toHaveBeenCalledWith('profileInfo');
    await client.getProfile(6);
    expect(fake.calls.map((c) => c.path)).toEqual([SEED_PATH, PROFILE_PATH, PROFILE_PATH]);
  });

  it('uses a remembered form without probing', async () => {
    const { client, fake } = setup({ pathForm: 'profileInfo' });
    fake.answer('PUT', PROFILE_PATH, { status: 200, body: { updatedProfile: seedProfile() } });
    expect((await client.updateProfile(6, { description: 'x' })).ok).toBe(true);
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`PUT ${PROFILE_PATH}`]);
  });

  it('asks for `me` on the /profile/info form only', async () => {
    const { client, fake, onPathForm } = setup();
    fake.answer('GET', '/api/public/user/me/profile/info', ok200());
    const result = await client.getProfile('me');
    expect(result.ok && result.value.userId).toBe(6);
    expect(fake.calls.map((c) => c.path)).toEqual(['/api/public/user/me/profile/info']);
    expect(onPathForm).not.toHaveBeenCalled();
  });

  it('reports notFound when neither form knows the user', async () => {
    const { client, fake } = setup();
    const result = await client.getProfile(99);
    expect(result).toMatchObject({ ok: false, error: { kind: 'notFound', status: 404 } });
    expect(!result.ok && result.error.message).toContain('no user with ID 99');
    expect(fake.calls).toHaveLength(2);
  });
});

describe('auth', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['  bearer   abc \n', 'abc'],
    ['abc', 'abc'],
    ['\tabc ', 'abc'],
  ])('normalises the pasted token %j', (raw, expected) => {
    expect(normalizeToken(raw)).toBe(expected);
  });

  it('sends the token as a Bearer header, without cookies', async () => {
    const { client, fake } = setup({ auth: { mode: 'token', token: ` Bearer ${TOKEN} ` } });
    fake.answer('GET', SEED_PATH, ok200());
    await client.getProfile(6);
    expect(fake.calls[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(fake.calls[0]?.credentials).toBe('omit');
  });

  it('browser-session mode includes credentials and sends no Authorization header', async () => {
    const { client, fake } = setup({ auth: { mode: 'session' } });
    fake.answer('GET', SEED_PATH, ok200());
    await client.getProfile(6);
    expect(fake.calls[0]?.headers).not.toHaveProperty('authorization');
    expect(fake.calls[0]?.credentials).toBe('include');
  });

  it('reads the signed-in user id from /api/auth/user', async () => {
    const { client, fake } = setup({ auth: { mode: 'session' } });
    fake.answer('GET', '/api/auth/user', { status: 200, body: { user: { id: 6, name: 'Mira' } } });
    expect(await client.getSessionUserId()).toEqual({ ok: true, value: 6 });
  });
});

describe('error kinds', () => {
  const cases: [string, FakeAnswer, string][] = [
    ['401', { status: 401, body: { error: 'bad token' } }, 'unauthorized'],
    ['403', { status: 403 }, 'forbidden'],
    ['429', { status: 429, headers: { 'retry-after': '120' } }, 'rateLimited'],
    ['500', { status: 500 }, 'server'],
    ['502 html', { status: 502, text: '<html>Bad gateway</html>' }, 'server'],
    ['400', { status: 400, body: { error: 'bad field' } }, 'invalidInput'],
    ['422', { status: 422 }, 'invalidInput'],
    ['malformed JSON', { status: 200, text: '{"profile": {' }, 'invalidResponse'],
    ['HTML page', { status: 200, text: '<!doctype html><p>hi' }, 'invalidResponse'],
    ['wrong shape', { status: 200, body: { data: [] } }, 'invalidResponse'],
    ['dropped connection', 'network', 'network'],
    ['no answer', 'timeout', 'timeout'],
  ];

  it.each(cases)('GET %s → %s, with a message that names no token', async (_name, answer, kind) => {
    const { client, fake } = setup();
    fake.answer('GET', SEED_PATH, answer);
    const result = await client.getProfile(6);
    expect(result).toMatchObject({ ok: false, error: { kind } });
    expect(!result.ok && result.error.message.length).toBeGreaterThan(20);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it.each(cases)('PUT %s → %s', async (_name, answer, kind) => {
    const { client, fake } = setup({ pathForm: 'info' });
    fake.answer('PUT', SEED_PATH, answer);
    // A lost PUT answer is checked by reading back: here the change is not there.
    fake.answer('GET', SEED_PATH, { status: 500 });
    const result = await client.updateProfile(6, { description: 'new' });
    expect(result).toMatchObject({ ok: false, error: { kind } });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('PUT 404 is notFound after trying both forms', async () => {
    const { client } = setup();
    expect(await client.updateProfile(6, { description: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'notFound' },
    });
  });

  it('rate limits carry the time they end', async () => {
    const { client, fake } = setup();
    fake.answer('GET', SEED_PATH, { status: 429, headers: { 'retry-after': '120' } });
    const result = await client.getProfile(6);
    expect(!result.ok && result.error.retryAt).toBe(1_000_000 + 120_000);
    expect(!result.ok && result.error.message).toContain('asks to slow down');
  });

  it('names the session fix in session mode and the token fix in token mode', async () => {
    for (const [auth, words] of [
      [{ mode: 'session' }, 'Sign in there'],
      [{ mode: 'token', token: TOKEN }, 'Paste a new token in Options'],
    ] as const) {
      const { client, fake } = setup({ auth });
      fake.answer('GET', SEED_PATH, { status: 401 });
      const result = await client.getProfile(6);
      expect(!result.ok && result.error.message).toContain(words);
    }
  });

  it('treats a redirect of a session request (to the sign-in page) as an expired session', async () => {
    const { client, fake } = setup({ auth: { mode: 'session' } });
    fake.answer('GET', SEED_PATH, { redirectTo: 'https://hub.example/login' });
    expect(await client.getProfile(6)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });

  it('follows no redirect: a read or a save sent elsewhere is an error, and nothing is read or saved', async () => {
    const { client, fake } = setup();
    fake.answer('GET', SEED_PATH, { redirectTo: 'https://elsewhere.example/api/public/user/6/info' });
    fake.answer('PUT', SEED_PATH, { redirectTo: 'https://elsewhere.example/api/public/user/6/info' });
    for (const result of [await client.getProfile(6), await client.updateProfile(6, { description: 'x' })]) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalidResponse', field: 'redirect' } });
      expect(!result.ok && result.error.message).toContain('Nothing was read or saved there');
    }
    expect(fake.calls.filter((call) => call.method === 'PUT')).toHaveLength(1);
  });

  it('never shows the token, or anything shaped like a credential, that a server echoes in its error', async () => {
    const { client, fake } = setup();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOjZ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    fake.answer('PUT', SEED_PATH, {
      status: 400,
      body: { error: `rejected credential Bearer ${TOKEN} (${jwt})` },
    });
    const result = await client.updateProfile(6, { description: 'x' });
    expect(!result.ok && result.error.message).toContain('rejected credential');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(JSON.stringify(result)).not.toContain(jwt);
  });

  it('stops reading an endless answer once it is over the limit', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(120));
      },
    });
    const client = createClient({
      origin: ORIGIN,
      auth: { mode: 'token', token: TOKEN },
      fetch: async () => new Response(endless, { status: 200 }),
      sleep: async () => {},
    });
    expect(await client.getProfile(6)).toMatchObject({
      ok: false,
      error: { kind: 'invalidResponse', field: 'body' },
    });
    expect(sent).toBeLessThan(3 * 1024 * 1024);
  });

  it('refuses oversized answers', async () => {
    const { client, fake } = setup();
    fake.answer('GET', SEED_PATH, {
      status: 200,
      body: { profile: seedProfile(), padding: 'x'.repeat(2_000_000) },
    });
    expect(await client.getProfile(6)).toMatchObject({
      ok: false,
      error: { kind: 'invalidResponse', field: 'body' },
    });
  });
});

describe('GET retries', () => {
  it('retries 5xx up to three attempts in all, then reports', async () => {
    const { client, fake, sleep } = setup();
    fake.answer('GET', SEED_PATH, { status: 503 });
    expect(await client.getProfile(6)).toMatchObject({ ok: false, error: { kind: 'server', status: 503 } });
    expect(fake.calls).toHaveLength(3);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('recovers when a retry succeeds', async () => {
    const { client, fake } = setup();
    fake.answer('GET', SEED_PATH, 'network', { status: 500 }, ok200());
    expect((await client.getProfile(6)).ok).toBe(true);
    expect(fake.calls).toHaveLength(3);
  });

  it('waits as long as Retry-After says', async () => {
    const { client, fake, sleep } = setup();
    fake.answer('GET', SEED_PATH, { status: 429, headers: { 'retry-after': '2' } }, ok200());
    expect((await client.getProfile(6)).ok).toBe(true);
    expect(sleep).toHaveBeenCalledWith(2000);
  });

  it('does not sleep through a long Retry-After', async () => {
    const { client, fake, sleep } = setup();
    fake.answer('GET', SEED_PATH, { status: 429, headers: { 'retry-after': '600' } });
    expect(await client.getProfile(6)).toMatchObject({ ok: false, error: { kind: 'rateLimited' } });
    expect(fake.calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('backs off exponentially with jitter, capped', async () => {
    const { client, fake, sleep } = setup({ random: () => 1 });
    fake.answer('GET', SEED_PATH, { status: 500 });
    await client.getProfile(6);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([400, 800]);
  });

  it('does not retry client errors', async () => {
    const { client, fake } = setup();
    fake.answer('GET', SEED_PATH, { status: 401 });
    await client.getProfile(6);
    expect(fake.calls).toHaveLength(1);
  });

  it('parses Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});

describe('PUT safety', () => {
  const putAnswer = (overrides = {}): FakeAnswer => ({
    status: 200,
    body: { updatedProfile: seedProfile(overrides) },
  });

  it('sends only the changes and returns the server profile', async () => {
    const { client, fake } = setup({ pathForm: 'info' });
    fake.answer('PUT', SEED_PATH, putAnswer({ description: 'Hello' }));
    const result = await client.updateProfile(6, { description: 'Hello' });
    expect(result.ok && result.value.description).toBe('Hello');
    expect(fake.calls[0]?.body).toEqual({ description: 'Hello' });
  });

  it('never retries a PUT that answered 500', async () => {
    const { client, fake } = setup({ pathForm: 'info' });
    fake.answer('PUT', SEED_PATH, { status: 500 });
    await client.updateProfile(6, { description: 'x' });
    expect(fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('after a lost answer, reads back and reports success when the change is there', async () => {
    const { client, fake } = setup({ pathForm: 'info' });
    fake.answer('PUT', SEED_PATH, 'network');
    fake.answer(
      'GET',
      SEED_PATH,
      ok200(seedProfile({ description: 'Saved', country: { label: 'Poland', value: 'PL' } })),
    );
    const result = await client.updateProfile(6, {
      description: 'Saved',
      country: { label: 'Poland', value: 'PL' },
    });
    expect(result.ok && result.value.description).toBe('Saved');
    expect(fake.calls.map((c) => c.method)).toEqual(['PUT', 'GET']);
  });

  it('after a timeout, reads back and reports the change missing without sending it again', async () => {
    const { client, fake } = setup({ pathForm: 'info' });
    fake.answer('PUT', SEED_PATH, 'timeout');
    fake.answer('GET', SEED_PATH, ok200());
    const result = await client.updateProfile(6, { description: 'Again' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', outcomeUnknown: false } });
    expect(fake.calls.map((c) => c.method)).toEqual(['PUT', 'GET']);
  });

  it.each([
    ['no content', { status: 204 }],
    [
      'the profile under another name',
      { status: 200, body: { profile: seedProfile({ description: 'New' }) } },
    ],
  ] as const)(
    'a save answered with %s reads the profile back and is saved when the change is there',
    async (_, answer) => {
      const { client, fake } = setup({ pathForm: 'info' });
      fake.answer('PUT', SEED_PATH, answer);
      fake.answer('GET', SEED_PATH, ok200(seedProfile({ description: 'New' })));
      const result = await client.updateProfile(6, { description: 'New' });
      expect(result.ok && result.value.description).toBe('New');
      expect(fake.calls.map((c) => c.method)).toEqual(['PUT', 'GET']);
    },
  );

  it('a save answered with something unreadable, and not found on reading back, is reported as not saved', async () => {
    const { client, fake } = setup({ pathForm: 'info' });
    fake.answer('PUT', SEED_PATH, { status: 200, text: '<html>Saved!</html>' });
    fake.answer('GET', SEED_PATH, ok200());
    const result = await client.updateProfile(6, { description: 'New' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalidResponse', outcomeUnknown: false } });
    expect(fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('keeps the outcome unknown when the read-back fails too', async () => {
    const { client, fake } = setup({ pathForm: 'info' });
    fake.answer('PUT', SEED_PATH, 'network');
    fake.answer('GET', SEED_PATH, 'network');
    const result = await client.updateProfile(6, { description: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'network', outcomeUnknown: true } });
    expect(fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });
});

describe('schema tolerance', () => {
  async function parse(profile: unknown) {
    const { client, fake } = setup();
    fake.answer('GET', SEED_PATH, { status: 200, body: { profile } });
    return client.getProfile(6);
  }

  it('ignores unknown extra fields', async () => {
    const result = await parse({ ...seedProfile(), brandNewField: { nested: [1, 2] } });
    expect(result.ok).toBe(true);
  });

  it('tolerates nulls and odd types in fields it only displays, or does not use', async () => {
    const result = await parse(
      seedProfile({
        id: 'c0ffee-uuid',
        user: { name: null, role: { privileges: 'all' } },
        avatarKey: 42,
        createdAt: null,
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.user?.name).toBeNull();
    expect(result.ok && result.value.user?.role?.privileges).toBeNull();
    expect(result.ok && result.value.avatarKey).toBeNull();
  });

  it.each([
    ['an empty selection', { label: '', value: '' }],
    ['a code in lower case', { label: 'Poland', value: 'pl' }],
    ['text', 'Poland'],
  ])('opens a profile whose country is %s, showing no country', async (_kind, country) => {
    const result = await parse(seedProfile({ country }));
    if (!result.ok) throw new Error(result.error.message);
    expect(editableValues(result.value).country).toBeNull();
  });

  it('treats missing optional parts as empty', async () => {
    const {
      user: _user,
      instagramUrl: _instagram,
      country: _country,
      updatedAt: _updatedAt,
      ...rest
    } = seedProfile();
    const result = await parse(rest);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.user).toBeNull();
    expect(result.value.updatedAt).toBeNull();
    expect(editableValues(result.value)).toMatchObject({ instagramUrl: null, country: null });
  });

  it('names a missing `profile` envelope', async () => {
    const { client, fake } = setup();
    fake.answer('GET', SEED_PATH, { status: 200, body: { updatedProfile: seedProfile() } });
    const result = await client.getProfile(6);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalidResponse', field: 'profile' } });
    expect(!result.ok && result.error.message).toContain('profile: missing');
  });

  it.each([
    ['text', 'six'],
    ['a fraction', 6.5],
  ])('names a field it depends on when it holds %s', async (_kind, userId) => {
    const result = await parse(seedProfile({ userId }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalidResponse', field: 'profile.userId' } });
  });
});

describe('avatar', () => {
  const AVATAR = '/api/public/user/6/profile/avatar';

  it('reads the current avatar address', async () => {
    const { client, fake } = setup();
    fake.answer('GET', AVATAR, { status: 200, body: { avatarUrl: 'https://cdn.example/a.jpg' } });
    expect(await client.getAvatar(6)).toEqual({ ok: true, value: 'https://cdn.example/a.jpg' });
  });

  it('refuses an avatar address that is not http(s)', async () => {
    const { client, fake } = setup();
    fake.answer('GET', AVATAR, { status: 200, body: { avatarUrl: 'javascript:alert(1)' } });
    expect(await client.getAvatar(6)).toMatchObject({ ok: false, error: { kind: 'invalidResponse' } });
  });

  it('sets an avatar by address as JSON', async () => {
    const { client, fake } = setup();
    fake.answer('PUT', AVATAR, { status: 200, body: { avatarUrl: 'https://cdn.example/b.jpg' } });
    expect(await client.setAvatar(6, { url: 'https://cdn.example/b.jpg' })).toEqual({
      ok: true,
      value: 'https://cdn.example/b.jpg',
    });
    expect(fake.calls[0]?.body).toEqual({ avatarUrl: 'https://cdn.example/b.jpg' });
    expect(fake.calls[0]?.headers['content-type']).toBe('application/json');
  });

  it('asks for the new address when a change is answered with no content', async () => {
    const { client, fake } = setup();
    fake.answer('PUT', AVATAR, { status: 204 });
    fake.answer('GET', AVATAR, { status: 200, body: { avatarUrl: 'https://cdn.example/d.png' } });
    const result = await client.setAvatar(6, { url: 'https://cdn.example/d.png' });
    expect(result).toEqual({ ok: true, value: 'https://cdn.example/d.png' });
    expect(fake.calls.map((c) => c.method)).toEqual(['PUT', 'GET']);
  });

  it('uploads a file as multipart and asks for the address when the answer lacks it', async () => {
    const { client, fake } = setup();
    fake.answer('PUT', '/api/public/user/6/profile/updateAvatarFile', { status: 200, body: {} });
    fake.answer('GET', AVATAR, { status: 200, body: { avatarUrl: 'https://cdn.example/c.png' } });
    const result = await client.setAvatar(6, {
      file: new Blob(['png'], { type: 'image/png' }),
      name: 'c.png',
    });
    expect(result).toEqual({ ok: true, value: 'https://cdn.example/c.png' });
    expect(fake.calls[0]?.headers).not.toHaveProperty('content-type');
    expect(fake.calls.map((c) => c.method)).toEqual(['PUT', 'GET']);
  });
});
