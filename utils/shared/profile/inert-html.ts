/**
 * Server HTML turned into a document that runs and loads nothing: DOMParser's documents have no
 * browsing context. Chromium still checks each event-handler attribute (`onerror="…"`) against
 * the page's script policy as it parses, and logs a violation for it; such attributes are renamed
 * first (`onerror` → `x-onerror`), inside tags only, so nothing is checked and nothing is logged.
 * Readers see them under the new name (HANDLER_PREFIX) and treat them as unsupported.
 */
export const HANDLER_PREFIX = 'x-';

/** A start tag: its name, then attributes with quoted or bare values. */
const START_TAG = /<[a-z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/gi;
const HANDLER_ATTRIBUTE = /(\s)(on[a-z]+)(?=\s*=|[\s/>])(?=(?:[^"']|"[^"]*"|'[^']*')*$)/gi;

/** The HTML with every event-handler attribute renamed, so that it is no handler. */
export function withoutHandlers(html: string): string {
  return html.replace(START_TAG, (tag) => tag.replace(HANDLER_ATTRIBUTE, `$1${HANDLER_PREFIX}$2`));
}

export function inertDocument(html: string): Document {
  return new DOMParser().parseFromString(withoutHandlers(html), 'text/html');
}
