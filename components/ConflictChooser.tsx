/** A field changed both here and on the instance: the user picks which value stays. */
import type { Country } from '@/utils/api/schemas';
import type { Conflict } from '@/utils/profile/form';

export const FIELD_LABELS = {
  description: 'Description',
  twitterUrl: 'Twitter',
  facebookUrl: 'Facebook',
  instagramUrl: 'Instagram',
  websiteUrl: 'Website',
  country: 'Country',
} as const;

function shown(value: string | Country | null): string {
  if (value === null || value === '') return '(empty)';
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
      <h2 id="conflicts-title">Changed on {host} while you were editing</h2>
      {conflicts.map((conflict) => {
        const label = FIELD_LABELS[conflict.field];
        return (
          <fieldset key={conflict.field} class="conflict">
            <legend>{label}</legend>
            <p>
              <strong>Yours:</strong> <span class="conflict-value">{shown(conflict.mine)}</span>
            </p>
            <p>
              <strong>On {host}:</strong> <span class="conflict-value">{shown(conflict.theirs)}</span>
            </p>
            <div class="banner-actions">
              <button type="button" onClick={() => onChoose(conflict, 'mine')}>
                Keep yours
              </button>
              <button type="button" onClick={() => onChoose(conflict, 'theirs')}>
                Use {host}’s
              </button>
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}
