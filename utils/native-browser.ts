/**
 * Extension pages' `webextension-polyfill`: the browser's own namespace. In Manifest V3 both
 * Chrome's `chrome.*` and Firefox's `browser.*` return promises for every call the pages make,
 * so the polyfill's 3 kB buy them nothing; the background, whose message listener answers with
 * promises, keeps the real polyfill (see wxt.config.ts).
 */
const scope = globalThis as { browser?: unknown; chrome?: unknown };

export default (scope.browser ?? scope.chrome) as typeof import('webextension-polyfill');
