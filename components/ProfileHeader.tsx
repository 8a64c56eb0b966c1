import { useEffect, useState } from 'preact/hooks';
import type { Profile } from '@/utils/shared/api/schemas';
import { t, uiLanguage } from '@/utils/shared/i18n';

interface Props {
  profile: Profile;
  avatarUrl: string | null;
  host: string;
}

function relativeTime(time: number): string {
  const seconds = (time - Date.now()) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

/** Whose profile this is, shown prominently so an admin never edits the wrong person. */
export function ProfileHeader({ profile, avatarUrl, host }: Props) {
  const { user } = profile;
  const name = user?.name ?? t('userNumber', profile.userId);
  const updatedAt = Date.parse(profile.updatedAt ?? '');
  // The picture is asked for once the fields are on screen, a frame later (asking for it sooner
  // held their first paint back), while an empty circle keeps its place.
  const [pictureAsked, setPictureAsked] = useState(false);
  useEffect(() => setPictureAsked(true), []);
  return (
    <header class="profile-header">
      {avatarUrl ? (
        <img class="avatar" src={pictureAsked ? avatarUrl : undefined} alt="" width={48} height={48} />
      ) : (
        <div class="avatar avatar-initial" aria-hidden="true">
          {name.slice(0, 1)}
        </div>
      )}
      <div>
        <h1 class="profile-name">{name}</h1>
        <p class="profile-meta">
          {user?.username ? `@${user.username} · ` : ''}
          {user?.role?.name ? `${user.role.name} · ` : ''}
          {/* The id too, not only a name a server chose: whose profile this is must be unmistakable. */}
          {user?.name ? `${t('userNumber', profile.userId)} · ` : ''}
          {host}
        </p>
        {Number.isNaN(updatedAt) ? null : (
          <p class="profile-meta">
            {t('lastUpdated')}{' '}
            <time dateTime={profile.updatedAt ?? undefined}>{relativeTime(updatedAt)}</time>
          </p>
        )}
      </div>
    </header>
  );
}
