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

export function avatarUrlProblem(input: string): string | null {
  try {
    return new URL(input.trim()).protocol === 'https:' ? null : t('errAvatarHttps');
  } catch {
    return t('errUrlInvalid');
  }
}
