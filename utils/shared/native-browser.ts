/**
 * What `import browser from 'webextension-polyfill'` resolves to in every bundle (an alias in
 * wxt.config.ts; `@webext-core/storage` imports it): the browser's own namespace. In Manifest V3
 * both Chrome's `chrome.*` and Firefox's `browser.*` return promises for every call made here.
 */
const scope = globalThis as { browser?: unknown; chrome?: unknown };

export default scope.browser ?? scope.chrome;
