import { readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
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
 * The e2e variant also carries e2e/probe/storage-probe.js, a content script that reads every
 * storage area on the simulator's pages, to show what a content script could reach.
 */
const E2E_STORAGE_PROBE = 'storage-probe.js';

/**
 * Preact renders `dangerouslySetInnerHTML` through an `innerHTML` assignment, which the Firefox
 * store's linter flags. The extension never renders markup that way (server HTML is parsed into
 * elements, utils/shared/profile/bio.ts), so that one assignment is replaced by a throw. Preact's version
 * is pinned exactly in package.json: an update that moves the line fails the build here instead
 * of shipping unnoticed.
 */
function withoutPreactInnerHtml(): Plugin {
  const module = /[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
  const assignment = /(\w+)\.innerHTML=(\w+)\.__html/;
  return {
    name: 'profile-quick-edit:without-preact-inner-html',
    transform(code, id) {
      if (!module.test(id)) return null;
      if (!assignment.test(code))
        this.error('Preact changed: update withoutPreactInnerHtml in wxt.config.ts');
      return code.replace(assignment, '(()=>{throw Error("dangerouslySetInnerHTML is disabled")})()');
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

/**
 * Modules of the rich bio editor's dependencies resolved to equivalents, by import name (no
 * dependency's source is edited). Each removes code the stores' linter flags:
 * - quill-delta's lodash.clonedeep and lodash.isequal (CommonJS builds) → the same functions
 *   from lodash-es, which Quill already bundles (components/rich-bio/*.cjs hand them over);
 * - Quill's clean-up of pasted Word and Google Docs HTML → components/rich-bio/paste-normalisers.ts.
 * lodash-es's global-object lookup is resolved the same way by lodashGlobalObject().
 * `npm test` runs `web-ext lint` on the build, which fails if any of them stops applying.
 */
const RICH_EDITOR_ALIASES: Alias[] = [
  {
    find: /^lodash\.clonedeep$/,
    replacement: path.resolve(import.meta.dirname, 'components/rich-bio/clone-deep.cjs'),
  },
  {
    find: /^lodash\.isequal$/,
    replacement: path.resolve(import.meta.dirname, 'components/rich-bio/is-equal.cjs'),
  },
  {
    find: /^\.\/normalizeExternalHTML\/index\.js$/,
    replacement: path.resolve(import.meta.dirname, 'components/rich-bio/paste-normalisers.ts'),
  },
];

/** lodash-es's `./_root.js` (its global-object lookup) → `globalThis` (components/rich-bio/global-object.ts). */
function lodashGlobalObject(): Plugin {
  const replacement = path.resolve(import.meta.dirname, 'components/rich-bio/global-object.ts');
  return {
    name: 'profile-quick-edit:lodash-global-object',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === './_root.js' && importer && /[\\/]lodash-es[\\/]/.test(importer) ? replacement : null;
    },
  };
}

/**
 * The privacy page (entrypoints/privacy/) is PRIVACY.md, rendered at build time, so the policy in
 * the repository and the one inside the extension are the same text, readable offline.
 */
function privacyPolicyPage(): Plugin {
  return {
    name: 'profile-quick-edit:privacy-policy-page',
    transformIndexHtml(html) {
      if (!html.includes('<!-- PRIVACY.md -->')) return html;
      const policy = marked.parse(readFileSync(path.resolve(import.meta.dirname, 'PRIVACY.md'), 'utf8'), {
        async: false,
      });
      return html.replace('<!-- PRIVACY.md -->', policy);
    },
  };
}

export default defineConfig({
  imports: false,
  publicDir: 'assets/public',
  manifestVersion: 3,
  webExt: { disabled: true },
  hooks: {
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.mode !== 'e2e') return;
      files.push({
        absoluteSrc: path.resolve(import.meta.dirname, 'e2e/probe', E2E_STORAGE_PROBE),
        relativeDest: E2E_STORAGE_PROBE,
      });
    },
    // A page's first script holds everything its first paint needs (its static imports, Preact
    // included), and what it loads after the paint imports from that script: one file to fetch
    // before the paint, which compresses better than two. (Rolldown would otherwise move modules
    // the deferred parts share with the page into a chunk of their own.)
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.inputPath.endsWith('.html'))) return;
      config.build ??= {};
      config.build.rolldownOptions ??= {};
      config.build.rolldownOptions.output = {
        ...config.build.rolldownOptions.output,
        codeSplitting: { groups: [{ name: 'first-paint', tags: ['$initial'] }] },
      };
    },
    // Each page is built on its own, instead of sharing chunks with the others: the popup then
    // loads its own script rather than several and paints ~6 ms sooner (measured with
    // `npm run bench`).
    'entrypoints:grouped': (_wxt, groups) => {
      const separated = groups.flatMap((group) =>
        Array.isArray(group) ? group.map((page) => [page]) : [group],
      );
      groups.splice(0, groups.length, ...separated);
    },
  },
  vite: () => ({
    // Both browsers preload modules natively.
    build: { target: 'es2022', modulePreload: { polyfill: false } },
    resolve: {
      alias: [
        // @webext-core/storage imports webextension-polyfill; Manifest V3 browsers need none.
        {
          find: /^webextension-polyfill$/,
          replacement: path.resolve(import.meta.dirname, 'utils/shared/native-browser.ts'),
        },
        ...RICH_EDITOR_ALIASES,
      ],
    },
    plugins: [withoutPreactInnerHtml(), lodashGlobalObject(), privacyPolicyPage(), stylesInPages()],
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
    ...(mode === 'e2e'
      ? {
          host_permissions: E2E_GRANTED_HOSTS,
          content_scripts: [{ matches: E2E_GRANTED_HOSTS, js: [E2E_STORAGE_PROBE], run_at: 'document_idle' }],
        }
      : {}),
    // Every extension API is called through the browser's own promises (no polyfill). The last of
    // those Chrome gave promises to is contextMenus (removeAll, in 123); storage.session (where
    // tokens are kept) came in 102. Opening the side panel (116) is optional: without it the
    // editor opens in a small window (utils/background/open-editor.ts).
    ...(browser === 'chrome' ? { minimum_chrome_version: '123' } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'profile-quick-edit@creatorshub-tools.org',
              strict_min_version: '140.0',
              // What leaves the browser, to the instance the user connects: see store/firefox-data-collection.md.
              data_collection_permissions: {
                required: ['authenticationInfo', 'personallyIdentifyingInfo', 'locationInfo'],
              },
            },
            // Firefox for Android understands data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
