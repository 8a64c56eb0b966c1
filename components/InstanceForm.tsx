/**
 * Adding or editing one instance: address, how to sign in, who you are, and access. The token
 * is only ever typed here; the page never reads it back.
 */
import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/pages/messaging';
import type { ApiError } from '@/utils/shared/api/errors';
import { hostOf, normalizeInstanceOrigin } from '@/utils/shared/api/origin';
import { userIdFromToken } from '@/utils/shared/api/token';
import { requestHostAccess } from '@/utils/shared/host-access';
import { type MessageKey, t } from '@/utils/shared/i18n';
import type { InstanceSummary } from '@/utils/shared/messaging';
import { DEFAULT_ROUTE_PATTERNS } from '@/utils/shared/storage';

interface Props {
  /** The instance being edited; absent when adding one. */
  existing: InstanceSummary | null;
  onSaved(origin: string): void;
  onCancel?: () => void;
}

type Outcome = { kind: 'ok'; message: string } | { kind: 'error'; error: ApiError } | null;

const ERROR_TITLES: Partial<Record<ApiError['kind'], MessageKey>> = {
  unauthorized: 'titleNotSignedIn',
  forbidden: 'titleNotAllowed',
  notFound: 'titleUserNotFound',
  network: 'titleUnreachable',
  timeout: 'titleNoAnswer',
  server: 'titleInstanceError',
  invalidResponse: 'titleUnexpected',
  rateLimited: 'titleRateLimited',
  notConfigured: 'titleNotSetUp',
};

export function InstanceForm({ existing, onSaved, onCancel }: Props) {
  const [address, setAddress] = useState(existing?.origin ?? '');
  const [label, setLabel] = useState(existing?.label ?? '');
  const [authMode, setAuthMode] = useState<'token' | 'session'>(existing?.authMode ?? 'token');
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(existing?.rememberToken ?? false);
  const [userId, setUserId] = useState(existing?.userId ? String(existing.userId) : '');
  const [routes, setRoutes] = useState((existing?.routePatterns ?? DEFAULT_ROUTE_PATTERNS).join('\n'));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const preview = normalizeInstanceOrigin(address);
  const host = preview.ok ? hostOf(preview.value) : null;

  function onTokenInput(value: string) {
    setToken(value);
    // A convenience: most instance tokens carry the user id.
    const claimed = userIdFromToken(value);
    if (claimed !== null && userId === '') setUserId(String(claimed));
  }

  /** Checks what can be checked here before anything is stored or requested. */
  function checkLocally(): string | null {
    const errors: Record<string, string> = {};
    if (!preview.ok) errors.address = preview.error.message;
    if (authMode === 'token' && token.trim().replace(/^bearer\s*/i, '') === '' && !existing?.hasToken) {
      errors.token = t('errTokenMissing');
    }
    if (userId !== '' && !/^[1-9]\d*$/.test(userId.trim())) errors.userId = t('errUserIdNumber');
    setFieldErrors(errors);
    return preview.ok && Object.keys(errors).length === 0 ? preview.value : null;
  }

  async function save(): Promise<string | null> {
    const result = await sendMessage('ui:saveInstance', {
      previousOrigin: existing?.origin,
      address,
      label,
      authMode,
      token: authMode === 'token' && token.trim() !== '' ? token : undefined,
      remember,
      userId: userId.trim() === '' ? null : Number(userId),
      routePatterns: routes.split('\n'),
    });
    if (!result.ok) {
      if (result.error.field) setFieldErrors({ [result.error.field]: result.error.message });
      else setOutcome({ kind: 'error', error: result.error });
      return null;
    }
    setToken('');
    onSaved(result.value.origin);
    return result.value.origin;
  }

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setOutcome(null);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  }

  function onGrant() {
    const origin = checkLocally();
    if (!origin) return;
    // Asked first, inside the click: browsers only show the prompt from a user gesture.
    const granted = requestHostAccess(origin);
    void run(async () => {
      if (!(await granted)) {
        setOutcome({
          kind: 'error',
          error: {
            kind: 'notConfigured',
            message: t('accessNotGranted', hostOf(origin)),
          },
        });
        return;
      }
      if (await save()) setOutcome({ kind: 'ok', message: t('accessGranted', hostOf(origin)) });
    });
  }

  function onSave(event: Event) {
    event.preventDefault();
    if (!checkLocally()) return;
    void run(async () => {
      if (await save()) setOutcome({ kind: 'ok', message: t('noticeSaved') });
    });
  }

  function onTest() {
    if (!checkLocally()) return;
    void run(async () => {
      const origin = await save();
      if (!origin) return;
      const result = await sendMessage('ui:testConnection', { origin });
      if (!result.ok) {
        setOutcome({ kind: 'error', error: result.error });
        return;
      }
      const { name, username, userId: id } = result.value;
      setUserId(String(id));
      setOutcome({
        kind: 'ok',
        message: t('connectedAs', name ?? t('unnamedUser'), username ? ` (@${username})` : '', id),
      });
    });
  }

  function onDetect() {
    if (!checkLocally()) return;
    void run(async () => {
      const origin = await save();
      if (!origin) return;
      const result = await sendMessage('ui:detectUserId', { origin });
      if (!result.ok) {
        setOutcome({ kind: 'error', error: result.error });
        return;
      }
      setUserId(String(result.value.userId));
      const found = { session: 'foundUserSession', me: 'foundUserMe', token: 'foundUserToken' } as const;
      setOutcome({ kind: 'ok', message: t(found[result.value.source], result.value.userId) });
    });
  }

  const tokenPlaceholder = existing?.hasToken ? t('tokenStored') : t('tokenPaste');

  return (
    <form class="instance-form" onSubmit={onSave} aria-busy={busy}>
      <div class={`field${fieldErrors.address ? ' field-invalid' : ''}`}>
        <label for="instance-url">{t('instanceUrl')}</label>
        <input
          id="instance-url"
          value={address}
          placeholder="creators-hub-instance.com"
          autocomplete="url"
          aria-invalid={fieldErrors.address ? 'true' : undefined}
          aria-describedby="instance-url-message"
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <p id="instance-url-message" class={fieldErrors.address ? 'field-error' : 'field-hint'}>
          {fieldErrors.address ??
            (host ? t('connectsTo', preview.ok ? preview.value : '') : t('instanceUrlHint'))}
        </p>
      </div>

      <div class="field">
        <label for="instance-label">{t('labelOptional')}</label>
        <input id="instance-label" value={label} onInput={(event) => setLabel(event.currentTarget.value)} />
      </div>

      <fieldset class="auth-choice">
        <legend>{t('signInWith')}</legend>
        <label>
          <input
            type="radio"
            name="auth"
            checked={authMode === 'token'}
            onChange={() => setAuthMode('token')}
          />
          {t('apiToken')}
        </label>
        <label>
          <input
            type="radio"
            name="auth"
            checked={authMode === 'session'}
            onChange={() => setAuthMode('session')}
          />
          {t('browserSession')}
        </label>
      </fieldset>

      {authMode === 'token' ? (
        <>
          <div class={`field${fieldErrors.token ? ' field-invalid' : ''}`}>
            <label for="api-token">{t('apiToken')}</label>
            <input
              id="api-token"
              type="password"
              value={token}
              placeholder={tokenPlaceholder}
              autocomplete="off"
              spellcheck={false}
              aria-invalid={fieldErrors.token ? 'true' : undefined}
              aria-describedby="api-token-message"
              onInput={(event) => onTokenInput(event.currentTarget.value)}
            />
            <p id="api-token-message" class={fieldErrors.token ? 'field-error' : 'field-hint'}>
              {fieldErrors.token ?? t('tokenHint')}
            </p>
          </div>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={remember}
              onChange={(event) => setRemember(event.currentTarget.checked)}
            />
            {t('rememberDevice')}
          </label>
          <p class="field-hint">{t('rememberHint')}</p>
        </>
      ) : (
        <p class="field-hint">
          {t('sessionHint', host ?? t('theInstance'))}{' '}
          {host && preview.ok && (
            <a href={preview.value} target="_blank" rel="noreferrer">
              {t('signInOn', host)}
            </a>
          )}{' '}
          {t('sessionThenTest')}
        </p>
      )}

      <div class={`field${fieldErrors.userId ? ' field-invalid' : ''}`}>
        <label for="user-id">{t('userId')}</label>
        <div class="inline">
          <input
            id="user-id"
            inputMode="numeric"
            value={userId}
            aria-invalid={fieldErrors.userId ? 'true' : undefined}
            aria-describedby="user-id-message"
            onInput={(event) => setUserId(event.currentTarget.value.trim())}
          />
          <button type="button" onClick={onDetect} disabled={busy}>
            {t('detect')}
          </button>
        </div>
        <p id="user-id-message" class={fieldErrors.userId ? 'field-error' : 'field-hint'}>
          {fieldErrors.userId ?? t('userIdHint')}
        </p>
      </div>

      <details class="advanced">
        <summary>{t('userPageRoutes')}</summary>
        <div class={`field${fieldErrors.routePatterns ? ' field-invalid' : ''}`}>
          <label for="route-patterns">{t('userPageRoutes')}</label>
          <textarea
            id="route-patterns"
            rows={3}
            value={routes}
            aria-describedby="route-patterns-message"
            onInput={(event) => setRoutes(event.currentTarget.value)}
          />
          <p id="route-patterns-message" class={fieldErrors.routePatterns ? 'field-error' : 'field-hint'}>
            {fieldErrors.routePatterns ?? t('routesHint')}
          </p>
        </div>
      </details>

      {outcome && (
        <div
          class={`banner ${outcome.kind === 'ok' ? 'banner-info' : 'banner-error'}`}
          role={outcome.kind === 'ok' ? 'status' : 'alert'}
        >
          <p>
            {outcome.kind === 'ok'
              ? outcome.message
              : t(
                  'titledError',
                  t(ERROR_TITLES[outcome.error.kind] ?? 'titleProblem'),
                  outcome.error.message,
                )}
          </p>
        </div>
      )}

      <div class="actions">
        <button type="button" class={existing?.granted ? '' : 'primary'} onClick={onGrant} disabled={busy}>
          {t('grantAccess')}
        </button>
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" onClick={onTest} disabled={busy}>
          {t('testConnection')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
