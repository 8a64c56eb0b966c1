import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { editDependency, POLYFILL_CUT_WRAPPERS, POLYFILL_TABLE, POLYFILLED_METHODS } from '../wxt.config.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const POLYFILL = path.join(ROOT, 'node_modules/webextension-polyfill/dist/browser-polyfill.js');

/** The sources the background bundles: its entrypoint and every project module it imports. */
function backgroundSources(): string[] {
  const sources = new Map<string, string>();
  const visit = (file: string) => {
    if (sources.has(file)) return;
    const source = readFileSync(file, 'utf8');
    sources.set(file, source);
    for (const [, specifier = ''] of source.matchAll(
      /^(?:import|export) (?!type )[^;]*? from '(@\/[^']*|\.[^']*)'/gm,
    )) {
      const base = specifier.startsWith('@/')
        ? path.join(ROOT, specifier.slice(2))
        : path.resolve(path.dirname(file), specifier);
      const resolved = [base, `${base}.ts`, path.join(base, 'index.ts')].find(
        (candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate),
      );
      if (!resolved) throw new Error(`${file}: cannot resolve ${specifier}`);
      visit(resolved);
    }
  };
  visit(path.join(ROOT, 'entrypoints/background.ts'));
  return [...sources.values()];
}

it('keeps the polyfill’s wrappers for exactly the methods the background calls', () => {
  const polyfill = readFileSync(POLYFILL, 'utf8');
  const table: Record<string, Record<string, unknown>> = JSON.parse(
    POLYFILL_TABLE.exec(polyfill)?.[0] ?? '{}',
  );
  const wrapped = Object.entries(table).flatMap(([namespace, methods]) =>
    Object.keys(methods).map((method) => `${namespace}.${method}`),
  );
  const sources = backgroundSources();
  const called = new Set(
    sources.flatMap((source) =>
      [...source.matchAll(/\bbrowser\.(\w+)\.(\w+)/g)].map((match) => `${match[1]}.${match[2]}`),
    ),
  );
  const kept = Object.entries(POLYFILLED_METHODS).flatMap(([namespace, methods]) =>
    methods.map((method) => `${namespace}.${method}`),
  );
  expect(wrapped).toContain('alarms.clear'); // the table was found
  expect(called).toContain('storage.onChanged'); // the background's sources were found
  expect(kept.sort()).toEqual(wrapped.filter((method) => called.has(method)).sort());
  for (const cut of POLYFILL_CUT_WRAPPERS) {
    expect(sources.join('\n')).not.toContain(`browser.${cut}`);
  }
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
