/**
 * `npm run verify:sources`: what Mozilla's reviewers do. Makes the store zips (`npm run zip`),
 * unpacks the sources zip into a clean folder, installs from its lockfile and builds with the
 * README's command, then compares the Firefox build with the Firefox zip, file by file. Any
 * difference fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT = path.join(ROOT, '.output');
const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function run(command: string, args: string[], cwd: string) {
  console.log(`\n$ ${command} ${args.join(' ')}   (in ${cwd})`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function entries(zipFile: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

function filesUnder(dir: string): Map<string, Buffer> {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  return new Map(names.map((file) => [file, readFileSync(path.join(dir, file))]));
}

run('npm', ['run', '--silent', 'zip'], ROOT);
const sourcesZip = path.join(OUTPUT, `${name}-${version}-sources.zip`);
const firefoxZip = path.join(OUTPUT, `${name}-${version}-firefox.zip`);

const clean = mkdtempSync(path.join(tmpdir(), 'pqe-sources-'));
try {
  for (const [file, bytes] of await entries(sourcesZip)) {
    mkdirSync(path.dirname(path.join(clean, file)), { recursive: true });
    writeFileSync(path.join(clean, file), bytes);
  }
  run('npm', ['ci', '--no-audit', '--no-fund'], clean);
  run('npm', ['run', 'build'], clean);

  const built = filesUnder(path.join(clean, '.output', 'firefox-mv3'));
  const shipped = await entries(firefoxZip);
  const differences = [
    ...[...shipped.keys()]
      .filter((file) => !built.has(file))
      .map((file) => `missing from the rebuild: ${file}`),
    ...[...built.keys()].filter((file) => !shipped.has(file)).map((file) => `only in the rebuild: ${file}`),
    ...[...shipped]
      .filter(([file, bytes]) => built.has(file) && !bytes.equals(built.get(file) as Buffer))
      .map(([file]) => `differs: ${file}`),
  ];
  if (differences.length > 0) {
    console.error(`\nThe sources do not rebuild ${path.basename(firefoxZip)}:\n${differences.join('\n')}`);
    process.exit(1);
  }
  console.log(
    `\n${path.basename(sourcesZip)} rebuilds ${path.basename(firefoxZip)} exactly: ${shipped.size} files.`,
  );
} finally {
  rmSync(clean, { recursive: true, force: true });
}
