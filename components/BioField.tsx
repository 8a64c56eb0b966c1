/**
 * The Description field: the bio formatted, as the profile shows it, edited in the rich editor
 * (loaded just after the first paint; until then the bio is shown formatted, read-only), or as
 * HTML source. A bio with markup the rich editor cannot show opens as source, and says why.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { parseBio, visibleLength } from '@/utils/profile/bio';
import { MAX_DESCRIPTION_LENGTH } from '@/utils/profile/fields';
import { BioView } from './BioView';
import type RichBioComponent from './rich-bio/RichBio';

type RichBio = FunctionComponent<Parameters<typeof RichBioComponent>[0]>;
/** Loaded once per page; later editors open with it at once. */
let loadedRichBio: RichBio | null = null;

interface Props {
  id: string;
  label: string;
  /** The bio's HTML, as stored on the instance or as edited. */
  value: string;
  error?: string;
  onInput(html: string): void;
}

export function BioField({ id, label, value, error, onInput }: Props) {
  const parsed = useMemo(() => parseBio(value), [value]);
  const cannotShow = parsed.unsupported.length > 0;
  const [sourceChosen, setSourceChosen] = useState(false);
  const source = sourceChosen || cannotShow;
  const [Rich, setRich] = useState<RichBio | null>(() => loadedRichBio);

  useEffect(() => {
    if (Rich || source) return;
    let cancelled = false;
    // After the first paint: the form is on screen before the editor's code is fetched.
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        void import('./rich-bio/RichBio').then((module) => {
          loadedRichBio = module.default;
          if (!cancelled) setRich(() => module.default);
        });
      }, 0),
    );
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [Rich, source]);

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
          {t('bioCannotShow', parsed.unsupported.slice(0, 4).join(', '))}
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
      ) : Rich ? (
        <Rich
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
          <BioView lines={parsed.lines} class="rich-bio-area" />
        </div>
      )}
      <p class={error ? 'field-error' : 'field-hint'} id={messageId}>
        {error ?? t('bioCount', visibleLength(parsed.lines), value.length, MAX_DESCRIPTION_LENGTH)}
      </p>
    </div>
  );
}
