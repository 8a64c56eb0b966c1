/**
 * Turns whatever a user pastes as their instance's address into an origin, or says why not.
 * Plain http is accepted only for local development hosts.
 */

import { t } from '../i18n.ts';
import { fail, ok, type Result } from './errors.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;
const HOST_LABELS = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;

function invalid(message: string): Result<string> {
  return fail({ kind: 'invalidInput', message });
}

export function normalizeInstanceOrigin(input: string): Result<string> {
  const text = input.trim();
  if (text === '') return invalid(t('errAddressEmpty'));
  if (/\s/.test(text)) return invalid(t('errAddressNotWeb'));
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return invalid(t('errAddressScheme', scheme));
  }
  const bareHost = text.split(/[/:?#]/)[0]?.toLowerCase() ?? '';
  const withScheme = scheme ? text : `${LOCAL_HOSTS.has(bareHost) ? 'http' : 'https'}://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return invalid(t('errAddressNotWeb'));
  }
  if (url.username || url.password) return invalid(t('errAddressCredentials'));
  const host = url.hostname;
  const isLocal = LOCAL_HOSTS.has(host);
  if (!isLocal && (!HOST_LABELS.test(host) || !host.includes('.'))) {
    return invalid(t('errAddressHost', host || text));
  }
  if (url.protocol === 'http:' && !isLocal) {
    return invalid(t('errAddressHttp'));
  }
  return ok(url.origin);
}

/** A short name for messages: the host, without the scheme. */
export function hostOf(origin: string): string {
  return new URL(origin).host;
}
