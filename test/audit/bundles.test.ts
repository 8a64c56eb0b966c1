import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILDS = ['chrome-mv3', 'firefox-mv3'] as const;

function filesOf(build: string, extension: string): { name: string; text: string }[] {
  const root = path.resolve(import.meta.dirname, '../../.output', build);
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((name) => name.endsWith(extension))
    .map((name) => ({ name, text: readFileSync(path.join(root, name), 'utf8') }));
}

describe.each(BUILDS)('production bundles: %s', (build) => {
  const scripts = filesOf(build, '.js');

  it('were built', () => {
    expect(scripts.map((s) => s.name)).toEqual(expect.arrayContaining(['background.js', 'instance-page.js']));
  });

  it.each(scripts.map((s) => [s.name, s.text]))('%s evaluates no strings as code', (_name, text) => {
    expect(text).not.toMatch(/\beval\s*\(/);
    expect(text).not.toMatch(/\bnew\s+Function\b/);
    expect(text).not.toMatch(/\bFunction\s*\(\s*["'`]/);
    expect(text).not.toMatch(/set(Timeout|Interval)\s*\(\s*["'`]/);
  });

  it.each(scripts.map((s) => [s.name, s.text]))('%s loads no remote code', (_name, text) => {
    expect(text).not.toMatch(/import\s*\(\s*["'`]https?:/);
    expect(text).not.toMatch(/importScripts\s*\(/);
    expect(text).not.toMatch(/\.src\s*=\s*["'`]https?:/);
  });

  it.each(scripts.map((s) => [s.name, s.text]))('%s writes no markup through innerHTML', (_name, text) => {
    // Emptying an element (`innerHTML = ""`, as Quill does to its container) writes no markup.
    expect(text).not.toMatch(/\.(inner|outer)HTML\s*=(?!\s*(""|''|``)[,;)}\s])[^=]/);
    expect(text).not.toMatch(/insertAdjacentHTML|document\.write\(/);
  });

  it('pages load only the extension’s own scripts and styles', () => {
    for (const page of filesOf(build, '.html')) {
      const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      for (const source of sources) expect(source, page.name).toMatch(/^\/(chunks|assets)\//);
    }
  });

  it('bundles no webextension-polyfill: every context uses the browser’s own promise-based API', () => {
    const withPolyfill = scripts.filter((s) =>
      /minArgs|should only be loaded in a browser extension/.test(s.text),
    );
    expect(withPolyfill.map((s) => s.name)).toEqual([]);
  });

  it('the page script bundles neither zod nor storage nor the polyfill', () => {
    const pageScript = scripts.find((s) => s.name === 'instance-page.js')?.text ?? '';
    expect(pageScript).not.toMatch(/ZodError|\$ZodType|jitless/);
    expect(pageScript).not.toMatch(/storage\.(local|session|sync)/);
    expect(pageScript).not.toMatch(/minArgs/);
  });
});
