// The unit tests run zod as the build edits it (vitest.config.ts); these check the edits themselves
// and that the extension's sources rely on nothing they cut.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as z from 'zod/mini';
import { maxLength } from '../utils/api/schemas.ts';
import { editDependency, ZOD_CUT_METHODS } from '../wxt.config.ts';
import { extensionSources, ROOT } from './sources.ts';

function edited(module: string): string {
  const file = path.join(ROOT, 'node_modules/zod/v4', module);
  return editDependency(file, readFileSync(file, 'utf8')) ?? '';
}

const sources = extensionSources();

it('bundles zod/mini’s schemas without the methods the extension never calls, and keeps the ones it does', () => {
  const members = [...edited('mini/schemas.js').matchAll(/^ {4}(?:get |set )?(\w+)\(/gm)].map(
    (match) => match[1],
  );
  for (const method of ZOD_CUT_METHODS) expect(members).not.toContain(method);
  expect(members).toEqual(expect.arrayContaining(['check', 'clone']));
  const schema = z.string() as unknown as Record<string, unknown>;
  expect(schema.parse).toBeUndefined(); // the unit tests’ zod is the edited one
});

it('the extension calls none of the zod/mini methods the build cuts', () => {
  // `z.safeParse(schema, value)` and `JSON.parse(text)` are functions, not schema methods.
  const call = new RegExp(`(?<!\\b(?:z|JSON|Date|Reflect))\\.(?:${ZOD_CUT_METHODS.join('|')})\\(`);
  expect(sources.join('\n')).toMatch(/\bz\.safeParse\(/); // the sources were found
  for (const source of sources) expect(source).not.toMatch(call);
});

it('bundles zod without its Standard Schema interface, which the extension hands no schema to', () => {
  expect(edited('core/schemas.js')).not.toContain('"~standard"()');
  expect(z.string()).not.toHaveProperty('~standard');
  for (const source of sources) expect(source).not.toContain('~standard');
});

it('bundles zod’s arrays without the size cap that only zod’s own size checks use; the extension’s limits still hold', () => {
  expect(edited('core/schemas.js')).not.toMatch(/capSize\(inst, arraySize\)/);
  for (const source of sources)
    expect(source).not.toMatch(/\bz\.(maxLength|minLength|length|maxSize|minSize|size)\(/);
  const patterns = z.array(z.string()).check(maxLength(2));
  expect(z.safeParse(patterns, ['/a', '/b']).success).toBe(true);
  expect(z.safeParse(patterns, ['/a', '/b', '/c']).success).toBe(false);
});
