import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { editDependency, ZOD_CUT_METHODS } from '../wxt.config.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const MINI_SCHEMAS = path.join(ROOT, 'node_modules/zod/v4/mini/schemas.js');

it('bundles zod/mini’s schemas without the methods the extension never calls, and keeps the ones it does', () => {
  const edited = editDependency(MINI_SCHEMAS, readFileSync(MINI_SCHEMAS, 'utf8')) ?? '';
  const members = [...edited.matchAll(/^ {4}(?:get |set )?(\w+)\(/gm)].map((match) => match[1]);
  for (const method of ZOD_CUT_METHODS) expect(members).not.toContain(method);
  expect(members).toEqual(expect.arrayContaining(['check', 'clone']));
});

it('the extension calls none of the zod/mini methods the build cuts', () => {
  const sources = ['entrypoints', 'utils', 'components'].flatMap((folder) =>
    (readdirSync(path.join(ROOT, folder), { recursive: true }) as string[])
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => readFileSync(path.join(ROOT, folder, name), 'utf8')),
  );
  // `z.safeParse(schema, value)` and `JSON.parse(text)` are functions, not schema methods.
  const call = new RegExp(`(?<!\\b(?:z|JSON|Date|Reflect))\\.(?:${ZOD_CUT_METHODS.join('|')})\\(`);
  expect(sources.join('\n')).toMatch(/\bz\.safeParse\(/); // the sources were found
  for (const source of sources) expect(source).not.toMatch(call);
});
