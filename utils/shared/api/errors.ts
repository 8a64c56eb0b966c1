/**
 * Errors cross every boundary as data. Each kind carries a message a person can act on; none
 * ever contains a token.
 */

export const API_ERROR_KINDS = [
  'unauthorized',
  'forbidden',
  'notFound',
  'rateLimited',
  'server',
  'network',
  'timeout',
  'invalidResponse',
  'invalidInput',
  'notConfigured',
  /** The background refused a message: wrong sender or malformed payload. */
  'rejected',
  /** The background stopped before it answered (browsers stop idle extension workers). */
  'interrupted',
] as const;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

export interface ApiError {
  kind: ApiErrorKind;
  message: string;
  /** HTTP status, when the instance answered. */
  status?: number;
  /** When a rate limit ends (epoch ms). */
  retryAt?: number;
  /** The response field that failed validation. */
  field?: string;
  /** A save whose outcome could not be confirmed: the draft must be kept and re-checked. */
  outcomeUnknown?: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ApiError): Result<T> {
  return { ok: false, error };
}
