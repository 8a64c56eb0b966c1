/** For admins: open any user's profile by id, or one edited recently. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/shared/i18n';
import { getRecentUsers } from '@/utils/shared/storage';

interface Props {
  origin: string;
  currentUserId: number;
  onOpen(userId: number): void;
}

export function UserSwitcher({ origin, currentUserId, onOpen }: Props) {
  const [typed, setTyped] = useState('');
  /** Users of this instance edited lately, most recent first. */
  const [recent, setRecent] = useState<number[]>([]);
  useEffect(() => {
    void getRecentUsers(origin).then(setRecent);
  }, [origin]);
  const others = recent.filter((userId) => userId !== currentUserId);
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
      {others.length > 0 && (
        <nav aria-label={t('recentUsers')}>
          {others.map((userId) => (
            <button type="button" key={userId} class="chip" onClick={() => onOpen(userId)}>
              {t('userNumber', userId)}
            </button>
          ))}
        </nav>
      )}
    </details>
  );
}
