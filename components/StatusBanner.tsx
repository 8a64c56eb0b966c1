/** An error with what to do next. The user's draft is never touched by any of these. */
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '@/utils/shared/api/errors';
import { t } from '@/utils/shared/i18n';

interface Props {
  error: ApiError;
  /** Repeats whatever failed: the save when there are changes, else the load. */
  onRetry(): void;
  onOpenOptions(): void;
}

function useSecondsUntil(time: number | undefined): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!time || time <= now) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [time, now]);
  return time ? Math.max(0, Math.ceil((time - now) / 1000)) : 0;
}

export function StatusBanner({ error, onRetry, onOpenOptions }: Props) {
  const [offline, setOffline] = useState(!navigator.onLine);
  const secondsLeft = useSecondsUntil(error.kind === 'rateLimited' ? error.retryAt : undefined);

  // Offline: try again by itself as soon as the connection is back.
  useEffect(() => {
    const goneOffline = () => setOffline(true);
    const backOnline = () => {
      setOffline(false);
      if (error.kind === 'network' || error.kind === 'timeout') onRetry();
    };
    addEventListener('offline', goneOffline);
    addEventListener('online', backOnline);
    return () => {
      removeEventListener('offline', goneOffline);
      removeEventListener('online', backOnline);
    };
  }, [error, onRetry]);

  const needsOptions = error.kind === 'unauthorized' || error.kind === 'notConfigured';
  const retryable = ['network', 'timeout', 'server', 'invalidResponse', 'rateLimited'].includes(error.kind);
  const message = offline && error.kind === 'network' ? t('offline') : error.message;

  return (
    <div class="banner banner-error" role="alert" tabIndex={-1}>
      <p>
        {message}
        {secondsLeft > 0 && ` ${t('retryIn', secondsLeft)}`}
      </p>
      <div class="banner-actions">
        {needsOptions && (
          <button type="button" onClick={onOpenOptions}>
            {t('openOptions')}
          </button>
        )}
        {retryable && !offline && (
          <button type="button" onClick={onRetry} disabled={secondsLeft > 0}>
            {t('tryAgain')}
          </button>
        )}
      </div>
    </div>
  );
}
