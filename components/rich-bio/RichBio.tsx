/**
 * The bio's rich-text editor: Quill 2 (the instance editor's own family) with the instance's
 * toolbar, loaded after the popup's first paint. Quill holds the document; what the form gets is
 * `serialiseBio` of it, the HTML the instance's editor writes. Only the instance's formats are
 * registered, so pasted content keeps those and nothing else.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { BlockEmbed } from 'quill/blots/block.js';
import Quill from 'quill/core.js';
import Blockquote from 'quill/formats/blockquote.js';
import Bold from 'quill/formats/bold.js';
import Header from 'quill/formats/header.js';
import Indent from 'quill/formats/indent.js';
import Italic from 'quill/formats/italic.js';
import Link from 'quill/formats/link.js';
import List from 'quill/formats/list.js';
import Strike from 'quill/formats/strike.js';
import Underline from 'quill/formats/underline.js';
import Clipboard from 'quill/modules/clipboard.js';
import { shortcut } from '@/utils/pages/shortcuts';
import { t } from '@/utils/shared/i18n';
import type { BioLine } from '@/utils/shared/profile/bio';
import {
  type DeltaOp,
  fromDelta,
  linkAddress,
  serialiseBio,
  toDelta,
  videoEmbedUrl,
} from '@/utils/shared/profile/bio-editing';
import { withoutHandlers } from '@/utils/shared/profile/inert-html';
import { addIndentStyles } from '../indent-styles';
import { Icon } from './icons';

/** A video in the editor: a note naming its address, kept in the document and never loaded. */
class VideoPlaceholder extends BlockEmbed {
  static override blotName = 'video';
  static override tagName = 'DIV';
  static override className = 'bio-video';

  static override create(url: string) {
    // biome-ignore lint/complexity/noThisInStatic: Parchment's create reads the subclass's tagName and className
    const node = super.create(url) as HTMLElement;
    node.setAttribute('contenteditable', 'false');
    node.dataset.url = url;
    const label = node.ownerDocument.createElement('span');
    label.className = 'bio-video-label';
    label.textContent = t('bioVideo', url);
    node.append(label);
    return node;
  }

  static override value(node: HTMLElement) {
    return node.dataset.url ?? '';
  }
}

/** Pasted HTML is read like server HTML: its event handlers renamed before it is parsed (inert-html.ts). */
class InertClipboard extends Clipboard {
  override convert(
    { html, text }: Parameters<Clipboard['convert']>[0],
    formats?: Parameters<Clipboard['convert']>[1],
  ) {
    return super.convert({ html: html === undefined ? html : withoutHandlers(html), text }, formats);
  }
}

Quill.register(
  {
    'modules/clipboard': InertClipboard,
    'formats/bold': Bold,
    'formats/italic': Italic,
    'formats/underline': Underline,
    'formats/strike': Strike,
    'formats/link': Link,
    'formats/header': Header,
    'formats/blockquote': Blockquote,
    'formats/list': List,
    'formats/indent': Indent,
    'formats/video': VideoPlaceholder,
  },
  true,
);
addIndentStyles();

const BIO_EDITABLE_MARK = 'bio-editable';
const FORMATS = [
  'bold',
  'italic',
  'underline',
  'strike',
  'link',
  'header',
  'blockquote',
  'list',
  'indent',
  'video',
];

type Formats = Record<string, unknown>;
const TOOLBAR_STEPS: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
type Dialog = { kind: 'link' | 'video'; value: string; invalid: boolean } | null;

interface Props {
  id: string;
  labelId: string;
  describedBy?: string;
  invalid: boolean;
  lines: BioLine[];
  /** The HTML this editor last reported, or that it was opened with. */
  html: string;
  onInput(html: string): void;
}

/** One toolbar button: a format to toggle, a value to apply, or an action. */
interface Tool {
  label: string;
  glyph: ComponentChildren;
  pressed?: (formats: Formats) => boolean;
  run(quill: Quill, formats: Formats): void;
}

function toggle(name: string, value: unknown = true): Tool['run'] {
  return (quill, formats) => quill.format(name, formats[name] === value ? false : value, 'user');
}

function indentBy(step: number): Tool['run'] {
  return (quill, formats) => {
    const next = Number(formats.indent ?? 0) + step;
    quill.format('indent', next > 0 ? next : false, 'user');
  };
}

export default function RichBio({ id, labelId, describedBy, invalid, lines, html, onInput }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const quillRef = useRef<Quill | null>(null);
  /**
   * What this editor reported since the form last caught up. The form's value lags behind fast
   * typing; a value from this set is the editor's own, not a change to show.
   */
  const reported = useRef(new Set([html]));
  const latest = useRef(html);
  const onInputRef = useRef(onInput);
  onInputRef.current = onInput;
  const [formats, setFormats] = useState<Formats>({});
  const [dialog, setDialog] = useState<Dialog>(null);
  const dialogInput = useRef<HTMLInputElement>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const [activeTool, setActiveTool] = useState(0);

  useLayoutEffect(() => {
    const container = host.current;
    if (!container) return;
    const quill = new Quill(container, {
      formats: FORMATS,
      modules: {
        uploader: { mimetypes: [] },
        keyboard: {
          bindings: {
            // Tab leaves the editor, as in any form field; indenting has its toolbar buttons.
            tab: false,
            indent: false,
            outdent: false,
            'remove tab': false,
            link: { key: 'k', shortKey: true, handler: () => void openDialog('link') },
          },
        },
      },
    });
    quillRef.current = quill;
    const root = quill.root;
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-multiline', 'true');
    root.setAttribute('aria-labelledby', labelId);
    root.id = id;
    quill.setContents(toDelta(lines) as never, 'silent');
    quill.history.clear();
    // Read by the benchmark: navigation start → the bio takes typing.
    if (performance.getEntriesByName(BIO_EDITABLE_MARK).length === 0) performance.mark(BIO_EDITABLE_MARK);
    quill.on('text-change', () => {
      const next = serialiseBio(fromDelta(quill.getContents().ops as DeltaOp[])) ?? '';
      if (next === latest.current) return;
      latest.current = next;
      reported.current.add(next);
      onInputRef.current(next);
    });
    quill.on('editor-change', () => {
      const range = quill.getSelection();
      if (range) setFormats(quill.getFormat(range));
    });
    return () => {
      quillRef.current = null;
      container.replaceChildren();
    };
  }, []);

  // The form's value changed from outside (discard, the instance's version chosen, a fresher
  // profile): show it. What this editor reported itself is already on screen.
  useEffect(() => {
    const quill = quillRef.current;
    if (!quill) return;
    if (reported.current.has(html)) {
      if (html === latest.current) reported.current = new Set([html]);
      return;
    }
    reported.current = new Set([html]);
    latest.current = html;
    quill.setContents(toDelta(lines) as never, 'silent');
  }, [html, lines]);

  useEffect(() => {
    quillRef.current?.root.setAttribute('aria-invalid', String(invalid));
    if (describedBy) quillRef.current?.root.setAttribute('aria-describedby', describedBy);
    else quillRef.current?.root.removeAttribute('aria-describedby');
  }, [invalid, describedBy]);

  // Before the paint, so that a key typed straight after Ctrl+K lands in the address, not on the
  // selected text.
  useLayoutEffect(() => {
    if (dialog) dialogInput.current?.focus();
  }, [dialog?.kind]);

  function openDialog(kind: 'link' | 'video') {
    const quill = quillRef.current;
    if (!quill) return;
    const current = kind === 'link' ? quill.getFormat(quill.getSelection(true) ?? undefined).link : '';
    setDialog({ kind, value: typeof current === 'string' ? current : '', invalid: false });
  }

  function closeDialog() {
    setDialog(null);
    quillRef.current?.focus();
  }

  function applyDialog(event: Event) {
    event.preventDefault();
    const quill = quillRef.current;
    if (!quill || !dialog) return;
    const address = dialog.kind === 'link' ? linkAddress(dialog.value) : videoEmbedUrl(dialog.value);
    if (!address) {
      setDialog({ ...dialog, invalid: true });
      return;
    }
    const range = quill.getSelection(true);
    if (dialog.kind === 'video') {
      quill.insertEmbed(range.index, 'video', address, 'user');
      quill.setSelection(range.index + 1, 0, 'silent');
    } else if (range.length > 0 || quill.getFormat(range).link) {
      if (range.length > 0) quill.formatText(range.index, range.length, 'link', address, 'user');
      else quill.format('link', address, 'user');
    } else {
      quill.insertText(range.index, address, { link: address }, 'user');
      quill.setSelection(range.index + address.length, 0, 'silent');
    }
    closeDialog();
  }

  function removeLink() {
    const quill = quillRef.current;
    if (!quill) return;
    const range = quill.getSelection(true);
    if (range.length > 0) quill.formatText(range.index, range.length, 'link', false, 'user');
    else quill.format('link', false, 'user');
    closeDialog();
  }

  const tools: Tool[] = [
    { label: t('bioBold', shortcut('B')), glyph: 'B', pressed: (f) => f.bold === true, run: toggle('bold') },
    {
      label: t('bioItalic', shortcut('I')),
      glyph: 'I',
      pressed: (f) => f.italic === true,
      run: toggle('italic'),
    },
    {
      label: t('bioUnderline', shortcut('U')),
      glyph: 'U',
      pressed: (f) => f.underline === true,
      run: toggle('underline'),
    },
    { label: t('bioStrike'), glyph: 'S', pressed: (f) => f.strike === true, run: toggle('strike') },
    {
      label: t('bioQuote'),
      glyph: <Icon name="quote" />,
      pressed: (f) => f.blockquote === true,
      run: toggle('blockquote'),
    },
    {
      label: t('bioNumbered'),
      glyph: <Icon name="numbered" />,
      pressed: (f) => f.list === 'ordered',
      run: toggle('list', 'ordered'),
    },
    {
      label: t('bioBulleted'),
      glyph: <Icon name="bulleted" />,
      pressed: (f) => f.list === 'bullet',
      run: toggle('list', 'bullet'),
    },
    { label: t('bioOutdent'), glyph: <Icon name="outdent" />, run: indentBy(-1) },
    { label: t('bioIndent'), glyph: <Icon name="indent" />, run: indentBy(1) },
    {
      label: t('bioLink', shortcut('K')),
      glyph: <Icon name="link" />,
      pressed: (f) => typeof f.link === 'string',
      run: () => openDialog('link'),
    },
    { label: t('bioVideoButton'), glyph: <Icon name="video" />, run: () => openDialog('video') },
    {
      label: t('bioClean'),
      glyph: <Icon name="clean" />,
      run: (quill) => {
        const range = quill.getSelection(true);
        if (range.length > 0) quill.removeFormat(range.index, range.length, 'user');
        else for (const name of FORMATS) if (name !== 'video') quill.format(name, false, 'user');
      },
    },
  ];

  function use(tool: Tool) {
    const quill = quillRef.current;
    if (!quill) return;
    const range = quill.getSelection(true);
    tool.run(quill, quill.getFormat(range));
    setFormats(quill.getFormat(quill.getSelection(true)));
  }

  /** Arrow keys move along the toolbar; Tab enters and leaves it at one place (ARIA toolbar). */
  function onToolbarKey(event: KeyboardEvent) {
    const step = TOOLBAR_STEPS[event.key];
    const controls = [...(toolbar.current?.querySelectorAll<HTMLElement>('select, button') ?? [])];
    let next: number | null = null;
    if (step) next = (activeTool + step + controls.length) % controls.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = controls.length - 1;
    if (next === null) return;
    event.preventDefault();
    setActiveTool(next);
    controls[next]?.focus();
  }

  const header = Number(formats.header ?? 0);
  return (
    <div class={`rich-bio${invalid ? ' rich-bio-invalid' : ''}`}>
      <div
        class="rich-bio-toolbar"
        role="toolbar"
        aria-label={t('bioToolbar')}
        aria-controls={id}
        ref={toolbar}
        onKeyDown={onToolbarKey}
      >
        <select
          aria-label={t('bioStyle')}
          tabIndex={activeTool === 0 ? 0 : -1}
          value={String(header)}
          onChange={(event) => {
            const quill = quillRef.current;
            const level = Number(event.currentTarget.value);
            quill?.focus();
            quill?.format('header', level > 0 ? level : false, 'user');
          }}
        >
          <option value="0">{t('bioNormal')}</option>
          {[1, 2, 3, 4, 5, 6]
            .filter((level) => level <= 3 || level === header)
            .map((level) => (
              <option key={level} value={String(level)}>
                {t('bioHeading', level)}
              </option>
            ))}
        </select>
        {tools.map((tool, index) => (
          <button
            key={tool.label}
            type="button"
            class={`rich-bio-tool tool-${index}`}
            aria-label={tool.label}
            title={tool.label}
            aria-pressed={tool.pressed ? tool.pressed(formats) : undefined}
            tabIndex={activeTool === index + 1 ? 0 : -1}
            // Keeps the editor's selection when clicked with a pointer.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => use(tool)}
          >
            {typeof tool.glyph === 'string' ? <span aria-hidden="true">{tool.glyph}</span> : tool.glyph}
          </button>
        ))}
      </div>
      {dialog && (
        <fieldset
          class="rich-bio-dialog"
          onKeyDown={(event) => {
            // Enter applies the address instead of saving the whole form.
            if (event.key === 'Enter') applyDialog(event);
            else if (event.key === 'Escape') {
              event.preventDefault();
              closeDialog();
            }
          }}
        >
          <legend class="visually-hidden">
            {dialog.kind === 'link' ? t('bioLink', shortcut('K')) : t('bioVideoButton')}
          </legend>
          <label for="rich-bio-address">
            {dialog.kind === 'link' ? t('bioLinkAddress') : t('bioVideoAddress')}
          </label>
          <input
            id="rich-bio-address"
            ref={dialogInput}
            type="text"
            value={dialog.value}
            aria-invalid={dialog.invalid ? 'true' : undefined}
            aria-describedby={dialog.invalid ? 'rich-bio-address-error' : undefined}
            spellcheck={false}
            onInput={(event) => setDialog({ ...dialog, value: event.currentTarget.value, invalid: false })}
          />
          {dialog.invalid && (
            <p class="field-error" id="rich-bio-address-error">
              {dialog.kind === 'link' ? t('bioLinkInvalid') : t('bioVideoInvalid')}
            </p>
          )}
          <div class="rich-bio-dialog-actions">
            <button type="button" class="primary" onClick={applyDialog}>
              {t('bioApply')}
            </button>
            {dialog.kind === 'link' && typeof formats.link === 'string' && (
              <button type="button" onClick={removeLink}>
                {t('bioRemoveLink')}
              </button>
            )}
            <button type="button" onClick={closeDialog}>
              {t('cancel')}
            </button>
          </div>
        </fieldset>
      )}
      <div class="rich-bio-area" ref={host} />
    </div>
  );
}
