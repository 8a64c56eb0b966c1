/**
 * The Description field: the bio formatted, as the profile shows it, edited in the rich editor,
 * or as HTML source. A bio with markup the rich editor cannot show opens as source, and says
 * why. The bio's code (reading it, the editor) loads just after the first paint; until then the
 * bio's text is shown read-only.
 */
import { useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/shared/i18n';
import { MAX_DESCRIPTION_LENGTH } from '@/utils/shared/profile/fields';
import { inertDocument } from '@/utils/shared/profile/inert-html';
import { deferredModule } from './deferred';

const useBioModule = deferredModule(() => import('./rich-bio'));

/** The bio's paragraphs as text, for the moment before the editor is in. */
function paragraphsOf(html: string): string[] {
  const body = inertDocument(html).body;
  const blocks = body.querySelectorAll('p, h1, h2, h3, h4, h5, h6, blockquote, li');
  return blocks.length > 0
    ? Array.from(blocks, (block) => block.textContent ?? '')
    : [body.textContent ?? ''];
}

interface Props {
  id: string;
  label: string;
  /** The bio's HTML, as stored on the instance or as edited. */
  value: string;
  error?: string;
  onInput(html: string): void;
}

export function BioField({ id, label, value, error, onInput }: Props) {
  const bio = useBioModule();
  const parsed = useMemo(() => bio?.parseBio(value) ?? null, [bio, value]);
  const preview = useMemo(() => (parsed ? [] : paragraphsOf(value)), [parsed, value]);
  const unsupported = parsed?.unsupported ?? [];
  const cannotShow = unsupported.length > 0;
  const [sourceChosen, setSourceChosen] = useState(false);
  const source = sourceChosen || cannotShow;
  const visible = parsed ? bio?.visibleLength(parsed.lines) : preview.join('').length;

  const labelId = `${id}-label`;
  const messageId = `${id}-message`;
  const noticeId = `${id}-notice`;
  return (
    <div class={`field bio-field${error ? ' field-invalid' : ''}`}>
      <div class="bio-label-row">
        {source ? (
          <label id={labelId} for={id}>
            {label}
          </label>
        ) : (
          // biome-ignore lint/a11y/noLabelWithoutControl: the rich editor is named by this label (aria-labelledby)
          // biome-ignore lint/a11y/useKeyWithClickEvents: a pointer's shortcut to the editor, which Tab reaches anyway
          <label id={labelId} onClick={() => document.getElementById(id)?.focus()}>
            {label}
          </label>
        )}
        <button
          type="button"
          class="bio-source-toggle"
          aria-pressed={source}
          disabled={cannotShow}
          aria-describedby={cannotShow ? noticeId : undefined}
          onClick={() => setSourceChosen(!sourceChosen)}
        >
          {t('bioSource')}
        </button>
      </div>
      {cannotShow && (
        <p class="bio-notice" id={noticeId} role="status">
          {t('bioCannotShow', unsupported.slice(0, 4).join(', '))}
        </p>
      )}
      {source ? (
        <textarea
          id={id}
          name={id}
          rows={6}
          class="bio-source"
          value={value}
          spellcheck={false}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={messageId}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      ) : bio && parsed ? (
        <bio.RichBio
          id={id}
          labelId={labelId}
          describedBy={messageId}
          invalid={Boolean(error)}
          lines={parsed.lines}
          html={value}
          onInput={onInput}
        />
      ) : (
        <div class="rich-bio rich-bio-loading" aria-busy="true">
          <div class="rich-bio-toolbar" aria-hidden="true" />
          <div class="rich-bio-area bio-view">
            {preview.map((paragraph, index) => (
              <p key={index}>{paragraph || <br />}</p>
            ))}
          </div>
        </div>
      )}
      <p class={error ? 'field-error' : 'field-hint'} id={messageId}>
        {error ?? t('bioCount', visible ?? 0, value.length, MAX_DESCRIPTION_LENGTH)}
      </p>
    </div>
  );
}
