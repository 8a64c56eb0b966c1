/**
 * The editor's model: what is in the form (raw text), what the server had when editing began
 * (`base`), and what a save must send. Pure functions, shared by the popup, the side panel and
 * the background's save.
 */
import {
  EDITABLE_FIELDS,
  type EditableField,
  type EditableValues,
  type FieldValue,
  type Profile,
  type ProfileChanges,
  sameValue,
} from '../api/schemas.ts';
import { countryFor } from './countries.ts';
import { FIELD_NORMALISERS } from './fields.ts';

/** Raw text per field, as typed; `country` holds an ISO code. */
export type FormValues = Record<EditableField, string>;
export type FieldErrors = Partial<Record<EditableField, string>>;

export function editableValues(profile: Pick<Profile, EditableField>): EditableValues {
  return Object.fromEntries(
    EDITABLE_FIELDS.map((field) => [field, profile[field] ?? null]),
  ) as EditableValues;
}

export function formFromValues(values: EditableValues): FormValues {
  return Object.fromEntries(
    EDITABLE_FIELDS.map((field) => {
      const value = values[field];
      return [field, (typeof value === 'object' ? value?.value : value) ?? ''];
    }),
  ) as FormValues;
}

/** The form with some fields set from API values (as a history record holds them), the rest as they were. */
export function withValues(form: FormValues, values: Partial<EditableValues>): FormValues {
  const text = formFromValues(values as EditableValues);
  const fields = EDITABLE_FIELDS.filter((field) => field in values);
  return { ...form, ...Object.fromEntries(fields.map((field) => [field, text[field]])) };
}

export interface ParsedForm {
  /** The API value of every valid field. */
  values: Partial<EditableValues>;
  errors: FieldErrors;
}

export function parseForm(form: FormValues): ParsedForm {
  const values: Partial<Record<EditableField, FieldValue>> = {};
  const errors: FieldErrors = {};
  for (const field of EDITABLE_FIELDS) {
    const parsed = FIELD_NORMALISERS[field](form[field]);
    if (!parsed.ok) errors[field] = parsed.message;
    else if (field === 'country') values.country = parsed.value === null ? null : countryFor(parsed.value);
    else values[field] = parsed.value;
  }
  return { values: values as Partial<EditableValues>, errors };
}

/** The fields whose (valid) value differs from `base`: exactly what a PUT should carry. */
export function changedFields(parsed: ParsedForm, base: EditableValues): ProfileChanges {
  const changes: Record<string, FieldValue> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = parsed.values[field];
    if (value !== undefined && !sameValue(value, base[field])) changes[field] = value;
  }
  return changes as ProfileChanges;
}

/**
 * Fields the user edited, valid or not: compared as text against the base's form text.
 * `parsed` is the form's parse when the caller already has it.
 */
export function editedFields(
  form: FormValues,
  base: EditableValues,
  parsed: ParsedForm = parseForm(form),
): EditableField[] {
  const baseForm = formFromValues(base);
  return EDITABLE_FIELDS.filter((field) =>
    field in parsed.errors ? form[field] !== baseForm[field] : !sameValue(parsed.values[field], base[field]),
  );
}

export interface Conflict {
  field: EditableField;
  mine: FieldValue;
  theirs: FieldValue;
}

export interface MergeResult {
  /** What to send: the user's changes that still differ from the server. */
  changes: ProfileChanges;
  conflicts: Conflict[];
}

/**
 * Three-way merge of the user's changes (made over `base`) with the server's current values.
 * Server changes to fields the user did not touch need nothing: a PUT carries only changes.
 * A field changed on both sides to different values is a conflict for the user to decide.
 */
export function mergeWithServer(
  changes: ProfileChanges,
  base: EditableValues,
  theirs: EditableValues,
): MergeResult {
  const merged: Record<string, FieldValue> = {};
  const conflicts: Conflict[] = [];
  for (const field of EDITABLE_FIELDS) {
    if (!(field in changes)) continue;
    const mine = changes[field] ?? null;
    if (sameValue(mine, theirs[field])) continue;
    if (sameValue(base[field], theirs[field])) merged[field] = mine;
    else conflicts.push({ field, mine, theirs: theirs[field] });
  }
  return { changes: merged as ProfileChanges, conflicts };
}

/**
 * Moves a form onto fresher server values: fields the user did not edit take the server's
 * value; edited fields keep what the user typed, and keep their old base so a change made on
 * both sides still shows up as a conflict when saving. With no form (nothing typed over a
 * base), the form is the server's.
 */
export function rebase(
  form: FormValues | null,
  base: EditableValues | null,
  fresh: EditableValues,
): { form: FormValues; base: EditableValues } {
  if (!form || !base) return { form: formFromValues(fresh), base: fresh };
  const edited = new Set(editedFields(form, base));
  const freshForm = formFromValues(fresh);
  const pick = <T>(field: EditableField, mine: T, theirs: T) => (edited.has(field) ? mine : theirs);
  return {
    form: Object.fromEntries(
      EDITABLE_FIELDS.map((field) => [field, pick(field, form[field], freshForm[field])]),
    ) as FormValues,
    base: Object.fromEntries(
      EDITABLE_FIELDS.map((field) => [field, pick(field, base[field], fresh[field])]),
    ) as EditableValues,
  };
}
