/** An error with what to do next. The user's draft is never touched by any of these. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ApiError } from '@/utils/shared/api/errors';
import { hostOf } from '@/utils/shared/api/origin';
import { t } from '@/utils/shared/i18n';
import type { Instance } from '@/utils/shared/storage';

interface Props {
  error: ApiError;
  /** The instance being edited: with a browser session, signing in there is what fixes a refusal. */
  instance: Instance | null;
  /** The editor holds changes not yet saved (they are kept, whatever failed). */
  unsaved: boolean;
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

export function StatusBanner({ error, instance, unsaved, onRetry, onOpenOptions }: Props) {
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

  const signInOn = error.kind === 'unauthorized' && instance?.authMode === 'session' ? instance.origin : null;
  const needsOptions = !signInOn && (error.kind === 'unauthorized' || error.kind === 'notConfigured');
  // A refusal can be tried again once the user has signed in, or pasted a new token.
  const retryable = [
    'network',
    'timeout',
    'server',
    'invalidResponse',
    'rateLimited',
    'unauthorized',
  ].includes(error.kind);
  const message =
    offline && error.kind === 'network'
      ? t(unsaved ? 'offline' : 'offlineNoChanges')
      : unsaved
        ? `${error.message} ${t('changesKept')}`
        : error.message;

  return (
    <div class="banner banner-error" role="alert" tabIndex={-1}>
      <p>
        {message}
        {secondsLeft > 0 && ` ${t('retryIn', secondsLeft)}`}
      </p>
      <div class="banner-actions">
        {signInOn && (
          <button type="button" onClick={() => void browser.tabs.create({ url: signInOn })}>
            {t('signInOn', hostOf(signInOn))}
          </button>
        )}
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
