/**
 * Route patterns name an instance's user pages, e.g. `/users/:id` matches `/users/7`. Used by the
 * content script (so: no zod, no storage) and validated in options.
 */

import { t } from './i18n.ts';

/** The signed-in user's own profile page on every instance. */
export const OWN_PROFILE_PATH = '/profile/personal-information';

function toRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(':id', '(\\d+)');
  return new RegExp(`^${escaped}/?$`);
}

/** Why a pattern cannot be used, or null when it can. */
export function routePatternProblem(pattern: string): string | null {
  if (!pattern.startsWith('/')) return t('errRouteSlash', pattern);
  if (pattern.split(':id').length !== 2) return t('errRouteId', pattern);
  if (/[\s?#]/.test(pattern)) return t('errRouteChars', pattern);
  return null;
}

export type PageTarget = { userId: number } | { self: true } | null;

/** Whose profile a page of the instance is about, if any. */
export function pageTarget(pathname: string, patterns: readonly string[]): PageTarget {
  if (pathname.replace(/\/$/, '') === OWN_PROFILE_PATH) return { self: true };
  for (const pattern of patterns) {
    if (routePatternProblem(pattern)) continue;
    const id = Number(toRegExp(pattern).exec(pathname)?.[1]);
    if (Number.isInteger(id) && id > 0) return { userId: id };
  }
  return null;
}
