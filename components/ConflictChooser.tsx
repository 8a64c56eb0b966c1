/** A field changed both here and on the instance: the user picks which value stays. */
import type { Country } from '@/utils/api/schemas';
import { type MessageKey, t } from '@/utils/i18n';
import type { Conflict } from '@/utils/profile/form';

/** The editable fields' labels, as message keys. */
export const FIELD_LABELS = {
  description: 'fieldDescription',
  twitterUrl: 'fieldTwitter',
  facebookUrl: 'fieldFacebook',
  instagramUrl: 'fieldInstagram',
  websiteUrl: 'fieldWebsite',
  country: 'fieldCountry',
} as const satisfies Record<string, MessageKey>;

function shown(value: string | Country | null): string {
  if (value === null || value === '') return t('conflictEmpty');
  return typeof value === 'string' ? value : value.label;
}

interface Props {
  conflicts: Conflict[];
  host: string;
  onChoose(conflict: Conflict, keep: 'mine' | 'theirs'): void;
}

export function ConflictChooser({ conflicts, host, onChoose }: Props) {
  return (
    <section class="banner banner-warning" aria-labelledby="conflicts-title" tabIndex={-1}>
      <h2 id="conflicts-title">{t('conflictTitle', host)}</h2>
      {conflicts.map((conflict) => {
        const label = t(FIELD_LABELS[conflict.field]);
        return (
          <fieldset key={conflict.field} class="conflict">
            <legend>{label}</legend>
            <p>
              <strong>{t('conflictYours')}</strong> <span class="conflict-value">{shown(conflict.mine)}</span>
            </p>
            <p>
              <strong>{t('conflictTheirs', host)}</strong>{' '}
              <span class="conflict-value">{shown(conflict.theirs)}</span>
            </p>
            <div class="banner-actions">
              <button type="button" onClick={() => onChoose(conflict, 'mine')}>
                {t('conflictKeepYours')}
              </button>
              <button type="button" onClick={() => onChoose(conflict, 'theirs')}>
                {t('conflictUseTheirs', host)}
              </button>
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}
