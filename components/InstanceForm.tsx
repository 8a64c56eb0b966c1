/**
 * Adding or editing one instance: address, how to sign in, who you are, and access. The token
 * is only ever typed here; the page never reads it back.
 */
import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/pages/messaging';
import { openEditorHint } from '@/utils/pages/open-editor-hint';
import type { ApiError } from '@/utils/shared/api/errors';
import { hostOf, normalizeInstanceOrigin } from '@/utils/shared/api/origin';
import { userIdFromToken } from '@/utils/shared/api/token';
import { requestHostAccess } from '@/utils/shared/host-access';
import { type MessageKey, t } from '@/utils/shared/i18n';
import type { InstanceSummary, PayloadOf, ResultOf } from '@/utils/shared/messaging';
import { DEFAULT_ROUTE_PATTERNS, type Instance } from '@/utils/shared/storage';
import { FieldMessage } from './fields';

interface Props {
  /** The instance being edited; absent when adding one. */
  existing: InstanceSummary | null;
  onSaved(origin: string): void;
  onCancel?: () => void;
}

type Outcome =
  /** `next`: what to do now the instance works, shown once a connection test succeeds. */
  { kind: 'ok'; message: string; next?: string[] } | { kind: 'error'; error: ApiError } | null;

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

const AUTH_MODES = [
  ['token', 'apiToken'],
  ['session', 'browserSession'],
] as const satisfies readonly (readonly [Instance['authMode'], MessageKey])[];

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

  /** Saves, then asks the background `type` about the saved instance; shows what went wrong, if anything. */
  function askAboutSaved<T extends 'ui:getProfile' | 'ui:detectUserId'>(
    type: T,
    onAnswer: (value: Extract<ResultOf<T>, { ok: true }>['value']) => void | Promise<void>,
  ) {
    if (!checkLocally()) return;
    void run(async () => {
      const origin = await save();
      if (!origin) return;
      const result = await sendMessage(type, { origin } as PayloadOf<T>);
      if (result.ok) await onAnswer(result.value as Extract<ResultOf<T>, { ok: true }>['value']);
      else setOutcome({ kind: 'error', error: result.error });
    });
  }

  function onTest() {
    // The instance's own user, as the editor would read it: who the token or session is.
    askAboutSaved('ui:getProfile', async ({ userId: id, profile }) => {
      const { name, username } = profile.user ?? {};
      setUserId(String(id));
      setOutcome({
        kind: 'ok',
        message: t('connectedAs', name ?? t('unnamedUser'), username ? ` (@${username})` : '', id),
        next: await openEditorHint(),
      });
    });
  }

  function onDetect() {
    askAboutSaved('ui:detectUserId', ({ userId: id, source }) => {
      setUserId(String(id));
      const found = { session: 'foundUserSession', me: 'foundUserMe', token: 'foundUserToken' } as const;
      setOutcome({ kind: 'ok', message: t(found[source], id) });
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
        {AUTH_MODES.map(([mode, label]) => (
          <label key={mode}>
            <input type="radio" name="auth" checked={authMode === mode} onChange={() => setAuthMode(mode)} />
            {t(label)}
          </label>
        ))}
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
            <FieldMessage id="api-token-message" error={fieldErrors.token} hint={t('tokenHint')} />
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
        <FieldMessage id="user-id-message" error={fieldErrors.userId} hint={t('userIdHint')} />
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
          <FieldMessage
            id="route-patterns-message"
            error={fieldErrors.routePatterns}
            hint={t('routesHint')}
          />
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
          {outcome.kind === 'ok' && outcome.next?.map((line) => <p key={line}>{line}</p>)}
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
