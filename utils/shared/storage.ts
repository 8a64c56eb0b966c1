/**
 * Everything the extension keeps, typed and validated on read: a corrupt or outdated value falls
 * back to a safe default instead of breaking a screen. Nothing is ever written to `storage.sync`.
 * Nothing secret is written to `storage.local`, which Firefox lets content scripts read: tokens
 * are kept apart, by the background alone (utils/background/token-storage.ts), and profiles are
 * kept without an email address (utils/shared/api/schemas.ts).
 */
import { defineExtensionStorage } from '@webext-core/storage';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { API_ERROR_KINDS } from './api/errors.ts';
import {
  BooleanSchema,
  EDITABLE_FIELDS,
  type EditableField,
  EditableValuesSchema,
  FieldValueSchema,
  ProfileSchema,
  WholeNumberSchema,
} from './api/schemas.ts';
import { pageTarget } from './routes.ts';

export const DEFAULT_ROUTE_PATTERNS = ['/users/:id', '/admin/users/:id'];

// A damaged setting falls back to its default and keeps the instance (and its token) usable.
const InstanceSchema = z.object({
  origin: z.string(),
  label: z.catch(z.string(), ''),
  authMode: z.literal(['token', 'session']),
  userId: z.catch(z.nullable(WholeNumberSchema), null),
  pathForm: z.catch(z.nullable(z.literal(['info', 'profileInfo'])), null),
  routePatterns: z.catch(z.array(z.string()), DEFAULT_ROUTE_PATTERNS),
  rememberToken: z.catch(BooleanSchema, false),
});
export type Instance = z.infer<typeof InstanceSchema>;

/** What the user typed (form text per field), next to the server values it was typed over. */
const DraftSchema = z.object({
  form: z.object(
    Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, z.string()])) as Record<
      EditableField,
      z.ZodMiniString
    >,
  ),
  base: EditableValuesSchema,
  editedAt: z.number(),
});
export type Draft = z.infer<typeof DraftSchema>;

const CachedProfileSchema = z.object({ profile: ProfileSchema, fetchedAt: z.number() });
export type CachedProfile = z.infer<typeof CachedProfileSchema>;

type InstanceKey = `${string}:${string}`;
interface LocalSchema {
  instances: unknown;
  activeInstance: unknown;
  [key: `draft:${InstanceKey}`]: unknown;
  [key: `cache:${InstanceKey}`]: unknown;
  [key: `recent:${string}`]: unknown;
  [key: `save:${InstanceKey}`]: unknown;
  [key: `avatar:${InstanceKey}`]: unknown;
  [key: `history:${InstanceKey}`]: unknown;
}
interface SessionSchema {
  editorRequest: unknown;
}

const local = defineExtensionStorage<LocalSchema>(browser.storage.local);
const session = defineExtensionStorage<SessionSchema>(browser.storage.session);

/** The value if it has the shape, else null: a corrupt or outdated record is ignored. */
function valid<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? parsed.data : null;
}

async function read<T>(value: Promise<unknown>, schema: z.ZodMiniType<T>): Promise<T | null> {
  return valid(schema, await value);
}

// ---- instances ------------------------------------------------------------------------------

function parseInstances(stored: unknown): Instance[] {
  if (!Array.isArray(stored)) return [];
  // One bad record must not hide the others.
  return stored.flatMap((item) => valid(InstanceSchema, item) ?? []);
}

export async function getInstances(): Promise<Instance[]> {
  return parseInstances(await local.getItem('instances'));
}

export async function getInstance(origin: string): Promise<Instance | null> {
  return findInstance(await getInstances(), origin, false);
}

export async function saveInstance(instance: Instance): Promise<void> {
  const others = (await getInstances()).filter((i) => i.origin !== instance.origin);
  await local.setItem('instances', [...others, instance]);
}

export async function updateInstance(origin: string, changes: Partial<Instance>): Promise<void> {
  const instance = await getInstance(origin);
  if (instance) await saveInstance({ ...instance, ...changes, origin });
}

/**
 * The configured instances and the origin of the active one, in one read; `alongside` are more
 * keys read in the same round trip, returned as stored.
 */
async function readInstances(
  alongside: string[] = [],
): Promise<{ active: unknown; instances: Instance[]; stored: Record<string, unknown> }> {
  const stored = await browser.storage.local.get(['activeInstance', 'instances', ...alongside]);
  return { active: stored.activeInstance, instances: parseInstances(stored.instances), stored };
}

/** The instance with `origin`; with `orFirst`, the first one when none has it. */
function findInstance(instances: Instance[], origin: unknown, orFirst: boolean): Instance | null {
  return (
    instances.find((instance) => instance.origin === origin) ?? (orFirst ? (instances[0] ?? null) : null)
  );
}

export async function getActiveInstance(): Promise<Instance | null> {
  const { active, instances } = await readInstances();
  return findInstance(instances, active, true);
}

export async function setActiveInstance(origin: string): Promise<void> {
  await local.setItem('activeInstance', origin);
}

/**
 * Forgets an instance and what is kept for it: drafts, cache, recents (its token is the
 * background's to forget, utils/background/token-storage.ts).
 */
export async function removeInstance(origin: string): Promise<void> {
  await local.setItem(
    'instances',
    (await getInstances()).filter((i) => i.origin !== origin),
  );
  if ((await local.getItem('activeInstance')) === origin) await local.removeItem('activeInstance');
  // Exact matches only: `https://hub.example` must not take `https://hub.example.org` with it.
  const belongs = (key: string) => key === `recent:${origin}` || userRecordOf(key)?.origin === origin;
  for (const area of [browser.storage.local, browser.storage.session, browser.storage.sync]) {
    const keys = Object.keys(await area.get(null)).filter(belongs);
    if (keys.length) await area.remove(keys);
  }
}

// ---- per-user data: drafts, cache, recent users -------------------------------------------

function userKey(origin: string, userId: number): InstanceKey {
  return `${origin}:${userId}`;
}

/** What is kept per user, each under `<kind>:<origin>:<userId>`. */
const USER_RECORD_KINDS = ['draft', 'cache', 'save', 'avatar', 'history'] as const;
type UserRecordKind = (typeof USER_RECORD_KINDS)[number];
/** What an editor reads as it opens; the history is read later, when it is shown or needed. */
const START_RECORD_KINDS = ['draft', 'cache', 'save', 'avatar'] as const;
type StartRecordKind = (typeof START_RECORD_KINDS)[number];

/** The kind and origin of a per-user record's key (origins may hold a port's colon), else null. */
function userRecordOf(key: string): { kind: UserRecordKind; origin: string } | null {
  const kind = USER_RECORD_KINDS.find((candidate) => key.startsWith(`${candidate}:`));
  if (!kind) return null;
  return { kind, origin: key.slice(kind.length + 1, key.lastIndexOf(':')) };
}

export async function getDraft(origin: string, userId: number): Promise<Draft | null> {
  return read(local.getItem(`draft:${userKey(origin, userId)}`), DraftSchema);
}

export async function saveDraft(origin: string, userId: number, draft: Draft): Promise<void> {
  await local.setItem(`draft:${userKey(origin, userId)}`, draft);
}

export async function removeDraft(origin: string, userId: number): Promise<void> {
  await local.removeItem(`draft:${userKey(origin, userId)}`);
}

/** The origins of the instances holding unsaved drafts (keys are `draft:<origin>:<userId>`). */
export async function originsWithDrafts(): Promise<Set<string>> {
  const records = Object.keys(await browser.storage.local.get(null)).map(userRecordOf);
  return new Set(records.flatMap((record) => (record?.kind === 'draft' ? [record.origin] : [])));
}

export async function getCachedProfile(origin: string, userId: number): Promise<CachedProfile | null> {
  return read(local.getItem(`cache:${userKey(origin, userId)}`), CachedProfileSchema);
}

export async function setCachedProfile(origin: string, userId: number, cached: CachedProfile): Promise<void> {
  await local.setItem(`cache:${userKey(origin, userId)}`, cached);
}

/** The avatar address last seen, shown at once on the next open (see readEditorStart). */
export async function setCachedAvatar(origin: string, userId: number, url: string | null): Promise<void> {
  const key = `avatar:${userKey(origin, userId)}` as const;
  await (url === null ? local.removeItem(key) : local.setItem(key, url));
}

const SaveStatusSchema = z.object({
  state: z.literal(['saving', 'saved', 'failed']),
  at: z.number(),
  /** What went wrong, as a kind and an HTTP status: no text from a server is stored. */
  error: z.optional(z.object({ kind: z.literal(API_ERROR_KINDS), status: z.optional(z.number()) })),
});
/** The last save the background ran for a user: the popup may have closed before it ended. */
export type SaveStatus = z.infer<typeof SaveStatusSchema>;

export async function getSaveStatus(origin: string, userId: number): Promise<SaveStatus | null> {
  return read(local.getItem(`save:${userKey(origin, userId)}`), SaveStatusSchema);
}

/** Calls back with each new save status of a user, as the background records it. Returns the unwatch. */
export function watchSaveStatus(
  target: EditorTarget,
  onStatus: (status: SaveStatus | null) => void,
): () => void {
  return local.onChange(`save:${userKey(target.origin, target.userId)}`, (value) =>
    onStatus(valid(SaveStatusSchema, value)),
  );
}

export async function setSaveStatus(origin: string, userId: number, status: SaveStatus): Promise<void> {
  await local.setItem(`save:${userKey(origin, userId)}`, status);
}

export async function clearSaveStatus(origin: string, userId: number): Promise<void> {
  await local.removeItem(`save:${userKey(origin, userId)}`);
}

export interface EditorStart {
  instance: Instance | null;
  cached: CachedProfile | null;
  draft: Draft | null;
  saveStatus: SaveStatus | null;
  avatarUrl: string | null;
}

/** A user of an instance, as an editor opens one. */
export interface EditorTarget {
  origin: string;
  userId: number;
}

/** The keys of what is kept for one user. */
function userRecordKeys({ origin, userId }: EditorTarget): Record<StartRecordKind, string> {
  const key = userKey(origin, userId);
  return Object.fromEntries(START_RECORD_KINDS.map((kind) => [kind, `${kind}:${key}`])) as Record<
    StartRecordKind,
    string
  >;
}

/**
 * What an editor shows the moment it opens. Every read of `storage.local` is a round trip to the
 * browser: the first read takes the instances and, when the editor can tell whose records it will
 * need (`expected`: the user it was asked for, or the signed-in user its address names), those
 * records too. Only a wrong or missing guess costs a second read.
 */
export async function readEditorStart(
  requested: EditorTarget | null,
  expected: EditorTarget | null = requested,
): Promise<EditorStart> {
  const guess = expected && userRecordKeys(expected);
  const first = await readInstances(Object.values(guess ?? {}));
  const instance = findInstance(first.instances, requested?.origin ?? first.active, !requested);
  const userId = requested?.userId ?? instance?.userId ?? null;
  if (!instance || userId === null)
    return { instance, cached: null, draft: null, saveStatus: null, avatarUrl: null };
  const keys = userRecordKeys({ origin: instance.origin, userId });
  const records =
    keys.cache === guess?.cache ? first.stored : await browser.storage.local.get(Object.values(keys));
  return {
    instance,
    cached: valid(CachedProfileSchema, records[keys.cache]),
    draft: valid(DraftSchema, records[keys.draft]),
    saveStatus: valid(SaveStatusSchema, records[keys.save]),
    avatarUrl: valid(z.string(), records[keys.avatar]),
  };
}

const MAX_RECENT_USERS = 8;

export async function getRecentUsers(origin: string): Promise<number[]> {
  return (await read(local.getItem(`recent:${origin}`), z.array(WholeNumberSchema))) ?? [];
}

export async function addRecentUser(origin: string, userId: number): Promise<void> {
  const recent = (await getRecentUsers(origin)).filter((id) => id !== userId);
  await local.setItem(`recent:${origin}`, [userId, ...recent].slice(0, MAX_RECENT_USERS));
}

/** The user of an instance a page address shows (a user page, or the own-profile page), if any. */
export async function userForUrl(address: string): Promise<EditorTarget | null> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  const instance = await getInstance(url.origin);
  const target = instance && pageTarget(url.pathname, instance.routePatterns);
  if (!instance || !target) return null;
  const userId = 'self' in target ? instance.userId : target.userId;
  return userId === null ? null : { origin: instance.origin, userId };
}

// ---- the editor request: which user the side panel shows ------------------------------------

const EditorRequestSchema = z.object({ origin: z.string(), userId: WholeNumberSchema, at: z.number() });
/** Written by the background when a button or menu asks for a user; read by the side panel. */
export type EditorRequest = z.infer<typeof EditorRequestSchema>;

export async function setEditorRequest(request: EditorRequest): Promise<void> {
  await session.setItem('editorRequest', request);
}

export async function getEditorRequest(): Promise<EditorRequest | null> {
  return read(session.getItem('editorRequest'), EditorRequestSchema);
}

/** Calls back with each new editor request. Returns the unwatch. */
export function watchEditorRequest(onRequest: (request: EditorRequest) => void): () => void {
  return session.onChange('editorRequest', (value) => {
    const request = valid(EditorRequestSchema, value);
    if (request) onRequest(request);
  });
}

// ---- history: the saves made from this browser, per user, to undo or restore -----------------

/** Saves kept per user, newest kept. */
export const MAX_SAVES_PER_USER = 20;
/** Stored history for all users together, as JSON characters: the oldest saves go first. */
export const MAX_HISTORY_SIZE = 256 * 1024;

const FieldChangeSchema = z.object({ before: FieldValueSchema, after: FieldValueSchema });
export const SaveRecordSchema = z.object({
  at: z.number(),
  /** The fields the save changed, with the instance's values before and after it. */
  changes: z.object(
    /* @__PURE__ */ Object.fromEntries(
      /* @__PURE__ */ EDITABLE_FIELDS.map((field) => [field, z.optional(FieldChangeSchema)]),
    ) as Record<EditableField, z.ZodMiniOptional<typeof FieldChangeSchema>>,
  ),
});
export type SaveRecord = z.infer<typeof SaveRecordSchema>;

function historyKey(origin: string, userId: number) {
  return `history:${userKey(origin, userId)}` as const;
}

/** Records as stored, oldest first; a damaged one is left out, the others are kept. */
function readRecords(stored: unknown): SaveRecord[] {
  return storedRecords(stored).flatMap((item) => valid(SaveRecordSchema, item) ?? []);
}

/** Stored records with a time, oldest first, unchecked otherwise. */
function storedRecords(stored: unknown): { at: number }[] {
  const timed = (item: unknown): item is { at: number } =>
    typeof item === 'object' && item !== null && typeof (item as { at?: unknown }).at === 'number';
  return Array.isArray(stored) ? stored.filter(timed).sort((a, b) => a.at - b.at) : [];
}

/** The saves of a user made from this browser, newest first (pages ask the background: `ui:getHistory`). */
export async function getHistory(origin: string, userId: number): Promise<SaveRecord[]> {
  return readRecords(await local.getItem(historyKey(origin, userId))).reverse();
}

/**
 * Adds a confirmed save. Each user keeps the last MAX_SAVES_PER_USER; all users' history together
 * stays within MAX_HISTORY_SIZE, the oldest saves of any user going first.
 */
export async function addToHistory(origin: string, userId: number, record: SaveRecord): Promise<void> {
  const key = historyKey(origin, userId);
  const stored = await browser.storage.local.get(null);
  // Bounded as stored: what is damaged in them is skipped when they are read (getHistory).
  const histories = new Map(
    Object.entries(stored)
      .filter(([name]) => userRecordOf(name)?.kind === 'history')
      .map(([name, value]) => [name, storedRecords(value)]),
  );
  histories.set(key, [...(histories.get(key) ?? []), record].slice(-MAX_SAVES_PER_USER));
  const size = () =>
    [...histories.values()].reduce((sum, records) => sum + JSON.stringify(records).length, 0);
  while (size() > MAX_HISTORY_SIZE) {
    const [oldest] = [...histories]
      .filter(([, records]) => records.length > 0)
      .sort(([, a], [, b]) => (a[0]?.at ?? 0) - (b[0]?.at ?? 0));
    if (!oldest) break;
    histories.set(oldest[0], oldest[1].slice(1));
  }
  // Only the histories that differ from what is stored are written, not every user's at each save.
  const changed = [...histories].filter(
    ([name, records]) => JSON.stringify(records) !== JSON.stringify(stored[name]),
  );
  const emptied = changed.filter(([, records]) => records.length === 0).map(([name]) => name);
  await browser.storage.local.set(Object.fromEntries(changed.filter(([, records]) => records.length > 0)));
  if (emptied.length > 0) await browser.storage.local.remove(emptied);
}
