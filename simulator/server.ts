/**
 * A local Creators Hub instance: the public profile API (both path forms, `me`, avatar),
 * token and cookie auth, the instance's single-page app, and a control API for tests under
 * `/__sim/`. A real HTTP server on 127.0.0.1 so extensions talk to it as to any instance.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appShell, HTML_ERROR_PAGE, loginPage } from './pages.ts';
import { type Country, type Profile, type SeedUser, seedUsers } from './seed.ts';

/** `info` is the seed's `/user/{id}/info`; `profileInfo` the later `/user/{id}/profile/info`. */
export type PathForm = 'info' | 'profileInfo';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  pathForms?: PathForm[];
}

/** A forced answer for requests matching `method` and the `path` regular expression. */
export interface Fault {
  method?: string;
  path: string;
  status?: number;
  delayMs?: number;
  /**
   * Replace the body: invalid JSON, an HTML error page, a valid JSON of the wrong shape, 5 MB, or
   * an error that repeats the request's Authorization header.
   */
  body?: 'malformed' | 'html' | 'wrongShape' | 'huge' | 'echoAuthorization';
  /** A Location header, for redirects. */
  location?: string;
  retryAfter?: string;
  /** Close the socket without answering, before or after the request takes effect. */
  drop?: 'beforeApply' | 'afterApply';
  /** How many matching requests the fault applies to; all of them when absent. */
  times?: number;
}

export interface LoggedRequest {
  /** When the request arrived (epoch ms). */
  at: number;
  method: string;
  path: string;
  authorization: string | null;
  sessionCookie: boolean;
  contentType: string | null;
  body: unknown;
  status: number | 'dropped';
}

export interface Simulator {
  origin: string;
  port: number;
  users: Map<number, SeedUser>;
  close(): Promise<void>;
}

/** The documented PUT payload, restated here: the simulator is the API's, not the extension's. */
const EDITABLE_FIELDS = new Set(
  'description twitterUrl facebookUrl instagramUrl websiteUrl country'.split(' '),
);
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const USER_ROUTE =
  /^\/api\/public\/user\/(me|\d+)\/(info|profile\/info|profile\/avatar|profile\/updateAvatarFile|profile\/updateAvatarBytes)$/;

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Payload too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name) cookies.set(name, decodeURIComponent(value.join('=')));
  }
  return cookies;
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isCountry(value: unknown): value is Country | null {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const { label, value: code } = value as Record<string, unknown>;
  return typeof label === 'string' && typeof code === 'string' && /^[A-Z]{2}$/.test(code);
}

/** Validates a PUT body the way the instance does: only editable fields, each of its type. */
function validateChanges(body: unknown): Partial<Profile> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'Body must be a JSON object');
  }
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!EDITABLE_FIELDS.has(key)) {
      throw new HttpError(400, `Field '${key}' cannot be updated`);
    }
    const valid = key === 'country' ? isCountry(value) : isNullableString(value);
    if (!valid) throw new HttpError(400, `Field '${key}' has the wrong type`);
    if (key.endsWith('Url') && typeof value === 'string' && value !== '' && !/^https?:\/\//.test(value)) {
      throw new HttpError(400, `Field '${key}' must be an http(s) URL`);
    }
    changes[key] = value;
  }
  return changes as Partial<Profile>;
}

/** Extracts the `avatar` file part of a multipart/form-data body, with its content type. */
function multipartFile(body: Buffer, contentType: string): { bytes: Buffer; type: string } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw new HttpError(400, 'Missing multipart boundary');
  const text = body.toString('latin1');
  for (const part of text.split(`--${marker}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0 || !/name="avatar"/.test(part.slice(0, headerEnd))) continue;
    const content = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    const type =
      /content-type:\s*([^\r\n]+)/i.exec(part.slice(0, headerEnd))?.[1] ?? 'application/octet-stream';
    return { bytes: Buffer.from(content, 'latin1'), type };
  }
  throw new HttpError(400, "Missing multipart field 'avatar'");
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const pathForms = new Set<PathForm>(options.pathForms ?? ['info', 'profileInfo']);
  let users = seedUsers();
  let sessions = new Map<string, number>();
  let faults: Fault[] = [];
  let log: LoggedRequest[] = [];
  let avatars = new Map<string, { type: string; bytes: Buffer }>();
  let lastUpdate = 0;
  let origin = '';
  /** Bumped by every reset. */
  let generation = 0;

  /** Strictly increasing, so every PUT visibly bumps `updatedAt`. */
  function nextTimestamp(): string {
    lastUpdate = Math.max(Date.now(), lastUpdate + 1);
    return new Date(lastUpdate).toISOString();
  }

  function authenticate(req: IncomingMessage): SeedUser {
    const header = req.headers.authorization;
    if (header) {
      const token = /^Bearer (.+)$/.exec(header)?.[1];
      const user = [...users.values()].find((u) => u.token === token);
      if (!user) throw new HttpError(401, 'Invalid or expired token');
      return user;
    }
    const sessionId = parseCookies(req.headers.cookie).get('token');
    const userId = sessionId ? sessions.get(sessionId) : undefined;
    const user = userId === undefined ? undefined : users.get(userId);
    if (!user) throw new HttpError(401, 'Not authenticated');
    return user;
  }

  function takeFault(method: string, path: string): Fault | undefined {
    const fault = faults.find(
      (f) => (!f.method || f.method === method) && new RegExp(f.path).test(path) && f.times !== 0,
    );
    if (fault?.times !== undefined) fault.times -= 1;
    return fault;
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function avatarUrl(key: string | null): string | null {
    return key === null ? null : /^https?:/.test(key) ? key : `${origin}/avatars/${key}`;
  }

  /** The public API. Returns the status it answered with. */
  async function api(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): Promise<number> {
    const method = req.method ?? 'GET';
    if (path === '/api/auth/user' && method === 'GET') {
      const { profile } = authenticate(req);
      send(res, 200, { user: { id: profile.userId, ...profile.user } });
      return 200;
    }
    const route = USER_ROUTE.exec(path);
    if (!route) throw new HttpError(404, 'Not found');
    const [, idPart, action] = route;
    const form: PathForm | null =
      action === 'info' ? 'info' : action === 'profile/info' ? 'profileInfo' : null;
    if ((form && !pathForms.has(form)) || (idPart === 'me' && action === 'info')) {
      throw new HttpError(404, 'Not found');
    }
    const caller = authenticate(req);
    const target = idPart === 'me' ? caller : users.get(Number(idPart));
    if (!target) throw new HttpError(404, 'User not found');
    const mayEdit = target === caller || caller.profile.user.role.privileges.userManage;
    if (method === 'PUT' && !mayEdit) throw new HttpError(403, 'You may not edit this user');

    const profile = target.profile;
    if (form && method === 'GET') {
      send(res, 200, { profile });
    } else if (form && method === 'PUT') {
      const changes = validateChanges(parseJson(body));
      Object.assign(profile, changes, { updatedAt: nextTimestamp() });
      send(res, 200, { updatedProfile: profile });
    } else if (action === 'profile/avatar' && method === 'GET') {
      send(res, 200, { avatarUrl: avatarUrl(profile.avatarKey) });
    } else if (action === 'profile/avatar' && method === 'PUT') {
      const url = (parseJson(body) as { avatarUrl?: unknown }).avatarUrl;
      if (typeof url !== 'string' || !/^https?:\/\//.test(url))
        throw new HttpError(400, 'avatarUrl must be an http(s) URL');
      Object.assign(profile, { avatarKey: url, updatedAt: nextTimestamp() });
      send(res, 200, { avatarUrl: url });
    } else if (method === 'PUT') {
      const contentType = req.headers['content-type'] ?? '';
      const image =
        action === 'profile/updateAvatarFile'
          ? multipartFile(body, contentType)
          : { bytes: body, type: contentType };
      if (action === 'profile/updateAvatarBytes' && contentType !== 'image/jpeg') {
        throw new HttpError(415, 'Expected image/jpeg');
      }
      if (!image.type.startsWith('image/')) throw new HttpError(415, 'Expected an image');
      if (image.bytes.length === 0) throw new HttpError(400, 'Empty image');
      const key = `${Date.now()}/userAvatars/${profile.userId}/avatar`;
      avatars.set(key, image);
      Object.assign(profile, { avatarKey: key, updatedAt: nextTimestamp() });
      send(res, 200, { avatarUrl: avatarUrl(key) });
    } else {
      throw new HttpError(405, 'Method not allowed');
    }
    return 200;
  }

  function parseJson(body: Buffer): unknown {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'Body is not valid JSON');
    }
  }

  /** Answers a request as a fault says instead of as the API would. */
  function sendFault(req: IncomingMessage, res: ServerResponse, fault: Fault): number {
    const status = fault.status ?? 200;
    const headers: Record<string, string> = {
      ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
      ...(fault.location ? { location: fault.location } : {}),
    };
    if (fault.body === 'html') {
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(HTML_ERROR_PAGE);
    } else if (fault.body === 'malformed') {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end('{"profile": {"id": 2,');
    } else if (fault.body === 'wrongShape') {
      send(res, status, { data: [{ unexpected: true }] }, headers);
    } else if (fault.body === 'huge') {
      send(res, status, { profile: null, padding: 'x'.repeat(MAX_BODY_BYTES) }, headers);
    } else if (fault.body === 'echoAuthorization') {
      send(res, status, { error: `rejected credential ${req.headers.authorization ?? ''}` }, headers);
    } else {
      send(res, status, { error: `Simulated ${status}` }, headers);
    }
    return status;
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer) {
    if (path === '/__sim/reset' && req.method === 'POST') {
      generation++;
      users = seedUsers();
      sessions = new Map();
      faults = [];
      log = [];
      avatars = new Map();
      send(res, 200, { ok: true });
    } else if (path === '/__sim/faults' && req.method === 'POST') {
      faults.push(parseJson(body) as Fault);
      send(res, 200, { ok: true });
    } else if (path === '/__sim/faults' && req.method === 'DELETE') {
      faults = [];
      send(res, 200, { ok: true });
    } else if (path === '/__sim/log' && req.method === 'GET') {
      send(res, 200, log);
    } else if (path === '/__sim/log' && req.method === 'DELETE') {
      log = [];
      send(res, 200, { ok: true });
    } else {
      throw new HttpError(404, 'Unknown control route');
    }
  }

  async function login(res: ServerResponse, body: Buffer) {
    const form = new URLSearchParams(body.toString('utf8'));
    const user = [...users.values()].find(
      (u) => u.profile.user.username === form.get('username') && u.password === form.get('password'),
    );
    if (!user) {
      res.writeHead(401, { 'content-type': 'text/html' });
      res.end(loginPage('Wrong username or password.'));
      return;
    }
    const sessionId = crypto.randomUUID();
    sessions.set(sessionId, user.profile.userId);
    res.writeHead(303, {
      location: '/profile/personal-information',
      'set-cookie': `token=${sessionId}; Path=/; HttpOnly; SameSite=Lax`,
    });
    res.end();
  }

  function pages(res: ServerResponse, url: URL) {
    const key = url.pathname.startsWith('/avatars/') ? url.pathname.slice(9) : null;
    const avatar = key === null ? undefined : avatars.get(key);
    const seededOwner = [...users.values()].find((user) => key !== null && user.profile.avatarKey === key);
    if (avatar) {
      res.writeHead(200, { 'content-type': avatar.type });
      res.end(avatar.bytes);
    } else if (seededOwner) {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(initialsAvatar(seededOwner.profile.user.name));
    } else if (url.pathname === '/sim-data/users') {
      send(
        res,
        200,
        [...users.values()].map(({ profile }) => ({
          userId: profile.userId,
          name: profile.user.name,
          username: profile.user.username,
          description: profile.description,
        })),
      );
    } else if (url.pathname === '/login') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(loginPage());
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      const has = (flag: string) => url.searchParams.has(flag);
      res.end(
        appShell({
          hostile: has('hostile'),
          attack: has('attack'),
          upgrade: has('upgrade'),
          decoy: has('decoy'),
        }),
      );
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (url.pathname.startsWith('/__sim/')) return control(req, res, url.pathname, body);
    if (url.pathname === '/login' && method === 'POST') return login(res, body);
    if (!url.pathname.startsWith('/api/')) return pages(res, url);

    const entry: LoggedRequest = {
      at: Date.now(),
      method,
      path: url.pathname,
      authorization: req.headers.authorization ?? null,
      sessionCookie: parseCookies(req.headers.cookie).has('token'),
      contentType: req.headers['content-type'] ?? null,
      body: req.headers['content-type']?.includes('json') ? safeJson(body) : body.length,
      status: 'dropped',
    };
    log.push(entry);
    const fault = takeFault(method, url.pathname);
    if (fault?.delayMs) {
      const before = generation;
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      // A reset meanwhile starts a new test: a request from the old one must not land in it.
      if (generation !== before) return req.socket.destroy();
    }
    if (fault?.drop === 'beforeApply') return dropMidAnswer(res);
    if (fault && (fault.status !== undefined || fault.body)) {
      entry.status = sendFault(req, res, fault);
      return;
    }
    if (fault?.drop === 'afterApply') {
      // Apply the request, then lose the answer: the client cannot know it took effect.
      await api(req, { writeHead: () => {}, end: () => {} } as unknown as ServerResponse, url.pathname, body);
      return dropMidAnswer(res);
    }
    try {
      entry.status = await api(req, res, url.pathname, body);
    } catch (error) {
      entry.status = statusOf(error);
      throw error;
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof HttpError ? error.message : 'Internal error';
      if (!res.headersSent && !res.destroyed) send(res, statusOf(error), { error: message });
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;
  return {
    origin,
    port,
    get users() {
      return users;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Loses the connection halfway through an answer. (Closing before any byte is not a fair
 * test: browsers transparently resend a request whose reused connection closed unanswered.)
 */
function dropMidAnswer(res: ServerResponse): void {
  res.socket?.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 4096\r\n\r\n{"upd');
  res.socket?.destroySoon();
}

/** A seeded user's avatar: initials on a colour, so the simulator needs no image files. */
function initialsAvatar(name: string): string {
  const initials = name
    .split(' ')
    .map((part) => part[0])
    .join('')
    .slice(0, 2);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="#c4682b"/><text x="48" y="60" font-family="sans-serif" font-size="38" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
}

function statusOf(error: unknown): number {
  return error instanceof HttpError ? error.status : 500;
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return body.toString('utf8');
  }
}
