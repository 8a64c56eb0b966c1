/**
 * The layering rules in biome.json, shown to catch what they are for: each case plants one file
 * in a copy of the project's lint setup and runs the same linter `npm run lint` runs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIOME = path.join(ROOT, 'node_modules', '.bin', 'biome');

/** What the linter says of a file with `source` at `file`: the import rule's messages, if any. */
function lintPlanted(file: string, source: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'layering-'));
  try {
    copyFileSync(path.join(ROOT, 'biome.json'), path.join(dir, 'biome.json'));
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
    const run = spawnSync(BIOME, ['lint', '--max-diagnostics=50', '.'], { cwd: dir, encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    return output.includes('noRestrictedImports')
      ? output.split('\n').filter((line) => line.includes('×'))
      : [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm run lint keeps code where it runs', () => {
  it('fails on token storage imported into an extension page', () => {
    const messages = lintPlanted(
      'components/Planted.tsx',
      "import { getToken } from '@/utils/background/token-storage';\nexport const planted = getToken;\n",
    );
    expect(messages.join('\n')).toContain('never import the background');
  });

  it('fails on zod, or on extension storage, imported into the script on instance pages', () => {
    expect(
      lintPlanted(
        'utils/content/planted.ts',
        "import * as z from 'zod/mini';\nexport const planted = z.string();\n",
      ).join('\n'),
    ).toContain('carries no zod');
    expect(
      lintPlanted(
        'utils/content/planted.ts',
        "import { getInstances } from '../shared/storage.ts';\nexport const planted = getInstances;\n",
      ).join('\n'),
    ).toContain('reads no extension storage');
  });

  it('fails on shared code that reaches into a context', () => {
    const messages = lintPlanted(
      'utils/shared/planted.ts',
      "import { sendMessage } from '../pages/messaging.ts';\nexport const planted = sendMessage;\n",
    );
    expect(messages.join('\n')).toContain('imports only from utils/shared');
  });

  it('lets the background use its token storage', () => {
    expect(
      lintPlanted(
        'utils/background/handlers/planted.ts',
        "import { getToken } from '../token-storage.ts';\nexport const planted = getToken;\n",
      ),
    ).toEqual([]);
  });
});
