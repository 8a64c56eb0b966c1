/** What an avatar upload may be: checked in the page before upload and again in the background. */
import { t } from '../i18n.ts';

export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AvatarType = (typeof AVATAR_TYPES)[number];
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;

export function avatarFileProblem(type: string, size: number): string | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(type)) return t('errAvatarType');
  if (size === 0) return t('errAvatarEmpty');
  if (size > MAX_AVATAR_BYTES) return t('errAvatarSize');
  return null;
}

/** Hosts an avatar address may not name: addresses, not names, and names only a local network knows. */
const NOT_PUBLIC =
  /^\[|^\d+(\.\d+){3}$|^localhost$|\.(localhost|local|internal|lan|home|corp|intranet)$|^[^.]+$/i;

/** An avatar address must be a public https:// one: no IP address, local name or credentials. */
export function avatarUrlProblem(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return t('errUrlInvalid');
  }
  if (url.protocol !== 'https:') return t('errAvatarHttps');
  if (url.username || url.password || NOT_PUBLIC.test(url.hostname)) return t('errAvatarPublic');
  return null;
}
