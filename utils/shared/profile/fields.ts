/**
 * What a person may type into each editable field, and what the API receives. Social fields
 * accept a handle (`@name`), a bare host or a full URL and become a full https:// URL; an empty
 * field clears the value; any other scheme is refused.
 */
import type { EditableField } from '../api/schemas.ts';
import { t } from '../i18n.ts';
import { isCountryCode } from './countries.ts';

export const MAX_DESCRIPTION_LENGTH = 5000;
const MAX_URL_LENGTH = 2048;

type SocialField = Exclude<EditableField, 'description' | 'country'>;

/** Where a bare handle points, per network. */
const HANDLE_HOSTS: Record<SocialField, string | null> = {
  twitterUrl: 'twitter.com',
  facebookUrl: 'facebook.com',
  instagramUrl: 'instagram.com',
  websiteUrl: null,
};

const HANDLE = /^@?([A-Za-z0-9_.]{1,50})$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const HOST = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i;

type Normalised<T> = { ok: true; value: T } | { ok: false; message: string };

export function normaliseSocialUrl(field: SocialField, input: string): Normalised<string | null> {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  if (text.length > MAX_URL_LENGTH) return { ok: false, message: t('errUrlTooLong') };
  const handleHost = HANDLE_HOSTS[field];
  const handle = HANDLE.exec(text);
  if (handle && handleHost && (text.startsWith('@') || !text.includes('.'))) {
    return { ok: true, value: `https://${handleHost}/${handle[1]}` };
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    return { ok: false, message: t('errUrlScheme') };
  }
  if (/\s/.test(text)) return { ok: false, message: t('errUrlSpaces') };
  let url: URL;
  try {
    url = new URL(scheme ? text : `https://${text}`);
  } catch {
    return { ok: false, message: t('errUrlInvalid') };
  }
  if (!HOST.test(url.hostname) || url.username || url.password) {
    return {
      ok: false,
      message: handleHost ? t('errUrlHandle', handleHost) : t('errUrlWebsite'),
    };
  }
  url.protocol = 'https:';
  return { ok: true, value: url.href };
}

/** One normaliser per field: raw form text in, API value out, or a message for the person. */
export const FIELD_NORMALISERS = {
  description: (input): Normalised<string | null> => {
    if (input.length > MAX_DESCRIPTION_LENGTH) {
      return { ok: false, message: t('errDescriptionLong', MAX_DESCRIPTION_LENGTH) };
    }
    // Kept exactly as typed: whitespace and any formatting markup are the user's.
    return { ok: true, value: input.trim() === '' ? null : input };
  },
  twitterUrl: (input) => normaliseSocialUrl('twitterUrl', input),
  facebookUrl: (input) => normaliseSocialUrl('facebookUrl', input),
  instagramUrl: (input) => normaliseSocialUrl('instagramUrl', input),
  websiteUrl: (input) => normaliseSocialUrl('websiteUrl', input),
  /** The form holds the ISO code; the API gets `{label, value}` (built in form.ts). */
  country: (input): Normalised<string | null> => {
    const code = input.trim().toUpperCase();
    if (code === '') return { ok: true, value: null };
    return isCountryCode(code) ? { ok: true, value: code } : { ok: false, message: t('errCountry') };
  },
} satisfies Record<EditableField, (input: string) => Normalised<string | null>>;
