import path from 'node:path';
import { minify } from 'terser';
import type { Alias, Plugin } from 'vite';
import { defineConfig } from 'wxt';

/** Origins a Creators Hub instance may live on; the user grants one at a time from options. */
const INSTANCE_ORIGIN_PATTERNS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * The `e2e` mode builds a test variant that is granted the local simulator at install,
 * because automated Chromium cannot answer a permission prompt. Production builds ask for
 * no host at install.
 */
const E2E_GRANTED_HOSTS = ['http://127.0.0.1/*'];

/**
 * The methods the background calls that webextension-polyfill wraps, by namespace (only the
 * background bundles the polyfill). The polyfill turns callback APIs into promise ones from a table
 * of every namespace's methods; the table is cut to these (see DEPENDENCY_EDITS), and other calls go
 * to the browser's own API, as the pages' do. Storage areas are kept whole: `@webext-core/storage`
 * calls their methods through variables. `test/polyfill-methods.test.ts` fails when a wrapped method
 * is called but missing here.
 */
export const POLYFILLED_METHODS: Record<string, string[]> = {
  contextMenus: ['removeAll'],
  permissions: ['contains', 'remove', 'request'],
  runtime: ['openOptionsPage'],
  storage: ['local', 'sync'],
  tabs: ['query'],
  windows: ['create'],
};
/**
 * The polyfill's wrappers beyond its table, all cut but the one the background needs: its
 * `runtime.onMessage` listener answers with a promise. The background sends no message, has no
 * devtools page and no privacy permission; `test/polyfill-methods.test.ts` fails if it comes to
 * use one of these.
 */
export const POLYFILL_CUT_WRAPPERS = [
  'devtools.network.onRequestFinished',
  'runtime.onMessageExternal',
  'runtime.sendMessage',
  'tabs.sendMessage',
  'privacy',
];
/**
 * zod/mini's schema methods the extension never calls: it parses with `z.safeParse(schema, value)`
 * and builds schemas with `.check()`. The methods pull in zod's throwing and async parsers, which
 * would be bundled unused (0.24 kB gzip of the background, 0.26 kB of the popup).
 * `test/zod-edits.test.ts` fails when the extension calls one of them.
 */
export const ZOD_CUT_METHODS = [
  'with',
  'parse',
  'parseAsync',
  'safeParse',
  'safeParseAsync',
  'brand',
  'register',
  'apply',
];
const ZOD_MINI_SCHEMAS = /zod[\\/]v4[\\/]mini[\\/]schemas\.js$/;
const ZOD_CORE_SCHEMAS = /zod[\\/]v4[\\/]core[\\/]schemas\.js$/;
const POLYFILL_MODULE = /webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
/** The polyfill's table in `dist/browser-polyfill.js`: JSON, namespace → method → argument counts. */
export const POLYFILL_TABLE = /(?<=const apiMetadata = )\{[\s\S]*?\n {6}\}(?=;)/;
/** The polyfill's UMD wrapper; the body of its factory, which sets `module.exports`, is captured. */
const POLYFILL_UMD = /^\(function \(global, factory\) \{[\s\S]*?, function \(module\) \{\n([\s\S]*)\n\}\);\n/;

interface DependencyEdit {
  module: RegExp;
  find: RegExp;
  replace: (match: string, captured: string) => string;
}

/**
 * Removes member `name` of a class or object body whose members are indented by four spaces, as
 * zod's are: a method, or an accessor's getter and setter together.
 */
function withoutMember(module: RegExp, name: string): DependencyEdit {
  const member = `\\n {4}(?:get |set )?${name}\\([^)]*\\) \\{[\\s\\S]*?\\n {4}\\},`;
  return { module, find: new RegExp(`(?:${member})+(?=\\n)`), replace: () => '' };
}

/**
 * Edits to dependencies as they are bundled: code paths the extension never takes are cut, and the
 * polyfill loses its UMD wrapper. Each edit fails the build if its target moved.
 * - Preact's `dangerouslySetInnerHTML`: server HTML is never rendered as markup (it could only be
 *   a hole, and store reviewers flag it).
 * - zod's JIT parser, built with `new Function`: extension pages forbid eval, and zod's probe
 *   for it would log a CSP violation (zod is also configured `jitless`, see utils/api/schemas.ts).
 * - zod/mini's schema methods the extension never calls (see ZOD_CUT_METHODS).
 * - zod's Standard Schema interface (`~standard`), for libraries that take any validator: the
 *   extension hands its schemas to none (0.14 kB gzip of the background).
 * - zod's early size cap for arrays, which acts only on zod's own size checks: the extension checks
 *   sizes with refinements instead (see utils/api/schemas.ts), so the cap never acts (0.2 kB).
 * - webextension-polyfill's table of the methods it wraps, down to those the background calls: the
 *   rest were ≈1 kB of the background's 18.7 kB gzip, for calls never made. Its other wrappers, down
 *   to `runtime.onMessage` (see POLYFILL_CUT_WRAPPERS): 0.25 kB.
 * - webextension-polyfill's UMD wrapper, for an ES module's export: bundled as CommonJS, the
 *   polyfill came with an interop layer that copied the exported `browser` object's properties
 *   onto another object at start (0.33 kB gzip of the background).
 */
const DEPENDENCY_EDITS: DependencyEdit[] = [
  {
    module: /preact[\\/]dist[\\/]preact\.mjs$/,
    find: /(\w+)\.innerHTML=(\w+)\.__html/,
    replace: () => '(()=>{throw Error("dangerouslySetInnerHTML is disabled")})()',
  },
  {
    module: /zod[\\/]v4[\\/]core[\\/]util\.js$/,
    find: /const F = Function;\s*new F\(""\);\s*return true;/,
    replace: () => 'return false;',
  },
  {
    module: /zod[\\/]v4[\\/]core[\\/]doc\.js$/,
    find: /const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);/,
    replace: () => 'throw new Error("zod JIT is disabled");',
  },
  withoutMember(ZOD_CORE_SCHEMAS, '"~standard"'),
  {
    module: ZOD_CORE_SCHEMAS,
    find: /\n {4}capSize\(inst, arraySize\);(?=\n)/,
    replace: () => '',
  },
  ...ZOD_CUT_METHODS.map((method) => withoutMember(ZOD_MINI_SCHEMAS, method)),
  {
    module: POLYFILL_MODULE,
    find: POLYFILL_UMD,
    replace: (_wrapper, body) => `const module = { exports: {} };\n${body}\nexport default module.exports;\n`,
  },
  {
    module: POLYFILL_MODULE,
    find: /\n {6}const onRequestFinishedWrappers = new DefaultWeakMap\([\s\S]*?\n {6}\}\);(?=\n)/,
    replace: () => '',
  },
  {
    module: POLYFILL_MODULE,
    find: /\n {6}const wrappedSendMessageCallback = [\s\S]*?\n {6}apiMetadata\.privacy = \{[\s\S]*?\n {6}\};(?=\n)/,
    replace: () => '\n      const staticWrappers = { runtime: { onMessage: wrapEvent(onMessageWrappers) } };',
  },
  {
    module: POLYFILL_MODULE,
    find: POLYFILL_TABLE,
    replace: (table) => {
      const wrapped: Record<string, Record<string, unknown>> = JSON.parse(table);
      const kept = Object.entries(POLYFILLED_METHODS).map(([namespace, methods]) => [
        namespace,
        Object.fromEntries(methods.map((method) => [method, wrapped[namespace]?.[method]])),
      ]);
      return JSON.stringify(Object.fromEntries(kept));
    },
  },
];

/** The source of module `id` with its DEPENDENCY_EDITS made, or null when it has none. */
export function editDependency(id: string, code: string): string | null {
  const edits = DEPENDENCY_EDITS.filter((edit) => edit.module.test(id));
  if (edits.length === 0) return null;
  return edits.reduce((result, edit) => {
    if (!edit.find.test(result)) throw new Error(`${id} changed: update DEPENDENCY_EDITS in wxt.config.ts`);
    return result.replace(edit.find, edit.replace);
  }, code);
}

export function editedDependencies(): Plugin {
  return {
    name: 'profile-quick-edit:edited-dependencies',
    transform(code, id) {
      try {
        return editDependency(id, code);
      } catch (error) {
        this.error((error as Error).message);
      }
    },
  };
}

/**
 * A second minifier pass: terser's compressor over the output of Vite's own minifier (oxc) finds
 * what oxc leaves, 0.26 kB gzip of the background, 0.1 kB of the page script, 0.05 kB of the
 * popup. Terser alone, on unminified code, does worse than the two in turn.
 */
function terserPass(): Plugin {
  let minified = true;
  return {
    name: 'profile-quick-edit:terser-pass',
    apply: 'build',
    configResolved(config) {
      // Source maps, where asked for, describe oxc's output: the pass would leave them wrong.
      minified = config.build.minify !== false && !config.build.sourcemap;
    },
    async generateBundle(output, bundle) {
      if (!minified) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, {
          module: output.format === 'es',
          ecma: 2020,
          compress: { passes: 3 },
        });
        if (result.code === undefined) this.error(`terser returned nothing for ${chunk.fileName}`);
        chunk.code = result.code;
      }
    },
  };
}

/**
 * Each page's stylesheet is written into its HTML instead of a file of its own: the page's module
 * script does not run until every stylesheet has loaded, and fetching one more extension file held
 * the popup's first render back by ≈2–3 ms (A/B runs with `npm run bench`'s harness). Extension
 * pages' CSP limits scripts, not styles.
 */
function stylesInPages(): Plugin {
  const stylesheet = /<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g;
  return {
    name: 'profile-quick-edit:styles-in-pages',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, filename }) {
        if (!bundle) return html; // `wxt dev` serves the stylesheets
        return html.replace(stylesheet, (_tag, file: string) => {
          const asset = bundle[file];
          const css = asset?.type === 'asset' ? String(asset.source) : null;
          // Addresses inside the stylesheet would resolve against the page instead: refuse them.
          if (css === null || /<\/style|url\(/i.test(css)) this.error(`${filename}: cannot inline ${file}`);
          delete bundle[file];
          return `<style>${css}</style>`;
        });
      },
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  publicDir: 'assets/public',
  manifestVersion: 3,
  webExt: { disabled: true },
  hooks: {
    // Each page is built on its own into one script, instead of sharing chunks with the others:
    // the popup then loads one file rather than three and paints ~6 ms sooner (measured with
    // `npm run bench`), and one file compresses better than three.
    'entrypoints:grouped': (_wxt, groups) => {
      const separated = groups.flatMap((group) =>
        Array.isArray(group) ? group.map((page) => [page]) : [group],
      );
      groups.splice(0, groups.length, ...separated);
    },
    // Pages and the page script use the browser's own promise-based API (utils/native-browser.ts);
    // only the background bundles webextension-polyfill.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.some((entry) => entry.type === 'background')) return;
      const existing = viteConfig.resolve?.alias ?? [];
      const aliases: Alias[] = Array.isArray(existing)
        ? [...existing]
        : Object.entries(existing).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      viteConfig.resolve = {
        ...viteConfig.resolve,
        alias: [
          {
            find: /^webextension-polyfill$/,
            replacement: path.resolve(import.meta.dirname, 'utils/native-browser.ts'),
          },
          ...aliases,
        ],
      };
    },
  },
  vite: () => ({
    // Both browsers preload modules natively.
    build: { target: 'es2022', modulePreload: { polyfill: false } },
    plugins: [editedDependencies(), stylesInPages(), terserPass()],
  }),
  // `wxt build --analyze` (used by `npm run bench`) writes per-module sizes as JSON.
  analysis: { template: 'raw-data', outputFile: '.output/analysis/stats.json', keepArtifacts: true },
  zip: {
    // Mozilla's reviewers rebuild from these sources with the README's commands.
    excludeSources: [
      '.output/**',
      'e2e/**',
      'test/**',
      'simulator/**',
      'scripts/**',
      '.ci/**',
      'assets/store/**',
    ],
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    permissions: ['storage', 'scripting', 'contextMenus'],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandOpenEditor__',
      },
    },
    optional_host_permissions: INSTANCE_ORIGIN_PATTERNS,
    ...(mode === 'e2e' ? { host_permissions: E2E_GRANTED_HOSTS } : {}),
    // Chrome 102 brought storage.session, where tokens are kept by default: an older Chrome would
    // install the extension and fail as it starts. The one younger API used, opening the side
    // panel (116), is optional: without it the editor opens in a small window (utils/open-editor.ts).
    ...(browser === 'chrome' ? { minimum_chrome_version: '102' } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'profile-quick-edit@creatorshub-tools.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android understands data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
