/** The extension's own sources, for tests that check what the code uses. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** The text of each TypeScript file the extension is built from (entrypoints, components, utils). */
export function extensionSources(): string[] {
  return ['entrypoints', 'components', 'utils'].flatMap((dir) =>
    (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => readFileSync(path.join(ROOT, dir, file), 'utf8')),
  );
}
