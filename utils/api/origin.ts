/**
 * Turns whatever a user pastes as their instance's address into an origin, or says why not.
 * Plain http is accepted only for local development hosts.
 */
import { fail, ok, type Result } from './errors.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;
const HOST_LABELS = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;

function invalid(message: string): Result<string> {
  return fail({ kind: 'invalidInput', message });
}

export function normalizeInstanceOrigin(input: string): Result<string> {
  const text = input.trim();
  if (text === '') return invalid("Enter your instance's address, for example creators-hub-instance.com.");
  if (/\s/.test(text))
    return invalid('That is not a web address. Enter something like creators-hub-instance.com.');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return invalid(`“${scheme}:” addresses are not supported. Use the https:// address of your instance.`);
  }
  const bareHost = text.split(/[/:?#]/)[0]?.toLowerCase() ?? '';
  const withScheme = scheme ? text : `${LOCAL_HOSTS.has(bareHost) ? 'http' : 'https'}://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return invalid('That is not a web address. Enter something like creators-hub-instance.com.');
  }
  if (url.username || url.password) return invalid('Leave the user name and password out of the address.');
  const host = url.hostname;
  const isLocal = LOCAL_HOSTS.has(host);
  if (!isLocal && (!HOST_LABELS.test(host) || !host.includes('.'))) {
    return invalid(
      `“${host || text}” is not a valid host name. Enter something like creators-hub-instance.com.`,
    );
  }
  if (url.protocol === 'http:' && !isLocal) {
    return invalid('Plain http:// is only allowed for localhost. Use the https:// address of your instance.');
  }
  return ok(url.origin);
}

/** A short name for messages: the host, without the scheme. */
export function hostOf(origin: string): string {
  return new URL(origin).host;
}
