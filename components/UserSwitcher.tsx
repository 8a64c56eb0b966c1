/** For admins: open any user's profile by id, or one edited recently. */
import { useEffect, useState } from 'preact/hooks';
import { getRecentUsers } from '@/utils/storage';

interface Props {
  origin: string;
  currentUserId: number;
  onOpen(userId: number): void;
}

export function UserSwitcher({ origin, currentUserId, onOpen }: Props) {
  const [recent, setRecent] = useState<number[]>([]);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    void getRecentUsers(origin).then(setRecent);
  }, [origin]);
  const id = Number(typed);
  const valid = Number.isInteger(id) && id > 0;

  return (
    <details class="user-switcher">
      <summary>Open user…</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) onOpen(id);
        }}
      >
        <label for="open-user-id">User ID</label>
        <input
          id="open-user-id"
          inputMode="numeric"
          pattern="[0-9]*"
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value.trim())}
        />
        <button type="submit" disabled={!valid}>
          Open
        </button>
      </form>
      {recent.filter((userId) => userId !== currentUserId).length > 0 && (
        <nav aria-label="Recent users">
          {recent
            .filter((userId) => userId !== currentUserId)
            .map((userId) => (
              <button type="button" key={userId} class="chip" onClick={() => onOpen(userId)}>
                User {userId}
              </button>
            ))}
        </nav>
      )}
    </details>
  );
}
