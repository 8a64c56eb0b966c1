/**
 * Runs in `npm version <patch|minor|major>`, after package.json has the new version (which both
 * manifests take) and before npm commits it: what CHANGELOG.md lists as Unreleased becomes that
 * version's entry, dated today.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const file = path.join(ROOT, 'CHANGELOG.md');
const changelog = readFileSync(file, 'utf8');
if (!changelog.includes('## [Unreleased]')) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
const today = new Date().toISOString().slice(0, 10);
writeFileSync(file, changelog.replace('## [Unreleased]', `## [Unreleased]\n\n## [${version}] - ${today}`));
console.log(`CHANGELOG.md: Unreleased is now ${version} (${today})`);
