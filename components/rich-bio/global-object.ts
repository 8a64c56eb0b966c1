/**
 * lodash's lookup of the global object, for the rich editor's bundle. lodash finds it as `self`
 * in every page, but keeps `Function("return this")()` as a last resort, which the extension
 * stores' reviewers flag as eval; this module answers the same question without it.
 */
export default globalThis;
