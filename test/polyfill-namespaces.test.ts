import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { POLYFILL_TABLE, POLYFILLED_NAMESPACES } from '../wxt.config.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function sourcesUnder(folder: string): string[] {
  return (readdirSync(path.join(ROOT, folder), { recursive: true }) as string[])
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => readFileSync(path.join(ROOT, folder, name), 'utf8'));
}

it('keeps the polyfill’s wrappers for exactly the API namespaces the extension calls', () => {
  const polyfill = readFileSync(
    path.join(ROOT, 'node_modules/webextension-polyfill/dist/browser-polyfill.js'),
    'utf8',
  );
  const wrapped = Object.keys(JSON.parse(POLYFILL_TABLE.exec(polyfill)?.[0] ?? '{}'));
  const called = new Set(
    ['entrypoints', 'utils', 'components']
      .flatMap(sourcesUnder)
      .flatMap((source) => [...source.matchAll(/\bbrowser\.(\w+)\./g)].map((match) => match[1] ?? '')),
  );
  expect(wrapped).toContain('alarms'); // the table was found
  expect([...POLYFILLED_NAMESPACES].sort()).toEqual(wrapped.filter((name) => called.has(name)).sort());
});
