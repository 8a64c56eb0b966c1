/** For admins: open any user's profile by id, or one edited recently. */
import { useState } from 'preact/hooks';
import { t } from '@/utils/shared/i18n';

interface Props {
  currentUserId: number;
  /** Users of this instance edited lately, most recent first. */
  recent: number[];
  onOpen(userId: number): void;
}

export function UserSwitcher({ currentUserId, recent, onOpen }: Props) {
  const [typed, setTyped] = useState('');
  const id = Number(typed);
  const valid = Number.isInteger(id) && id > 0;

  return (
    <details class="user-switcher">
      <summary>{t('openUser')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) onOpen(id);
        }}
      >
        <label for="open-user-id">{t('userId')}</label>
        <input
          id="open-user-id"
          inputMode="numeric"
          pattern="[0-9]*"
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value.trim())}
        />
        <button type="submit" disabled={!valid}>
          {t('open')}
        </button>
      </form>
      {recent.filter((userId) => userId !== currentUserId).length > 0 && (
        <nav aria-label={t('recentUsers')}>
          {recent
            .filter((userId) => userId !== currentUserId)
            .map((userId) => (
              <button type="button" key={userId} class="chip" onClick={() => onOpen(userId)}>
                {t('userNumber', userId)}
              </button>
            ))}
        </nav>
      )}
    </details>
  );
}
