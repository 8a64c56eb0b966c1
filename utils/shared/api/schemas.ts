/**
 * Schemas for what the instance sends. Strict where the extension depends on a field (the user's
 * id and the editable fields); everything else tolerates nulls, absence and wrong types, or is
 * left out, so a new or changed server field never breaks a screen. Built on `zod/mini` to keep bundles small.
 */
import * as z from 'zod/mini';

// Extension pages forbid eval: parse without zod's `new Function` JIT (and without probing for it).
z.config({ jitless: true });

// Top-level `.check()` calls are marked pure. zod declares its factories free of side effects but
// not this method, so a bundle that imports this module without using these schemas (options)
// would keep them, and most of zod with them (3.2 kB gzip).

/**
 * Every zod kind a bundle uses costs its code there, so the schemas (here, in messaging and in
 * storage) use few. Checks are refinements, not zod's check functions (`maxLength`, `regex`,
 * `multipleOf`, `z.int()`, …), each a kind of its own: ≈0.55 kB gzip in the background and 0.14 kB
 * in the popup for the ones these would use. Sets of allowed strings are `z.literal([...])`, not
 * `z.enum()`: the same check without the enum kind (≈0.2 kB). Booleans too (`BooleanSchema`).
 */
export const maxLength = (limit: number) => z.refine<string | unknown[]>((value) => value.length <= limit);
export const matches = (pattern: RegExp) => z.refine<string>((value) => pattern.test(value));
export const isPositive = z.refine<number>((value) => value > 0);

/** `true` or `false`, checked as two literals rather than by zod's boolean kind (0.08 kB gzip). */
export const BooleanSchema = z.literal([true, false]);

/** A whole number. */
export const WholeNumberSchema = /* @__PURE__ */ z.number().check(z.refine(Number.isInteger));

/** A value the extension only displays: anything unexpected becomes null. */
function loose<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.nullable(schema), null);
}

export const CountrySchema = z.object({
  label: z.string(),
  value: /* @__PURE__ */ z.string().check(matches(/^[A-Z]{2}$/)),
});
export type Country = z.infer<typeof CountrySchema>;

/**
 * An editable text field: absent means empty (`editableValues` reads it as null). Not
 * `_default(…, null)`, whose zod kind would cost ≈0.2 kB gzip in each bundle for the same result.
 * Any other type is an error: shown as empty, a save could overwrite what the server holds.
 */
const editableText = z.optional(z.nullable(z.string()));

const RoleSchema = z.object({
  name: loose(z.string()),
  privileges: loose(z.object({ userManage: loose(BooleanSchema) })),
});

/**
 * The account, as far as the editor shows it. The instance also sends an email address: nothing
 * shows it, so it is dropped here and never cached (content scripts can read the cache in Firefox).
 */
const UserSchema = z.object({
  name: loose(z.string()),
  username: loose(z.string()),
  role: loose(RoleSchema),
});

export const ProfileSchema = z.object({
  userId: WholeNumberSchema,
  description: editableText,
  twitterUrl: editableText,
  facebookUrl: editableText,
  instagramUrl: editableText,
  websiteUrl: editableText,
  // A country it cannot read (an empty selection, a code in lower case) shows as none: picking one
  // replaces it, which loses nothing a person wrote, unlike typing over a text shown as empty.
  country: loose(CountrySchema),
  avatarKey: loose(z.string()),
  createdAt: loose(z.string()),
  updatedAt: loose(z.string()),
  user: loose(UserSchema),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const GetProfileResponseSchema = z.object({ profile: ProfileSchema });
export const PutProfileResponseSchema = z.object({ updatedProfile: ProfileSchema });

/** Only http(s) addresses are ever shown as an image. */
export const AvatarResponseSchema = z.object({
  avatarUrl: z.optional(z.nullable(/* @__PURE__ */ z.string().check(matches(/^https?:\/\//)))),
});

export const SessionUserResponseSchema = z.object({
  user: z.object({ id: z.optional(WholeNumberSchema), name: loose(z.string()), username: loose(z.string()) }),
});

/** The editable fields as stored in drafts: every field present, each possibly null. */
export const EditableValuesSchema = z.object({
  description: z.nullable(z.string()),
  twitterUrl: z.nullable(z.string()),
  facebookUrl: z.nullable(z.string()),
  instagramUrl: z.nullable(z.string()),
  websiteUrl: z.nullable(z.string()),
  country: z.nullable(CountrySchema),
});

export const EDITABLE_FIELDS = [
  'description',
  'twitterUrl',
  'facebookUrl',
  'instagramUrl',
  'websiteUrl',
  'country',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type EditableValues = z.infer<typeof EditableValuesSchema>;
/** A PUT body: only the fields the user changed. */
export type ProfileChanges = Partial<EditableValues>;
export type FieldValue = EditableValues[EditableField];
/** Any one editable field's value, as history records and save conflicts hold it. */
export const FieldValueSchema = z.nullable(z.union([z.string(), CountrySchema]));

/** Equal as the API sees it: countries by code. */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object') return a.value === b.value;
  return (a ?? null) === (b ?? null);
}
