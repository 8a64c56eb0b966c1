/** What an avatar upload may be: checked in the page before upload and again in the background. */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AvatarType = (typeof AVATAR_TYPES)[number];
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;

export function avatarFileProblem(type: string, size: number): string | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(type)) return 'Choose a JPEG, PNG or WebP image.';
  if (size === 0) return 'That file is empty.';
  if (size > MAX_AVATAR_BYTES) return 'Choose an image under 5 MB.';
  return null;
}

export function avatarUrlProblem(input: string): string | null {
  try {
    return new URL(input.trim()).protocol === 'https:' ? null : 'Use an https:// image address.';
  } catch {
    return 'That is not a web address.';
  }
}
