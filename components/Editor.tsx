/** The quick editor: whose profile, the six editable fields, and Save. */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/pages/messaging';
import { shortcut } from '@/utils/pages/shortcuts';
import { hostOf } from '@/utils/shared/api/origin';
import type { EditableField } from '@/utils/shared/api/schemas';
import { type MessageKey, t } from '@/utils/shared/i18n';
import type { EditorStart, EditorTarget } from '@/utils/shared/storage';
import { BioField } from './BioField';
import { deferredModule } from './deferred';
import { FIELD_LABELS } from './field-labels';
import { CountryField, TextField } from './fields';
import { ProfileHeader } from './ProfileHeader';
import { FIELDS_PAINTED_MARK, type Notice, readHistory, useEditor } from './useEditor';

const SOCIAL_FIELDS = [
  ['twitterUrl', 'placeholderTwitter'],
  ['facebookUrl', 'placeholderFacebook'],
  ['instagramUrl', 'placeholderInstagram'],
  ['websiteUrl', 'placeholderWebsite'],
] as const;

const NOTICES = {
  draftRestored: 'noticeDraftRestored',
  refreshed: 'noticeRefreshed',
  saved: 'noticeSaved',
  savedWhileClosed: 'noticeSavedWhileClosed',
  restored: 'noticeRestored',
} as const satisfies Record<Exclude<Notice, null>, MessageKey>;

interface Props {
  target: EditorTarget | null;
  /** Storage as read before the first render, for the target the page opened with. */
  opened?: EditorStart;
  /** Switches the editor to another user of the same instance. */
  onOpenUser(target: EditorTarget): void;
  /** Told whenever there start or stop being unsaved changes. */
  onDirtyChange?: (dirty: boolean) => void;
}

const useExtras = deferredModule(() => import('./editor-extras'));
const openOptions = () => void browser.runtime.openOptionsPage();
const labelOf = (field: EditableField) => t(FIELD_LABELS[field]);

export function Editor({ target, opened, onOpenUser, onDirtyChange }: Props) {
  const editor = useEditor(target, opened);
  const extras = useExtras();
  const { state, errors, changes, canSave } = editor;
  const { profile, form, instance } = state;
  const editing = state.target;
  const editingOther = instance?.userId != null && editing != null && editing.userId !== instance.userId;
  /** Admins, and anyone already on another user's profile, can open other users. */
  const opensUsers = editingOther || profile?.user?.role?.privileges?.userManage === true;
  const loadHistory = useCallback(
    () => (editing ? readHistory(editing) : Promise.resolve([])),
    [editing?.origin, editing?.userId],
  );
  const painted = useRef(false);
  const noticeBanner = useRef<HTMLDivElement>(null);

  useEffect(() => onDirtyChange?.(editor.dirty), [editor.dirty, onDirtyChange]);

  // Save and the history's Restore sit below the fold of a long form; what they did is said at the
  // top. Other notices come unasked, and must not pull the page away from a field being typed in.
  useEffect(() => {
    if (state.notice === 'saved' || state.notice === 'restored')
      noticeBanner.current?.scrollIntoView({ block: 'nearest' });
  }, [state.notice]);

  // Marks the moment the profile's fields are first on screen (read by tests and the benchmark).
  useLayoutEffect(() => {
    if (form && profile && !painted.current) {
      painted.current = true;
      requestAnimationFrame(() => performance.mark(FIELDS_PAINTED_MARK));
    }
  }, [form, profile]);

  if (state.unconfigured) {
    return (
      <main class="editor">
        <h1>{t('extName')}</h1>
        <p>{t('setUpIntro')}</p>
        <button type="button" class="primary" onClick={openOptions}>
          {t('setUp')}
        </button>
      </main>
    );
  }

  const origin = state.target?.origin ?? instance?.origin;
  const host = origin ? hostOf(origin) : '';
  const retry = () => void (editor.dirty ? editor.save() : editor.retry());

  /** Saves; when that cannot happen, focus goes to the first thing to fix. */
  async function submit() {
    const saved = Object.keys(errors).length === 0 && (await editor.save());
    if (saved) return;
    requestAnimationFrame(() => {
      const problem = document.querySelector<HTMLElement>(
        '[aria-invalid="true"], .banner-error, .banner-warning',
      );
      problem?.focus();
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    const key = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && (key === 's' || key === 'enter')) {
      event.preventDefault();
      if (editor.dirty) void submit();
    }
  }

  function fieldProps(field: EditableField) {
    return {
      id: field,
      label: labelOf(field),
      value: form?.[field] ?? '',
      error: errors[field],
      onInput: (value: string) => editor.setField(field, value),
    };
  }

  /** Shows what a handle or bare host will be saved as. */
  function normalisedHint(field: EditableField) {
    const next = changes[field];
    return typeof next === 'string' && next !== form?.[field] ? t('willBeSavedAs', next) : undefined;
  }

  return (
    <main class="editor" aria-busy={!form && !state.error}>
      {profile ? (
        <ProfileHeader profile={profile} avatarUrl={state.avatarUrl} host={host} />
      ) : (
        <>
          {/* Until a profile is in (or when none could be read), the page is still named. */}
          <h1 class="visually-hidden">{t('extName')}</h1>
          <div class="skeleton-header" aria-hidden="true" />
        </>
      )}
      {editingOther && profile && (
        <p class="editing-other" role="note">
          <strong>{t('editingOther', profile.user?.name ?? t('userNumber', profile.userId))}</strong>
        </p>
      )}
      {state.error && extras && (
        <extras.StatusBanner
          error={state.error}
          instance={instance}
          unsaved={editor.dirty}
          onRetry={retry}
          onOpenOptions={openOptions}
        />
      )}
      {profile &&
        editing &&
        (extras ? (
          <extras.AvatarEditor
            setAvatar={(change) => sendMessage('ui:setAvatar', { ...editing, change })}
            onChanged={editor.setAvatarUrl}
          />
        ) : (
          // Holds the avatar section's place, so nothing moves when it comes in.
          <div class="avatar-editor avatar-editor-placeholder" aria-hidden="true">
            <div>{t('changeAvatar')}</div>
          </div>
        ))}
      {state.notice && (
        <div class="banner banner-info" role="status" ref={noticeBanner}>
          <p>{t(NOTICES[state.notice])}</p>
          {state.notice === 'saved' && (
            <div class="banner-actions">
              <button type="button" onClick={() => void editor.undoLastSave()}>
                {t('undo')}
              </button>
            </div>
          )}
        </div>
      )}
      {state.conflicts.length > 0 && extras && (
        <extras.ConflictChooser
          conflicts={state.conflicts}
          host={host}
          labelOf={labelOf}
          onChoose={editor.resolveConflict}
        />
      )}
      {form ? (
        <form
          onKeyDown={onKeyDown}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <BioField {...fieldProps('description')} />
          {SOCIAL_FIELDS.map(([field, placeholder]) => (
            <TextField
              key={field}
              {...fieldProps(field)}
              placeholder={t(placeholder)}
              hint={normalisedHint(field)}
            />
          ))}
          <CountryField {...fieldProps('country')} />
          <div class="actions">
            <button type="submit" class="primary" disabled={!canSave} aria-keyshortcuts="Control+S Meta+S">
              {state.saving ? t('saving') : t('save')}
            </button>
            {editor.dirty && (
              <button type="button" onClick={() => void editor.discard()}>
                {t('discard')}
              </button>
            )}
            <span class="shortcut" aria-hidden="true">
              {shortcut('S')}
            </span>
          </div>
        </form>
      ) : (
        !state.error && (
          <div class="skeleton-form" aria-hidden="true">
            {Array.from({ length: 6 }, (_, index) => (
              <div key={index} class="skeleton-field" />
            ))}
          </div>
        )
      )}
      {!form && !state.error && (
        <p class="visually-hidden" role="status">
          {t('loadingProfile')}
        </p>
      )}
      {extras && profile && editing && (
        <extras.SaveHistory
          loadHistory={loadHistory}
          profileVersion={profile}
          labelOf={labelOf}
          onRestore={editor.restore}
        />
      )}
      {extras && origin && state.target && opensUsers && (
        <extras.UserSwitcher
          origin={origin}
          currentUserId={state.target.userId}
          onOpen={(userId) => onOpenUser({ origin, userId })}
        />
      )}
    </main>
  );
}
