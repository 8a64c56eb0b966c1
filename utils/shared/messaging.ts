/**
 * The one protocol between the extension's contexts. Every message names who may send it and
 * declares the schema of its payload and of its result; the background checks both before a
 * handler runs, and checks each result against its schema before it leaves. Types are named by
 * direction: `ui:` from extension pages, `cs:` from content scripts. Senders import only the
 * types from here (`utils/pages/messaging.ts`, `utils/content/messaging.ts`), so the schemas stay in the
 * background's bundle.
 */
import type { Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { API_ERROR_KINDS, type Result } from './api/errors.ts';
import {
  BooleanSchema,
  CountrySchema,
  EDITABLE_FIELDS,
  EditableValuesSchema,
  FieldValueSchema,
  isPositive,
  matches,
  maxLength,
  ProfileSchema,
  WholeNumberSchema,
} from './api/schemas.ts';
import { t } from './i18n.ts';
import { AVATAR_TYPES, MAX_AVATAR_BYTES } from './profile/avatar.ts';
import { MAX_DESCRIPTION_LENGTH } from './profile/fields.ts';
import { SaveRecordSchema } from './storage.ts';

export const PROTOCOL = 'profile-quick-edit/1';

const UserIdSchema = WholeNumberSchema.check(isPositive);
const UserRefSchema = z.union([UserIdSchema, z.literal('me')]);
/** Defence in depth: whatever a page sends, only https links and bounded text reach the API. */
const httpsUrl = z.optional(z.nullable(z.string().check(matches(/^https:\/\/\S+$/), maxLength(2048))));

const ChangesSchema = z.strictObject({
  description: z.optional(z.nullable(z.string().check(maxLength(MAX_DESCRIPTION_LENGTH)))),
  twitterUrl: httpsUrl,
  facebookUrl: httpsUrl,
  instagramUrl: httpsUrl,
  websiteUrl: httpsUrl,
  country: z.optional(z.nullable(CountrySchema)),
});

const ErrorSchema = z.object({
  kind: z.literal(API_ERROR_KINDS),
  message: z.string(),
  status: z.optional(z.number()),
  retryAt: z.optional(z.number()),
  field: z.optional(z.string()),
  outcomeUnknown: z.optional(BooleanSchema),
});

function resultOf<T extends z.core.SomeType>(value: T) {
  return z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ErrorSchema }),
  ]);
}

const ProfileViewSchema = z.object({
  origin: z.string(),
  userId: WholeNumberSchema,
  profile: ProfileSchema,
  fetchedAt: z.number(),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

const SaveOutcomeSchema = z.union([
  z.object({ status: z.literal('saved'), view: ProfileViewSchema }),
  /** Fields changed on the server since editing began: nothing was sent, the user decides. */
  z.object({
    status: z.literal('conflict'),
    view: ProfileViewSchema,
    conflicts: z.array(
      z.object({ field: z.literal(EDITABLE_FIELDS), mine: FieldValueSchema, theirs: FieldValueSchema }),
    ),
  }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcomeSchema>;

export type SenderKind = 'extensionPage' | 'contentScript';

const originText = z.string().check(maxLength(2048));
const InstanceSummarySchema = z.object({
  origin: z.string(),
  label: z.string(),
  authMode: z.literal(['token', 'session']),
  userId: z.nullable(WholeNumberSchema),
  rememberToken: BooleanSchema,
  routePatterns: z.array(z.string()),
  /** Whether a token is stored: the token itself never leaves the background. */
  hasToken: BooleanSchema,
  granted: BooleanSchema,
  hasDrafts: BooleanSchema,
});
export type InstanceSummary = z.infer<typeof InstanceSummarySchema>;

export const MESSAGES = {
  /**
   * Fetch a profile from the instance (and refresh the cache). Default: the instance's configured
   * user (the active instance's without `origin`); with none configured, `me`, which it learns.
   */
  'ui:getProfile': {
    senders: ['extensionPage'],
    payload: z.object({ origin: z.optional(z.string()), userId: z.optional(UserRefSchema) }),
    result: resultOf(ProfileViewSchema),
  },
  /**
   * Save the changed fields, made over `base`. The background reads the profile first and merges;
   * the draft stamped `draftEditedAt` is removed once the save is confirmed.
   */
  'ui:saveProfile': {
    senders: ['extensionPage'],
    payload: z.object({
      origin: z.string(),
      userId: WholeNumberSchema,
      changes: ChangesSchema,
      base: EditableValuesSchema,
      draftEditedAt: z.optional(z.number()),
    }),
    result: resultOf(SaveOutcomeSchema),
  },
  /** The user's current avatar address (null: none). */
  'ui:getAvatar': {
    senders: ['extensionPage'],
    payload: z.object({ origin: originText, userId: UserIdSchema }),
    result: resultOf(z.object({ avatarUrl: z.nullable(z.string()) })),
  },
  /** A new avatar: an https address, or an image file (base64, as messages carry only JSON). */
  'ui:setAvatar': {
    senders: ['extensionPage'],
    payload: z.object({
      origin: originText,
      userId: UserIdSchema,
      change: z.union([
        z.object({ url: z.string().check(matches(/^https:\/\/\S+$/), maxLength(2048)) }),
        z.object({
          name: z.string().check(maxLength(200)),
          type: z.literal(AVATAR_TYPES),
          base64: z.string().check(maxLength(Math.ceil((MAX_AVATAR_BYTES * 4) / 3) + 4)),
        }),
      ]),
    }),
    result: resultOf(z.object({ avatarUrl: z.nullable(z.string()) })),
  },
  /** The saves made from this browser to a user's profile, newest first (no request is made). */
  'ui:getHistory': {
    senders: ['extensionPage'],
    payload: z.object({ origin: originText, userId: UserIdSchema }),
    result: resultOf(z.object({ saves: z.array(SaveRecordSchema) })),
  },
  'ui:listInstances': {
    senders: ['extensionPage'],
    payload: z.object({}),
    result: resultOf(z.object({ active: z.nullable(z.string()), instances: z.array(InstanceSummarySchema) })),
  },
  /** Add or change an instance. `address` is whatever the user typed; a blank token keeps the stored one. */
  'ui:saveInstance': {
    senders: ['extensionPage'],
    payload: z.object({
      previousOrigin: z.optional(originText),
      address: originText,
      label: z.string().check(maxLength(100)),
      authMode: z.literal(['token', 'session']),
      token: z.optional(z.string().check(maxLength(8192))),
      remember: BooleanSchema,
      userId: z.nullable(UserIdSchema),
      routePatterns: z.array(z.string().check(maxLength(200))).check(maxLength(20)),
    }),
    result: resultOf(z.object({ origin: z.string() })),
  },
  'ui:setActiveInstance': {
    senders: ['extensionPage'],
    payload: z.object({ origin: originText }),
    result: resultOf(z.object({ origin: z.string() })),
  },
  'ui:detectUserId': {
    senders: ['extensionPage'],
    payload: z.object({ origin: originText }),
    result: resultOf(z.object({ userId: WholeNumberSchema, source: z.literal(['session', 'me', 'token']) })),
  },
  /** Forget an instance: token in every area, drafts, cache, host permission. */
  'ui:removeInstance': {
    senders: ['extensionPage'],
    payload: z.object({ origin: originText }),
    result: resultOf(z.object({ removed: z.literal(true) })),
  },
  /** Whether content scripts are kept out of each storage area, as the browser granted at start. */
  'ui:getStorageAccess': {
    senders: ['extensionPage'],
    payload: z.object({}),
    result: resultOf(z.object({ sessionPrivate: BooleanSchema, localPrivate: BooleanSchema })),
  },
  /** What the content script needs to place its button; nothing secret. */
  'cs:getPageConfig': {
    senders: ['contentScript'],
    payload: z.object({}),
    result: resultOf(
      z.object({
        routePatterns: z.array(z.string()),
        signedInUserId: z.nullable(WholeNumberSchema),
        /** Whether the signed-in user may edit others; null when not known yet. */
        canEditOthers: z.nullable(BooleanSchema),
      }),
    ),
  },
  /** Open the editor for a user of the sending tab's instance. */
  'cs:openEditor': {
    senders: ['contentScript'],
    payload: z.object({ userId: z.union([UserIdSchema, z.literal('self')]) }),
    result: resultOf(z.object({ opened: BooleanSchema })),
  },
} as const satisfies Record<
  string,
  { senders: readonly SenderKind[]; payload: z.core.SomeType; result: z.core.SomeType }
>;

export type MessageType = keyof typeof MESSAGES;
export type PayloadOf<T extends MessageType> = z.input<(typeof MESSAGES)[T]['payload']>;
type ParsedPayloadOf<T extends MessageType> = z.output<(typeof MESSAGES)[T]['payload']>;
export type ResultOf<T extends MessageType> = z.output<(typeof MESSAGES)[T]['result']>;

export interface Envelope<T extends MessageType = MessageType> {
  protocol: typeof PROTOCOL;
  type: T;
  payload: PayloadOf<T>;
}

/** Who sent a message, as the background established it from the browser's sender record. */
export type Sender =
  | { kind: 'extensionPage' }
  /** `origin` is the tab's instance: handlers use it, never an origin from the payload. */
  | { kind: 'contentScript'; origin: string; tabId: number };

export interface SenderRules {
  extensionId: string;
  /** `chrome-extension://ID` or `moz-extension://UUID`, no trailing slash. */
  extensionOrigin: string;
  isInstanceOrigin(origin: string): Promise<boolean>;
}

/** Classifies a sender, or returns null when it may send nothing at all. */
export async function identifySender(
  sender: Browser.runtime.MessageSender,
  rules: SenderRules,
): Promise<Sender | null> {
  if (sender.id !== rules.extensionId || !sender.url) return null;
  // Compared as text: URL parsers give extension schemes an opaque "null" origin.
  if (sender.url.startsWith(`${rules.extensionOrigin}/`)) return { kind: 'extensionPage' };
  // Content scripts: top frame of a tab whose page is a configured instance.
  if (!sender.tab?.id || sender.frameId !== 0) return null;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return null;
  }
  return (await rules.isInstanceOrigin(origin))
    ? { kind: 'contentScript', origin, tabId: sender.tab.id }
    : null;
}

type HandlerSender<T extends MessageType> = (typeof MESSAGES)[T]['senders'][number] extends 'contentScript'
  ? Extract<Sender, { kind: 'contentScript' }>
  : Extract<Sender, { kind: 'extensionPage' }>;

export type Handlers = {
  [T in MessageType]: (payload: ParsedPayloadOf<T>, sender: HandlerSender<T>) => Promise<ResultOf<T>>;
};

function rejected(message: string): Result<never> {
  return { ok: false, error: { kind: 'rejected', message } };
}

function isEnvelope(message: unknown): message is { protocol: string; type: string; payload: unknown } {
  return typeof message === 'object' && message !== null && (message as Envelope).protocol === PROTOCOL;
}

/** Recognised before routing, so the side panel can open within the click's user gesture. */
export function isOpenEditorRequest(message: unknown): boolean {
  return isEnvelope(message) && message.type === 'cs:openEditor';
}

/**
 * The background's `runtime.onMessage` listener. Messages of other protocols are left alone;
 * ours are answered with a result, or with `rejected` when the sender or payload does not fit.
 */
export function createMessageRouter(handlers: Handlers, rules: SenderRules) {
  return (message: unknown, runtimeSender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message)) return undefined;
    return (async () => {
      const sender = await identifySender(runtimeSender, rules);
      if (!Object.hasOwn(MESSAGES, message.type)) return rejected(t('errUnknownMessage'));
      const type = message.type as MessageType;
      const spec = MESSAGES[type];
      if (!sender || !(spec.senders as readonly SenderKind[]).includes(sender.kind)) {
        return rejected(t('errWrongSender'));
      }
      const payload = z.safeParse(spec.payload, message.payload);
      if (!payload.success) return rejected(t('errMalformed'));
      const handler = handlers[type] as (payload: unknown, sender: Sender) => Promise<unknown>;
      // Results leave through their schema too: whatever a handler added by mistake (a token,
      // say) is stripped before it reaches a page.
      const result = z.safeParse(spec.result, await handler(payload.data, sender));
      return result.success
        ? result.data
        : {
            ok: false,
            error: { kind: 'invalidResponse', message: t('errUnexpectedAnswer') },
          };
    })();
  };
}

/**
 * The router as a `runtime.onMessage` listener that answers through `sendResponse`: Chrome before
 * 144 ignores a promise a listener returns. Messages of other protocols get no answer from here.
 */
export function answeringListener(
  route: (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown> | undefined,
) {
  return (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (answer: unknown) => void,
  ): boolean => {
    const answer = route(message, sender);
    if (!answer) return false;
    void answer.then(sendResponse);
    return true;
  };
}
