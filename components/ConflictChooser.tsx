/** A field changed both here and on the instance: the user picks which value stays. */
import { t } from '@/utils/shared/i18n';
import type { Conflict } from '@/utils/shared/profile/form';
import { FieldValue } from './FieldValue';

interface Props {
  conflicts: Conflict[];
  host: string;
  /** A field's label, as the form shows it. */
  labelOf(field: Conflict['field']): string;
  onChoose(conflict: Conflict, keep: 'mine' | 'theirs'): void;
}

export function ConflictChooser({ conflicts, host, labelOf, onChoose }: Props) {
  return (
    <section class="banner banner-warning" aria-labelledby="conflicts-title" tabIndex={-1}>
      <h2 id="conflicts-title">{t('conflictTitle', host)}</h2>
      {conflicts.map((conflict) => {
        const label = labelOf(conflict.field);
        return (
          <fieldset key={conflict.field} class="conflict">
            <legend>{label}</legend>
            <div class="conflict-side">
              <strong>{t('conflictYours')}</strong>{' '}
              <div class="conflict-value">
                <FieldValue field={conflict.field} value={conflict.mine} />
              </div>
            </div>
            <div class="conflict-side">
              <strong>{t('conflictTheirs', host)}</strong>{' '}
              <div class="conflict-value">
                <FieldValue field={conflict.field} value={conflict.theirs} />
              </div>
            </div>
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
