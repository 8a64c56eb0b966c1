/**
 * Reads a numeric user id claim out of a JWT-shaped API token, to pre-fill the User ID field.
 * A convenience only: nothing is trusted from it, the instance decides who the token belongs to.
 */
import { normalizeToken } from './client.ts';

const CLAIMS = ['userId', 'user_id', 'uid', 'sub', 'id'] as const;

export function userIdFromToken(rawToken: string): number | null {
  const payload = normalizeToken(rawToken).split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as Record<string, unknown>;
    for (const name of CLAIMS) {
      const value = Number(claims[name]);
      if (Number.isInteger(value) && value > 0) return value;
    }
  } catch {
    // Not a JWT: nothing to read.
  }
  return null;
}
