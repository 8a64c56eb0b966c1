/** The options page: onboarding on first run, then the instances and their access. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/pages/messaging';
import { hostOf } from '@/utils/shared/api/origin';
import { requestHostAccess } from '@/utils/shared/host-access';
import { t } from '@/utils/shared/i18n';
import type { InstanceSummary, ResultOf } from '@/utils/shared/messaging';
import { InstanceForm } from './InstanceForm';

type Editing = { origin: string } | 'new' | null;
type StorageAccess = Extract<ResultOf<'ui:getStorageAccess'>, { ok: true }>['value'];

export function Options() {
  const [instances, setInstances] = useState<InstanceSummary[] | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState('new');
  const [storageAccess, setStorageAccess] = useState<StorageAccess | null>(null);

  const reload = useCallback(async () => {
    const result = await sendMessage('ui:listInstances', {});
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setInstances(result.value.instances);
    setActive(result.value.active);
  }, []);

  useEffect(() => {
    void reload();
    void sendMessage('ui:getStorageAccess', {}).then((result) => {
      if (result.ok) setStorageAccess(result.value);
    });
  }, [reload]);

  async function remove(instance: InstanceSummary) {
    if (instance.hasDrafts && confirmRemove !== instance.origin) {
      setConfirmRemove(instance.origin);
      return;
    }
    setConfirmRemove(null);
    await sendMessage('ui:removeInstance', { origin: instance.origin });
    if (editing !== 'new' && editing?.origin === instance.origin) setEditing(null);
    await reload();
  }

  async function makeActive(origin: string) {
    await sendMessage('ui:setActiveInstance', { origin });
    await reload();
  }

  function grant(origin: string) {
    void requestHostAccess(origin).then(reload);
  }

  if (instances === null) {
    return (
      <main class="options">{error ? <p role="alert">{error}</p> : <p role="status">{t('loading')}</p>}</main>
    );
  }

  const onboarding = instances.length === 0 && editing === null;
  const editedInstance =
    editing && editing !== 'new' ? (instances.find((i) => i.origin === editing.origin) ?? null) : null;
  const formTitle = editedInstance
    ? t('editInstance', editedInstance.label || hostOf(editedInstance.origin))
    : t('addInstance');

  return (
    <main class="options">
      <h1>{t('extName')}</h1>
      {instances.length > 0 && (
        <section aria-labelledby="instances-title">
          <h2 id="instances-title">{t('instances')}</h2>
          <ul class="instance-list">
            {instances.map((instance) => (
              <InstanceItem
                key={instance.origin}
                instance={instance}
                active={instance.origin === active}
                confirmingRemoval={confirmRemove === instance.origin}
                onEdit={() => {
                  setEditing({ origin: instance.origin });
                  setFormKey(instance.origin);
                }}
                onRemove={() => void remove(instance)}
                onMakeActive={() => void makeActive(instance.origin)}
                onGrant={() => grant(instance.origin)}
              />
            ))}
          </ul>
          {editing === null && (
            <button
              type="button"
              onClick={() => {
                setEditing('new');
                setFormKey(`new-${Date.now()}`);
              }}
            >
              {t('addInstance')}
            </button>
          )}
        </section>
      )}
      {(onboarding || editing !== null) && (
        <section aria-labelledby="form-title" class={onboarding ? 'welcome' : undefined}>
          <h2 id="form-title">{onboarding ? t('connectTitle') : formTitle}</h2>
          {onboarding && (
            <ol>
              <li>{t('stepAddress')}</li>
              <li>{t('stepAuth')}</li>
              <li>{t('stepGrant')}</li>
            </ol>
          )}
          <InstanceForm
            key={formKey}
            existing={editedInstance}
            onSaved={(origin) => {
              // The form stays open on what was just saved, so its result stays on screen.
              setEditing({ origin });
              void reload();
            }}
            onCancel={onboarding ? undefined : () => setEditing(null)}
          />
        </section>
      )}
      <footer class="options-footer">
        {storageAccess && !storageAccess.sessionPrivate && (
          <p class="field-error">{t('storageSessionOpen')}</p>
        )}
        {storageAccess && !storageAccess.localPrivate && <p>{t('storageLocalOpen')}</p>}
        <a href="/privacy.html" target="_blank" rel="noopener">
          {t('privacyPolicy')}
        </a>
      </footer>
    </main>
  );
}

interface ItemProps {
  instance: InstanceSummary;
  active: boolean;
  confirmingRemoval: boolean;
  onEdit(): void;
  onRemove(): void;
  onMakeActive(): void;
  onGrant(): void;
}

function InstanceItem({
  instance,
  active,
  confirmingRemoval,
  onEdit,
  onRemove,
  onMakeActive,
  onGrant,
}: ItemProps) {
  const host = hostOf(instance.origin);
  const name = instance.label || host;
  return (
    <li class="instance">
      <div>
        <strong>{name}</strong> {active && <span class="badge">{t('active')}</span>}
        <p class="field-hint">
          {instance.origin} · {instance.authMode === 'token' ? t('apiToken') : t('browserSession')}
          {instance.userId !== null ? t('summaryUser', instance.userId) : ''}
          {instance.authMode === 'token' && !instance.hasToken ? t('summaryTokenNeeded') : ''}
        </p>
        {!instance.granted && (
          <p class="field-error">
            {t('accessMissing', host)}{' '}
            <button type="button" onClick={onGrant}>
              {t('grantAccessTo', host)}
            </button>
          </p>
        )}
        {confirmingRemoval && (
          <p class="field-error" role="alert">
            {t('confirmRemoval', name)}
          </p>
        )}
      </div>
      <div class="actions">
        {!active && (
          <button type="button" onClick={onMakeActive}>
            {t('makeActive', name)}
          </button>
        )}
        <button type="button" onClick={onEdit}>
          {t('editInstance', name)}
        </button>
        <button type="button" onClick={onRemove}>
          {t('removeInstance', name)}
        </button>
      </div>
    </li>
  );
}
