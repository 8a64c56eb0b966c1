/** A scripted stand-in for `fetch`: answers are queued per "METHOD path", calls are recorded. */

export type FakeAnswer =
  | { status: number; body?: unknown; text?: string; headers?: Record<string, string> }
  /** A 307 to `location`: a browser follows it unless the request says `redirect: 'manual'`. */
  | { redirectTo: string }
  | 'network'
  | 'timeout';

export interface RecordedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

export function createFakeFetch(origin = 'https://hub.example') {
  const queues = new Map<string, FakeAnswer[]>();
  const calls: RecordedCall[] = [];

  function answer(method: string, path: string, ...answers: FakeAnswer[]) {
    const key = `${method} ${path}`;
    queues.set(key, [...(queues.get(key) ?? []), ...answers]);
  }

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    if (url.origin !== origin) throw new TypeError(`unexpected origin ${url.origin}`);
    const method = init.method ?? 'GET';
    calls.push({
      method,
      path: url.pathname,
      headers: { ...(init.headers as Record<string, string>) },
      credentials: init.credentials,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    });
    const queue = queues.get(`${method} ${url.pathname}`) ?? [];
    // The last answer repeats, so "always 500" needs one entry.
    const next = queue.length > 1 ? queue.shift() : queue[0];
    if (!next) return new Response('{"error":"Not found"}', { status: 404 });
    if (next === 'network') throw new TypeError('Failed to fetch');
    if (next === 'timeout') {
      return new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if ('redirectTo' in next) {
      if (init.redirect !== 'manual') throw new TypeError(`followed a redirect to ${next.redirectTo}`);
      // What a browser hands over for a redirect it did not follow: nothing to read.
      return {
        type: 'opaqueredirect',
        status: 0,
        ok: false,
        headers: new Headers(),
        text: async () => '',
      } as Response;
    }
    // A 204 answer has no body at all (Response refuses one).
    const text = next.status === 204 ? null : (next.text ?? JSON.stringify(next.body ?? {}));
    return new Response(text, { status: next.status, headers: next.headers });
  };

  return { fetch: fetch as typeof globalThis.fetch, answer, calls };
}

/** A profile as the seed documentation shows it, for user `userId`. */
export function seedProfile(overrides: Record<string, unknown> = {}) {
  return {
    id: 2,
    avatarKey: '1677061054831/userAvatars/6/avatar.jpg',
    coverKey: null,
    description: null,
    location: null,
    twitterUrl: 'https://twitter.com/mira_makes',
    facebookUrl: null,
    instagramUrl: null,
    websiteUrl: null,
    ethPublicAddr: null,
    bankAccount: null,
    createdAt: '2022-10-27T12:38:14.699Z',
    updatedAt: '2023-02-22T14:08:43.355Z',
    userId: 6,
    seenNotifications: null,
    country: { label: 'Albania', value: 'AL' },
    isCreator: null,
    creatorsData: null,
    creatorsPosition: null,
    user: {
      name: 'Mira Castellano',
      email: 'mira@creators.example',
      role: { id: 3, name: 'Creator', privileges: { userManage: false } },
      username: 'mira',
    },
    ...overrides,
  };
}
