/**
 * axe-core on every extension page state the tests reach: each time a test waits for something
 * to show on an extension page, the page as it then is gets checked (once per distinct state).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { E2EPage } from './browsers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const checkedStates = new Set<string>();

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

export async function expectAccessible(page: E2EPage): Promise<void> {
  const url = await page.url();
  if (!/^(chrome|moz)-extension:/.test(url)) return;
  const scheme = () => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  // biome-ignore lint/performance/useDomNodeTextContent: a state is what is on screen
  const shown = await page.evaluate(() => document.body.innerText, null);
  const state = `${url.split('?')[0]} ${await page.evaluate(scheme, null)} ${shown}`;
  if (checkedStates.has(state)) return;
  checkedStates.add(state);
  await page.evaluateScript(`if (!window.axe) { ${axeSource} }`);
  const violations = (await page.evaluateScript(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  )) as Violation[];
  if (violations.length > 0) {
    const details = violations.map(
      (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    throw new Error(`Accessibility violations on ${url}:\n${details.join('\n')}`);
  }
}
