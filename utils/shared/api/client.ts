/**
 * The Creators Hub client. It knows paths, auth, timeouts, retries and error kinds; it keeps
 * no state but the path form it learned, which it reports so the caller can remember it.
 */
import * as z from 'zod/mini';
import { t } from '../i18n.ts';
import { type ApiError, fail, ok, type Result } from './errors.ts';
import { hostOf } from './origin.ts';
import {
  AvatarResponseSchema,
  EDITABLE_FIELDS,
  GetProfileResponseSchema,
  type Profile,
  type ProfileChanges,
  PutProfileResponseSchema,
  SessionUserResponseSchema,
  sameValue,
} from './schemas.ts';

/** `info` is the seed's `/user/{id}/info`; `profileInfo` the later `/user/{id}/profile/info`. */
export type PathForm = 'info' | 'profileInfo';
export type UserRef = number | 'me';
export type Auth = { mode: 'token'; token: string } | { mode: 'session' };

export interface ClientOptions {
  origin: string;
  auth: Auth;
  fetch?: typeof fetch;
  /** The path form this instance answered before, if known. */
  pathForm?: PathForm | null;
  onPathForm?: (form: PathForm) => void;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export type AvatarChange = { url: string } | { file: Blob; name: string };

export interface CreatorsHubClient {
  getProfile(user: UserRef): Promise<Result<Profile>>;
  updateProfile(userId: number, changes: ProfileChanges): Promise<Result<Profile>>;
  /** The user signed in by the browser session (or owning the token). */
  getSessionUserId(): Promise<Result<number>>;
  getAvatar(userId: number): Promise<Result<string | null>>;
  setAvatar(userId: number, change: AvatarChange): Promise<Result<string | null>>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const GET_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 400;
const BACKOFF_CAP_MS = 4_000;
/** Longer waits are reported to the user as a countdown instead of being slept through. */
const MAX_RETRY_AFTER_MS = 10_000;
const MAX_RESPONSE_CHARS = 1_000_000;

type Outcome =
  | { type: 'response'; status: number; headers: Headers; text: string }
  /** The instance answered with a redirect, which is never followed (see send). */
  | { type: 'redirect' }
  | { type: 'network' }
  | { type: 'timeout' };

/** The instance took the request (2xx), whether or not its answer can be read. */
function accepted(outcome: Outcome): outcome is Extract<Outcome, { type: 'response' }> {
  return outcome.type === 'response' && outcome.status >= 200 && outcome.status < 300;
}

/**
 * A response's text, read no further than `max` characters and one more: a larger answer is
 * refused (see parse) without the whole of it being held.
 */
async function readUpTo(response: Response, max: number): Promise<string> {
  if (!response.body) return (await response.text()).slice(0, max + 1);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
    if (text.length > max) {
      await reader.cancel();
      return text.slice(0, max + 1);
    }
  }
}

/** Bearer credentials and JWT-shaped strings, wherever they appear in a text. */
const CREDENTIAL = /\bbearer\s+\S+|[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/gi;

/** A server's text with the token, and anything shaped like one, replaced: it may be shown and stored. */
export function withoutCredentials(text: string, auth: Auth): string {
  const token = auth.mode === 'token' ? normalizeToken(auth.token) : '';
  return (token ? text.split(token).join('[…]') : text).replace(CREDENTIAL, '[…]');
}

/** Accepts a pasted token with or without its `Bearer ` prefix. */
export function normalizeToken(raw: string): string {
  return raw
    .trim()
    .replace(/^bearer(\s+|$)/i, '')
    .trim();
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function profilePath(form: PathForm, user: UserRef): string {
  return form === 'info' ? `/api/public/user/${user}/info` : `/api/public/user/${user}/profile/info`;
}

/** True when every change the user sent is what the profile now holds. */
export function changesApplied(changes: ProfileChanges, profile: Profile): boolean {
  return EDITABLE_FIELDS.every((field) => !(field in changes) || sameValue(changes[field], profile[field]));
}

export function createClient(options: ClientOptions): CreatorsHubClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const host = hostOf(options.origin);
  let knownForm = options.pathForm ?? null;

  /** One request. A FormData body goes as multipart (the browser sets its boundary), others as JSON. */
  async function send(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<Outcome> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.auth.mode === 'token') headers.authorization = `Bearer ${normalizeToken(options.auth.token)}`;
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await doFetch(`${options.origin}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
        credentials: options.auth.mode === 'session' ? 'include' : 'omit',
        signal: controller.signal,
        cache: 'no-store',
        // Followed, a redirect to another origin would read a profile from it, or send it the
        // changes; the API answers its calls itself, so any redirect is an error.
        redirect: 'manual',
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        return { type: 'redirect' };
      }
      const text = await readUpTo(response, MAX_RESPONSE_CHARS);
      return { type: 'response', status: response.status, headers: response.headers, text };
    } catch {
      return { type: timedOut ? 'timeout' : 'network' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The instance's own short explanation, with anything shaped like a credential taken out. */
  function serverMessage(text: string): string {
    try {
      const error = (JSON.parse(text) as { error?: unknown; message?: unknown }).error;
      return typeof error === 'string' && error.length < 200
        ? ` (“${withoutCredentials(error, options.auth)}”)`
        : '';
    } catch {
      return '';
    }
  }

  function errorFor(outcome: Outcome, user: UserRef, method: 'GET' | 'PUT'): ApiError {
    if (outcome.type === 'timeout') {
      return {
        kind: 'timeout',
        message: t('errTimeout', host, Math.round(timeoutMs / 1000)),
      };
    }
    if (outcome.type === 'network') {
      return {
        kind: 'network',
        message: t('errNetwork', host),
      };
    }
    if (outcome.type === 'redirect') {
      // A session that expired is sent to the instance's sign-in page.
      if (options.auth.mode === 'session')
        return { kind: 'unauthorized', message: t('errNotSignedIn', host) };
      return { kind: 'invalidResponse', field: 'redirect', message: t('errRedirected', host) };
    }
    const { status } = outcome;
    if (status === 401) {
      return {
        kind: 'unauthorized',
        status,
        message: options.auth.mode === 'token' ? t('errTokenRefused', host) : t('errNotSignedIn', host),
      };
    }
    if (status === 403) {
      return {
        kind: 'forbidden',
        status,
        message: method === 'PUT' ? t('errMayNotEdit', host) : t('errMayNotSee', host),
      };
    }
    if (status === 404) {
      return {
        kind: 'notFound',
        status,
        message: user === 'me' ? t('errWhoAreYou', host) : t('errNoSuchUser', host, user),
      };
    }
    if (status === 429) {
      const wait = parseRetryAfter(outcome.headers.get('retry-after'), now()) ?? 30_000;
      return {
        kind: 'rateLimited',
        status,
        retryAt: now() + wait,
        message: t('errRateLimited', host),
      };
    }
    if (status >= 500) {
      return {
        kind: 'server',
        status,
        message: t('errServer', host, status),
      };
    }
    return {
      kind: 'invalidInput',
      status,
      message:
        method === 'PUT'
          ? t('errChangeRefused', host, status, serverMessage(outcome.text))
          : t('errRequestRefused', host, status, serverMessage(outcome.text)),
    };
  }

  function invalidResponse(field: string, detail: string): Result<never> {
    return fail({
      kind: 'invalidResponse',
      field,
      message: t('errInvalidResponse', host, field, detail),
    });
  }

  /** What a request came to: its error, or the body read through `schema`. */
  function parse<T>(
    outcome: Outcome,
    schema: z.ZodMiniType<T>,
    user: UserRef,
    method: 'GET' | 'PUT',
  ): Result<T> {
    if (!accepted(outcome)) return fail(errorFor(outcome, user, method));
    const isHtml = /^\s*</.test(outcome.text);
    if (outcome.text.length > MAX_RESPONSE_CHARS) return invalidResponse('body', t('detailTooLarge'));
    let json: unknown;
    try {
      json = JSON.parse(outcome.text);
    } catch {
      return invalidResponse('body', t(isHtml ? 'detailWebPage' : 'detailNotJson'));
    }
    const parsed = z.safeParse(schema, json);
    if (parsed.success) return ok(parsed.data);
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'body';
    return invalidResponse(
      field,
      t(issue?.code === 'invalid_type' && issue.input === undefined ? 'detailMissing' : 'detailUnexpected'),
    );
  }

  function retryDelay(outcome: Outcome, attempt: number): number | null {
    const retryable =
      outcome.type === 'network' ||
      (outcome.type === 'response' && (outcome.status === 429 || outcome.status >= 500));
    if (!retryable) return null;
    if (outcome.type === 'response') {
      const retryAfter = parseRetryAfter(outcome.headers.get('retry-after'), now());
      if (retryAfter !== null) return retryAfter <= MAX_RETRY_AFTER_MS ? retryAfter : null;
    }
    const backoff = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    return backoff / 2 + (backoff / 2) * random();
  }

  async function getWithRetry<T>(path: string, schema: z.ZodMiniType<T>, user: UserRef): Promise<Result<T>> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await send('GET', path);
      const delay = attempt < GET_ATTEMPTS ? retryDelay(outcome, attempt) : null;
      if (delay === null) return parse(outcome, schema, user, 'GET');
      await sleep(delay);
    }
  }

  /** Tries each candidate path form in turn; a 404 moves on to the next. */
  async function withPathForms<T>(
    user: UserRef,
    attempt: (form: PathForm) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const forms: PathForm[] =
      user === 'me' ? ['profileInfo'] : knownForm ? [knownForm] : ['info', 'profileInfo'];
    let result: Result<T> = fail({ kind: 'notFound', message: t('errNoSuchUser', host, user) });
    for (const form of forms) {
      result = await attempt(form);
      if (result.ok) {
        if (user !== 'me' && knownForm !== form) {
          knownForm = form;
          options.onPathForm?.(form);
        }
        return result;
      }
      if (result.error.kind !== 'notFound') return result;
    }
    return result;
  }

  async function getProfile(user: UserRef): Promise<Result<Profile>> {
    const result = await withPathForms(user, (form) =>
      getWithRetry(profilePath(form, user), GetProfileResponseSchema, user),
    );
    return result.ok ? ok(result.value.profile) : result;
  }

  async function putOnce(form: PathForm, userId: number, changes: ProfileChanges): Promise<Result<Profile>> {
    const outcome = await send('PUT', profilePath(form, userId), changes);
    if (outcome.type !== 'response')
      return fail({ ...errorFor(outcome, userId, 'PUT'), outcomeUnknown: true });
    const parsed = parse(outcome, PutProfileResponseSchema, userId, 'PUT');
    if (parsed.ok) return ok(parsed.value.updatedProfile);
    // Taken, but answered without the saved profile (no content, or another shape): read back.
    return accepted(outcome) ? fail({ ...parsed.error, outcomeUnknown: true }) : parsed;
  }

  /**
   * Never repeats a PUT by itself: when the answer is lost or unreadable, it reads the profile
   * back. The change is there: saved. It is not: the error stands, the draft stays, and the user
   * saves again.
   */
  async function updateProfile(userId: number, changes: ProfileChanges): Promise<Result<Profile>> {
    return withPathForms(userId, async (form) => {
      const result = await putOnce(form, userId, changes);
      if (result.ok || !result.error.outcomeUnknown) return result;
      const readBack = await getWithRetry(profilePath(form, userId), GetProfileResponseSchema, userId);
      if (!readBack.ok) return result;
      if (changesApplied(changes, readBack.value.profile)) return ok(readBack.value.profile);
      return fail({ ...result.error, outcomeUnknown: false });
    });
  }

  async function getSessionUserId(): Promise<Result<number>> {
    const result = await getWithRetry('/api/auth/user', SessionUserResponseSchema, 'me');
    if (!result.ok) return result;
    const id = result.value.user.id;
    return id === undefined ? invalidResponse('user.id', t('detailMissing')) : ok(id);
  }

  const avatarPath = (userId: number, action = 'avatar') => `/api/public/user/${userId}/profile/${action}`;

  async function getAvatar(userId: number): Promise<Result<string | null>> {
    const result = await getWithRetry(avatarPath(userId), AvatarResponseSchema, userId);
    return result.ok ? ok(result.value.avatarUrl ?? null) : result;
  }

  /** A new avatar from a web address, or uploaded as a file (multipart field `avatar`). */
  async function setAvatar(userId: number, change: AvatarChange): Promise<Result<string | null>> {
    let body: unknown;
    if ('file' in change) {
      const form = new FormData();
      form.append('avatar', change.file, change.name);
      body = form;
    } else {
      body = { avatarUrl: change.url };
    }
    const outcome = await send(
      'PUT',
      avatarPath(userId, 'file' in change ? 'updateAvatarFile' : 'avatar'),
      body,
    );
    const parsed = parse(outcome, AvatarResponseSchema, userId, 'PUT');
    if (parsed.ok && parsed.value.avatarUrl !== undefined) return ok(parsed.value.avatarUrl);
    // Instances that take a new avatar but answer without its address (or with nothing readable)
    // are asked for it.
    return parsed.ok || accepted(outcome) ? getAvatar(userId) : parsed;
  }

  return { getProfile, updateProfile, getSessionUserId, getAvatar, setAvatar };
}
