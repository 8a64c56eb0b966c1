/**
 * The bio (`description`) as the instance's editor writes it. The instance edits bios with Quill
 * 1.x (snow theme; its vendor docs date from before Quill 2 existed) and stores the editor's own
 * HTML, so that is what this module reads and writes:
 *   <p>, <h1>–<h6>, <blockquote>, one <ol>/<ul> per run of list items, `class="ql-indent-N"`,
 *   <strong> <em> <s> <u> nested in Quill 1's order, <a href rel target>, <iframe class="ql-video">,
 *   `<br>` for an empty line, and text escaped as `innerHTML` escapes it.
 * Server HTML is data: it is parsed into an inert document and only these formats are read out of
 * it, as plain values. Anything else is reported, never dropped silently. Writing the HTML back is
 * bio-editing.ts's part.
 */
import { HANDLER_PREFIX, inertDocument } from './inert-html.ts';

export interface InlineFormats {
  link?: string;
  bold?: true;
  italic?: true;
  strike?: true;
  underline?: true;
}

export interface LineFormats {
  header?: number;
  blockquote?: true;
  list?: 'ordered' | 'bullet';
  indent?: number;
}

export interface Run {
  text: string;
  formats: InlineFormats;
}

export type BioLine = { kind: 'text'; runs: Run[]; formats: LineFormats } | { kind: 'video'; url: string };

export interface ParsedBio {
  lines: BioLine[];
  /** What the rich editor cannot show, named for the person (`<table>`, `style="…"`). Empty: all of it. */
  unsupported: string[];
}

export const MAX_HEADER = 6;
export const MAX_INDENT = 8;

/** Quill 1's inline order, outermost first: a link holds bold text, bold holds italic, and so on. */
const INLINE_ORDER = ['link', 'bold', 'italic', 'strike', 'underline'] as const;
export const INLINE_TAGS: Record<Exclude<keyof InlineFormats, 'link'>, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
};
/** Tags read as an inline format, the synonyms Quill also reads among them. */
const TAG_FORMATS: Record<string, Exclude<keyof InlineFormats, 'link'>> = {
  STRONG: 'bold',
  B: 'bold',
  EM: 'italic',
  I: 'italic',
  S: 'strike',
  STRIKE: 'strike',
  U: 'underline',
};
const LINK_SCHEMES = /^(https?:|mailto:|tel:)/i;
const VIDEO_SCHEMES = /^https?:\/\//i;
const INDENT_CLASS = /^ql-indent-([1-8])$/;

function sameInline(a: InlineFormats, b: InlineFormats): boolean {
  return INLINE_ORDER.every((key) => a[key] === b[key]);
}

/** Merges neighbouring runs that look the same and drops empty ones, as Quill's model does. */
export function normaliseRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = merged.at(-1);
    if (last && sameInline(last.formats, run.formats)) last.text += run.text;
    else merged.push({ text: run.text, formats: { ...run.formats } });
  }
  return merged;
}

type InlineKey = (typeof INLINE_ORDER)[number];

/**
 * Runs nested as Quill 1's DOM nests them: at each level of INLINE_ORDER, neighbouring runs that
 * share that format share one element. `wrap` makes an element, `leaf` a text node.
 */
export function nestRuns<T>(
  runs: Run[],
  wrap: (key: InlineKey, value: string, children: T[]) => T,
  leaf: (text: string) => T,
  level = 0,
): T[] {
  const key = INLINE_ORDER[level];
  if (key === undefined) return runs.map((run) => leaf(run.text));
  const nested: T[] = [];
  let start = 0;
  while (start < runs.length) {
    const value = runs[start]?.formats[key];
    let end = start + 1;
    while (end < runs.length && runs[end]?.formats[key] === value) end++;
    const inner = nestRuns(runs.slice(start, end), wrap, leaf, level + 1);
    if (value === undefined) nested.push(...inner);
    else nested.push(wrap(key, String(value), inner));
    start = end;
  }
  return nested;
}

export type TextLine = Extract<BioLine, { kind: 'text' }>;
type Block =
  | TextLine
  | Extract<BioLine, { kind: 'video' }>
  | { kind: 'list'; list: 'ordered' | 'bullet'; items: TextLine[] };

/** Lines as the page lays them out: neighbouring list items of one kind share one list. */
export function blocksOf(lines: BioLine[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    const list = line.kind === 'text' ? line.formats.list : undefined;
    const last = blocks.at(-1);
    if (line.kind === 'text' && list) {
      if (last?.kind === 'list' && last.list === list) last.items.push(line);
      else blocks.push({ kind: 'list', list, items: [line] });
    } else blocks.push(line);
  }
  return blocks;
}

/** The element a text line is written as, outside lists. */
export function lineTag(line: TextLine): string {
  if (line.formats.header) return `h${line.formats.header}`;
  return line.formats.blockquote ? 'blockquote' : 'p';
}

/** What a reader sees: the characters of the text, not the markup (a video counts as one). */
export function visibleLength(lines: BioLine[]): number {
  return lines.reduce(
    (sum, line) =>
      sum + (line.kind === 'video' ? 1 : line.runs.reduce((length, run) => length + [...run.text].length, 0)),
    0,
  );
}

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'LI']);

class BioReader {
  lines: BioLine[] = [];
  unsupported = new Set<string>();
  /** The line being filled with inline content, if any. */
  private current: Extract<BioLine, { kind: 'text' }> | null = null;

  /** Inside an element already reported: what it holds is not named again (a table's rows). */
  private withinRefused = 0;

  private refuse(what: string) {
    if (this.withinRefused === 0) this.unsupported.add(what);
  }

  /** Attributes other than `allowed` (with the values it accepts) are reported. */
  private checkAttributes(element: Element, allowed: Record<string, (value: string) => boolean>) {
    for (const attribute of Array.from(element.attributes)) {
      const accepts = allowed[attribute.name];
      const name = attribute.name.startsWith(`${HANDLER_PREFIX}on`)
        ? attribute.name.slice(HANDLER_PREFIX.length)
        : attribute.name;
      if (!accepts?.(attribute.value)) this.refuse(`${name}="…"`);
    }
  }

  private lineFormats(element: Element, formats: LineFormats): LineFormats {
    let indent: number | undefined;
    this.checkAttributes(element, {
      class: (value) => {
        const match = INDENT_CLASS.exec(value.trim());
        if (match) indent = Number(match[1]);
        return match !== null;
      },
    });
    return indent ? { ...formats, indent } : formats;
  }

  private startLine(formats: LineFormats) {
    this.current = { kind: 'text', runs: [], formats };
    this.lines.push(this.current);
  }

  private endLine() {
    if (this.current) this.current.runs = normaliseRuns(this.current.runs);
    this.current = null;
  }

  /** Reads top-level content: blocks, list containers, videos; loose text becomes paragraphs. */
  readBlocks(parent: Node) {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === 3) {
        const text = node.textContent ?? '';
        if (text.trim() === '') continue;
        // Text outside any block: a plain-text bio, whose line breaks meant paragraphs.
        for (const [index, paragraph] of text.split('\n').entries()) {
          if (index > 0 || !this.current) {
            this.endLine();
            this.startLine({});
          }
          this.current?.runs.push({ text: paragraph, formats: {} });
        }
        continue;
      }
      if (node.nodeType !== 1) {
        if (node.nodeType === 8) this.refuse('<!-- -->');
        continue;
      }
      const element = node as Element;
      const tag = element.tagName;
      if (BLOCK_TAGS.has(tag) && tag !== 'LI') {
        this.endLine();
        const header = /^H(\d)$/.exec(tag);
        const formats: LineFormats = header
          ? { header: Number(header[1]) }
          : tag === 'BLOCKQUOTE'
            ? { blockquote: true }
            : {};
        this.readBlock(element, this.lineFormats(element, formats));
      } else if (tag === 'OL' || tag === 'UL') {
        this.endLine();
        this.checkAttributes(element, {});
        const list = tag === 'OL' ? 'ordered' : 'bullet';
        for (const item of Array.from(element.childNodes)) {
          if (item.nodeType === 3 && (item.textContent ?? '').trim() === '') continue;
          if (item.nodeType === 1 && (item as Element).tagName === 'LI') {
            this.readBlock(item as Element, this.lineFormats(item as Element, { list }));
          } else {
            this.refuse(
              item.nodeType === 1 ? `<${(item as Element).tagName.toLowerCase()}>` : 'text in a list',
            );
          }
        }
      } else if (tag === 'IFRAME') {
        this.endLine();
        const src = element.getAttribute('src') ?? '';
        this.checkAttributes(element, {
          class: (value) => value === 'ql-video',
          frameborder: () => true,
          allowfullscreen: () => true,
          src: (value) => VIDEO_SCHEMES.test(value),
        });
        if (element.getAttribute('class') !== 'ql-video') this.refuse('<iframe>');
        if (element.childNodes.length > 0) this.refuse('<iframe> content');
        this.lines.push({ kind: 'video', url: src });
      } else {
        // Inline content outside a block (`<strong>` at the top): part of a paragraph.
        if (!this.current) this.startLine({});
        this.readInline(element, {});
      }
    }
    this.endLine();
  }

  private readBlock(element: Element, formats: LineFormats) {
    this.startLine(formats);
    for (const child of Array.from(element.childNodes)) this.readInlineNode(child, {}, formats);
    this.endLine();
  }

  private readInlineNode(
    node: Node,
    formats: InlineFormats,
    line: LineFormats = this.current?.formats ?? {},
  ) {
    if (node.nodeType === 3) {
      // Inside a block, a line break in the source renders as a space.
      this.current?.runs.push({ text: (node.textContent ?? '').replace(/\n/g, ' '), formats });
    } else if (node.nodeType === 1) {
      const element = node as Element;
      if (element.tagName === 'BR') {
        this.checkAttributes(element, {});
        // `<p><br></p>` is an empty line; a break before more text starts a new line of the same kind.
        if (element.nextSibling !== null) {
          this.endLine();
          this.startLine(line);
        }
        return;
      }
      this.readInline(element, formats);
    } else if (node.nodeType === 8) {
      this.refuse('<!-- -->');
    }
  }

  private readInline(element: Element, formats: InlineFormats) {
    const tag = element.tagName;
    const format = TAG_FORMATS[tag];
    let inner: InlineFormats = formats;
    if (format) {
      this.checkAttributes(element, {});
      inner = { ...formats, [format]: true };
    } else if (tag === 'A') {
      const href = element.getAttribute('href') ?? '';
      this.checkAttributes(element, {
        href: (value) => LINK_SCHEMES.test(value.trim()),
        rel: () => true,
        target: (value) => value === '_blank',
      });
      inner = LINK_SCHEMES.test(href.trim()) ? { ...formats, link: href } : formats;
    } else {
      this.refuse(`<${tag.toLowerCase()}>`);
      if (tag === 'SCRIPT' || tag === 'STYLE') return;
      // Its text is still read, so a formatted view shows something; the editor does not open it.
      this.withinRefused++;
      for (const child of Array.from(element.childNodes)) this.readInlineNode(child, formats);
      this.withinRefused--;
      return;
    }
    for (const child of Array.from(element.childNodes)) this.readInlineNode(child, inner);
  }
}

/** Parses a bio into lines, with what they leave out. `parse` turns HTML into an inert document. */
export function parseBio(html: string | null): ParsedBio {
  if (html === null || html.trim() === '') return { lines: [], unsupported: [] };
  const reader = new BioReader();
  reader.readBlocks(inertDocument(html).body);
  return { lines: reader.lines, unsupported: [...reader.unsupported] };
}
