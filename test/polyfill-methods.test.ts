import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { editDependency, POLYFILL_TABLE, POLYFILLED_METHODS } from '../wxt.config.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const POLYFILL = path.join(ROOT, 'node_modules/webextension-polyfill/dist/browser-polyfill.js');

function sourcesUnder(folder: string): string[] {
  return (readdirSync(path.join(ROOT, folder), { recursive: true }) as string[])
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => readFileSync(path.join(ROOT, folder, name), 'utf8'));
}

it('keeps the polyfill’s wrappers for exactly the methods the extension calls', () => {
  const polyfill = readFileSync(POLYFILL, 'utf8');
  const table: Record<string, Record<string, unknown>> = JSON.parse(
    POLYFILL_TABLE.exec(polyfill)?.[0] ?? '{}',
  );
  const wrapped = Object.entries(table).flatMap(([namespace, methods]) =>
    Object.keys(methods).map((method) => `${namespace}.${method}`),
  );
  const called = new Set(
    ['entrypoints', 'utils', 'components']
      .flatMap(sourcesUnder)
      .flatMap((source) =>
        [...source.matchAll(/\bbrowser\.(\w+)\.(\w+)/g)].map((match) => `${match[1]}.${match[2]}`),
      ),
  );
  const kept = Object.entries(POLYFILLED_METHODS).flatMap(([namespace, methods]) =>
    methods.map((method) => `${namespace}.${method}`),
  );
  expect(wrapped).toContain('alarms.clear'); // the table was found
  expect(kept.sort()).toEqual(wrapped.filter((method) => called.has(method)).sort());
});

/** The polyfill as the background bundles it, run in a browser with these globals. */
function bundledPolyfillIn(globals: { chrome: object; browser?: object }) {
  const source = editDependency(POLYFILL, readFileSync(POLYFILL, 'utf8')) ?? '';
  // The edit makes it an ES module; vm runs scripts, so its export becomes the script's value.
  const script = source.replace(/^export default (module\.exports);$/m, '$1;');
  return vm.runInNewContext(script, { ...globals, console }) as Record<
    string,
    Record<string, (...args: unknown[]) => unknown>
  >;
}

it('hands over the browser’s own `browser` where there is one (Chrome 148 on, Firefox)', () => {
  const browser = { runtime: { id: 'ours' } };
  expect(bundledPolyfillIn({ chrome: { runtime: { id: 'ours' } }, browser })).toBe(browser);
});

// A Chrome without `browser` (before 148), where the polyfill does its work: callback-only `chrome`,
// one method of each kind.
it('turns the kept calls into promises in a Chrome without `browser`, passes the others through, and answers messages with promises', async () => {
  let listener: (message: unknown, sender: unknown, respond: (answer: unknown) => void) => unknown = () => {};
  const chrome = {
    runtime: {
      id: 'ours',
      onMessage: { addListener: (wrapped: typeof listener) => (listener = wrapped) },
    },
    tabs: { query: (_query: object, callback: (tabs: object[]) => void) => callback([{ id: 7 }]) },
    scripting: { executeScript: () => Promise.resolve('native promise') },
  };
  const browser = bundledPolyfillIn({ chrome });

  await expect(browser.tabs?.query?.({})).resolves.toEqual([{ id: 7 }]);
  await expect(browser.scripting?.executeScript?.()).resolves.toBe('native promise');

  const onMessage = browser.runtime?.onMessage as unknown as { addListener(listen: () => unknown): void };
  onMessage.addListener(() => Promise.resolve({ ok: true }));
  const answer = new Promise((respond) => expect(listener('hello', {}, respond)).toBe(true));
  await expect(answer).resolves.toEqual({ ok: true });
});
