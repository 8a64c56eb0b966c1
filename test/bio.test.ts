// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BioLine,
  type InlineFormats,
  type LineFormats,
  normaliseRuns,
  parseBio,
  visibleLength,
} from '@/utils/shared/profile/bio';
import { fromDelta, serialiseBio, toDelta } from '@/utils/shared/profile/bio-editing';
import { inertDocument } from '@/utils/shared/profile/inert-html';

/** Instance HTML → the editor's document → HTML, as a bio goes through the rich editor. */
function throughEditor(html: string): string | null {
  const parsed = parseBio(html);
  expect(parsed.unsupported).toEqual([]);
  return serialiseBio(fromDelta(toDelta(parsed.lines)));
}

describe('bio HTML in the instance editor’s conventions', () => {
  const ROUND_TRIPS: [string, string][] = [
    ['paragraph', '<p>Ceramics and slow video.</p>'],
    ['two paragraphs and an empty line', '<p>One</p><p><br></p><p>Two</p>'],
    ['bold', '<p>Ceramics and <strong>slow</strong> video.</p>'],
    ['italic', '<p><em>slow</em></p>'],
    ['underline', '<p><u>slow</u></p>'],
    ['strikethrough', '<p><s>fast</s> slow</p>'],
    [
      'bold italic underline strike, nested in Quill 1 order',
      '<p><strong><em><s><u>all</u></s></em></strong></p>',
    ],
    ['overlapping bold and italic share the bold element', '<p><strong><em>a</em>b</strong><em>c</em></p>'],
    [
      'link holding bold',
      '<p>See <a href="https://mira.example/shop" rel="noopener noreferrer" target="_blank"><strong>my shop</strong></a></p>',
    ],
    [
      'mailto link',
      '<p><a href="mailto:mira@example.com" rel="noopener noreferrer" target="_blank">mail</a></p>',
    ],
    ['headings', '<h1>Big</h1><h2>Medium</h2><h3>Small</h3><p>Text</p>'],
    ['quote', '<blockquote>Said once</blockquote><blockquote>and twice</blockquote>'],
    ['numbered list', '<ol><li>one</li><li>two</li></ol>'],
    ['bulleted list', '<ul><li>clay</li><li>glaze</li></ul>'],
    ['list kinds in turn', '<ol><li>one</li></ol><ul><li>dot</li></ul><ol><li>again</li></ol>'],
    [
      'indented list items',
      '<ul><li>top</li><li class="ql-indent-1">inner</li><li class="ql-indent-2">deeper</li></ul>',
    ],
    ['indented paragraph and heading', '<p class="ql-indent-3">far</p><h2 class="ql-indent-1">head</h2>'],
    [
      'video',
      '<p>Watch:</p><iframe class="ql-video" frameborder="0" allowfullscreen="true" src="https://www.youtube.com/embed/abc"></iframe><p>after</p>',
    ],
    ['escaped text', '<p>a &lt;b&gt; &amp; c&nbsp;&nbsp;d "quoted"</p>'],
    [
      'link address with an ampersand',
      '<p><a href="https://x.example/?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">x</a></p>',
    ],
    ['emoji and right-to-left text', '<p>Glaze tests 🧪 and שלום</p>'],
  ];

  it.each(ROUND_TRIPS)('%s comes back byte for byte', (_name, html) => {
    expect(throughEditor(html)).toBe(html);
  });

  it('reads the synonyms Quill reads and writes the instance’s own tags', () => {
    expect(throughEditor('<p><b>a</b><i>b</i><strike>c</strike></p>')).toBe(
      '<p><strong>a</strong><em>b</em><s>c</s></p>',
    );
  });

  it('reads a plain-text bio as one paragraph per line', () => {
    expect(throughEditor('First line\nSecond line')).toBe('<p>First line</p><p>Second line</p>');
  });

  it('writes an emptied bio as no bio at all', () => {
    expect(serialiseBio([{ kind: 'text', runs: [], formats: {} }])).toBeNull();
    expect(parseBio(null).lines).toEqual([]);
  });

  it('counts what a reader sees, not the markup', () => {
    const { lines } = parseBio('<p><strong>Hi</strong> 🧪</p><ul><li>a</li></ul>');
    expect(visibleLength(lines)).toBe(5);
  });
});

describe('bio sanitiser', () => {
  const UNSUPPORTED: [string, string, string[]][] = [
    ['a table, named once for all its rows and cells', '<table><tr><td>x</td></tr></table>', ['<table>']],
    ['an image', '<p><img src="https://x.example/a.png"></p>', ['<img>']],
    ['an inline style', '<p style="color:red">red</p>', ['style="…"']],
    ['an unknown class', '<p class="ql-align-center">mid</p>', ['class="…"']],
    ['a span', '<p><span>x</span></p>', ['<span>']],
    ['an event handler', '<p onclick="alert(1)">x</p>', ['onclick="…"']],
    ['a script', '<p>x</p><script>alert(1)</script>', ['<script>']],
    ['a javascript: link', '<p><a href="javascript:alert(1)">x</a></p>', ['href="…"']],
    ['a data: link', '<p><a href="data:text/html,hi">x</a></p>', ['href="…"']],
    ['a frame that is not the editor’s video', '<iframe src="https://evil.example/"></iframe>', ['<iframe>']],
    [
      'a video with a javascript: address',
      '<iframe class="ql-video" src="javascript:alert(1)"></iframe>',
      ['src="…"'],
    ],
    ['a comment', '<p>x<!-- note --></p>', ['<!-- -->']],
  ];

  it.each(UNSUPPORTED)('names %s instead of dropping it', (_name, html, named) => {
    expect(parseBio(html).unsupported).toEqual(named);
  });

  it('reads no script, handler or address out of hostile markup into the editor’s document', () => {
    const { lines } = parseBio(
      '<p>ok<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:x">y</a></p>',
    );
    const ops = JSON.stringify(toDelta(lines));
    expect(ops).not.toMatch(/alert|onerror|javascript|src/);
  });
});

const inlineFormats: fc.Arbitrary<InlineFormats> = fc.record(
  {
    link: fc.constantFrom('https://a.example/', 'https://b.example/?q=1&r=2', 'mailto:m@example.com'),
    bold: fc.constant(true as const),
    italic: fc.constant(true as const),
    strike: fc.constant(true as const),
    underline: fc.constant(true as const),
  },
  { requiredKeys: [] },
);

const lineFormats: fc.Arbitrary<LineFormats> = fc
  .oneof(
    fc.constant({}),
    fc.record({ header: fc.integer({ min: 1, max: 6 }) }),
    fc.constant({ blockquote: true as const }),
    fc.record({ list: fc.constantFrom('ordered' as const, 'bullet' as const) }),
  )
  .chain((formats) =>
    fc
      .option(fc.integer({ min: 1, max: 8 }), { nil: undefined })
      .map((indent) => (indent ? { ...formats, indent } : formats)),
  );

const text = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', '\u00a0', 'ż', '🧪'),
  minLength: 1,
  maxLength: 6,
});

const line: fc.Arbitrary<BioLine> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      runs: fc.array(fc.record({ text, formats: inlineFormats }), { maxLength: 4 }).map(normaliseRuns),
      formats: lineFormats,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('video' as const),
      url: fc.constantFrom('https://www.youtube.com/embed/x', 'https://player.vimeo.com/video/1?a=1&b=2'),
    }),
  },
);

describe('the editor’s own output', () => {
  it('is read back and written again unchanged: serialise(parse(x)) = x', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const html = serialiseBio(fromDelta(toDelta(lines)));
        if (html === null) return;
        const parsed = parseBio(html);
        expect(parsed.unsupported).toEqual([]);
        expect(serialiseBio(parsed.lines)).toBe(html);
        expect(serialiseBio(fromDelta(toDelta(parsed.lines)))).toBe(html);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading server HTML', () => {
  it('renames event handlers inside tags only, so the parser never meets one; text and quoted values stay', () => {
    const body = inertDocument(
      '<p title="say onclick=1">onload = fine</p><img src=x onerror=alert(1)><a href="/" ONCLICK="x">a</a>',
    ).body;
    expect(body.querySelector('p')?.getAttribute('title')).toBe('say onclick=1');
    expect(body.querySelector('p')?.textContent).toBe('onload = fine');
    expect(body.querySelector('img')?.getAttributeNames()).toEqual(['src', 'x-onerror']);
    expect(body.querySelector('a')?.getAttributeNames()).toEqual(['href', 'x-onclick']);
  });

  it('names a renamed handler by its own name', () => {
    expect(parseBio('<p onmouseover="x()">hi</p>').unsupported).toEqual(['onmouseover="…"']);
  });
});
