/**
 * Writing a bio: the HTML the instance's editor writes (see bio.ts for its conventions), and the
 * rich editor's document (a Quill Delta) to and from lines. Used by the rich editor, which loads
 * after the first paint, and by tests; reading a bio for display needs only bio.ts.
 */
import {
  type BioLine,
  blocksOf,
  INLINE_TAGS,
  type InlineFormats,
  type LineFormats,
  lineTag,
  MAX_HEADER,
  MAX_INDENT,
  nestRuns,
  normaliseRuns,
  type Run,
  type TextLine,
} from './bio.ts';

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;');
}

function inlineHtml(runs: Run[]): string {
  return nestRuns<string>(
    runs,
    (key, value, children) =>
      key === 'link'
        ? `<a href="${escapeAttribute(value)}" rel="noopener noreferrer" target="_blank">${children.join('')}</a>`
        : `<${INLINE_TAGS[key]}>${children.join('')}</${INLINE_TAGS[key]}>`,
    escapeText,
  ).join('');
}

function lineHtml(line: TextLine, tag: string): string {
  const indent = line.formats.indent ? ` class="ql-indent-${line.formats.indent}"` : '';
  const content = line.runs.length > 0 ? inlineHtml(line.runs) : '<br>';
  return `<${tag}${indent}>${content}</${tag}>`;
}

function isEmptyBio(lines: BioLine[]): boolean {
  return lines.every((line) => line.kind === 'text' && line.runs.length === 0 && !line.formats.list);
}

/** The HTML the instance's editor writes for these lines. No lines, or one empty line: null. */
export function serialiseBio(lines: BioLine[]): string | null {
  if (isEmptyBio(lines)) return null;
  return blocksOf(lines)
    .map((block) => {
      if (block.kind === 'video')
        return `<iframe class="ql-video" frameborder="0" allowfullscreen="true" src="${escapeAttribute(block.url)}"></iframe>`;
      if (block.kind === 'text') return lineHtml(block, lineTag(block));
      const tag = block.list === 'ordered' ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => lineHtml(item, 'li')).join('')}</${tag}>`;
    })
    .join('');
}

/** One operation of a Quill document (a Delta), as the rich editor holds the bio. */
export interface DeltaOp {
  insert?: string | Record<string, unknown>;
  attributes?: Record<string, unknown>;
}

function definedOnly(formats: InlineFormats | LineFormats): Record<string, unknown> | undefined {
  const kept = Object.fromEntries(Object.entries(formats).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The editor's document for these lines: runs with their formats, each line closed by a newline. */
export function toDelta(lines: BioLine[]): DeltaOp[] {
  const ops: DeltaOp[] = [];
  for (const line of lines) {
    if (line.kind === 'video') {
      ops.push({ insert: { video: line.url } });
      continue;
    }
    for (const run of line.runs) ops.push({ insert: run.text, attributes: definedOnly(run.formats) });
    ops.push({ insert: '\n', attributes: definedOnly(line.formats) });
  }
  if (lines.at(-1)?.kind !== 'text') ops.push({ insert: '\n' });
  return ops.map((op) => (op.attributes ? op : { insert: op.insert }));
}

const positive = (value: unknown, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;

function inlineFrom(attributes: Record<string, unknown> = {}): InlineFormats {
  const formats: InlineFormats = {};
  if (typeof attributes.link === 'string') formats.link = attributes.link;
  for (const key of ['bold', 'italic', 'strike', 'underline'] as const)
    if (attributes[key]) formats[key] = true;
  return formats;
}

function lineFrom(attributes: Record<string, unknown> = {}): LineFormats {
  const formats: LineFormats = {};
  const header = positive(Number(attributes.header), MAX_HEADER);
  const indent = positive(Number(attributes.indent), MAX_INDENT);
  if (attributes.list) formats.list = attributes.list === 'ordered' ? 'ordered' : 'bullet';
  else if (header) formats.header = header;
  else if (attributes.blockquote) formats.blockquote = true;
  if (indent) formats.indent = indent;
  return formats;
}

/** Lines from the editor's document; formats the bio does not have are left out. */
export function fromDelta(ops: DeltaOp[]): BioLine[] {
  const lines: BioLine[] = [];
  let runs: Run[] = [];
  for (const op of ops) {
    if (typeof op.insert === 'object') {
      if (typeof op.insert.video === 'string') lines.push({ kind: 'video', url: op.insert.video });
      continue;
    }
    const parts = (op.insert ?? '').split('\n');
    for (const [index, text] of parts.entries()) {
      if (index > 0) {
        lines.push({ kind: 'text', runs: normaliseRuns(runs), formats: lineFrom(op.attributes) });
        runs = [];
      }
      runs.push({ text, formats: inlineFrom(op.attributes) });
    }
  }
  if (normaliseRuns(runs).length > 0) lines.push({ kind: 'text', runs: normaliseRuns(runs), formats: {} });
  return lines;
}

/**
 * The address a video is embedded from, as the instance editor's video button makes it: YouTube
 * and Vimeo page addresses become their player addresses. Only https; anything else: null.
 */
export function videoEmbedUrl(input: string): string | null {
  const url = input.trim();
  const youtube =
    /^(?:https?:\/\/)?(?:(?:www|m)\.)?youtube\.com\/watch.*v=([a-zA-Z0-9_-]+)/.exec(url) ??
    /^(?:https?:\/\/)?(?:(?:www|m)\.)?youtu\.be\/([a-zA-Z0-9_-]+)/.exec(url);
  if (youtube) return `https://www.youtube.com/embed/${youtube[1]}?showinfo=0`;
  const vimeo = /^(?:https?:\/\/)?(?:www\.)?vimeo\.com\/(\d+)/.exec(url);
  if (vimeo) return `https://player.vimeo.com/video/${vimeo[1]}/`;
  return /^https:\/\/[^\s/]+\.[^\s/]+/i.test(url) ? url : null;
}

/** A link address as typed: a bare host gets https://; schemes other than http(s) and mailto: null. */
export function linkAddress(input: string): string | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(text)) return text;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return null;
  try {
    return new URL(scheme ? text : `https://${text}`).href;
  } catch {
    return null;
  }
}
