/** What store/ says, read for the tests that keep it and the manifests in step. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const STORE = path.resolve(import.meta.dirname, '../store');

/** Every permission and host pattern store/permissions.md justifies (its `###` headings). */
export function justifiedPermissions(): Set<string> {
  const text = readFileSync(path.join(STORE, 'permissions.md'), 'utf8');
  const headings = [...text.matchAll(/^### (.+)$/gm)].map((match) => match[1] ?? '');
  return new Set(
    headings.flatMap((heading) => [...heading.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '')),
  );
}

/** A listing's sections (`## Name`, `## Summary`, `## Description`) by title. */
export function listing(language: string): Record<string, string> {
  const text = readFileSync(path.join(STORE, `listing.${language}.md`), 'utf8');
  return Object.fromEntries(
    text
      .split(/^## /m)
      .slice(1)
      .map((section) => {
        const [title = '', ...body] = section.split('\n');
        return [title.trim(), body.join('\n').trim()];
      }),
  );
}

/** What a manifest asks for: its permissions and the host patterns it may ask for. */
export function askedFor(manifest: {
  permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions?: string[];
}): string[] {
  return [...(manifest.permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
}
