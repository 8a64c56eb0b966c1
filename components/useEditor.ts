/**
 * The editor's behaviour, shared by the popup, the editor window and the side panel: show a
 * cached profile at once and revalidate it, keep every keystroke as a draft, save through the
 * background, and keep the draft through every failure.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/pages/messaging';
import type { ApiError } from '@/utils/shared/api/errors';
import type { EditableValues, Profile } from '@/utils/shared/api/schemas';
import { t } from '@/utils/shared/i18n';
import {
  type Conflict,
  changedFields,
  editableValues,
  editedFields,
  type FormValues,
  formFromValues,
  parseForm,
  rebase,
  withValues,
} from '@/utils/shared/profile/form';
import {
  clearSaveStatus,
  type EditorStart,
  type EditorTarget,
  getCachedProfile,
  type Instance,
  readEditorStart,
  removeDraft,
  type SaveRecord,
  type SaveStatus,
  saveDraft,
  watchSaveStatus,
} from '@/utils/shared/storage';

export type Notice = 'draftRestored' | 'refreshed' | 'saved' | 'savedWhileClosed' | 'restored' | null;

export interface EditorState {
  instance: Instance | null;
  /** Known once the first profile (cached or fetched) is in. */
  target: EditorTarget | null;
  profile: Profile | null;
  form: FormValues | null;
  /** Server values the form was typed over: the base of the three-way merge. */
  base: EditableValues | null;
  error: ApiError | null;
  notice: Notice;
  saving: boolean;
  conflicts: Conflict[];
  /** No instance is set up at all. */
  unconfigured: boolean;
  avatarUrl: string | null;
}

export const FIELDS_PAINTED_MARK = 'profile-fields-painted';
const DRAFT_DEBOUNCE_MS = 250;

/** Resolves once what was just rendered has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}
/** The saves made from this browser to a user's profile, newest first: the background keeps them. */
export async function readHistory(target: EditorTarget): Promise<SaveRecord[]> {
  const history = await sendMessage('ui:getHistory', target);
  return history.ok ? history.value.saves : [];
}

/** A "saving" record older than this belongs to a background that was stopped mid-save. */
const SAVE_IN_FLIGHT_MS = 60_000;

const NOTHING_SHOWN: EditorState = {
  instance: null,
  target: null,
  profile: null,
  form: null,
  base: null,
  error: null,
  notice: null,
  saving: false,
  conflicts: [],
  unconfigured: false,
  avatarUrl: null,
};

/** What an editor shows from storage alone (cached profile, draft), before any request. */
function stateFromStart(requested: EditorTarget | null, start: EditorStart): EditorState {
  const { instance, cached, draft, avatarUrl } = start;
  if (!instance) return { ...NOTHING_SHOWN, unconfigured: requested === null };
  const userId = requested?.userId ?? instance.userId;
  if (userId === null) return { ...NOTHING_SHOWN, instance };
  const base = draft?.base ?? (cached ? editableValues(cached.profile) : null);
  return {
    ...NOTHING_SHOWN,
    instance,
    target: { origin: instance.origin, userId },
    profile: cached?.profile ?? null,
    base,
    form: draft?.form ?? (base ? formFromValues(base) : null),
    notice: draft ? 'draftRestored' : null,
    avatarUrl,
  };
}

/**
 * `opened`: storage as read before the page first rendered (see entrypoints/popup), so the
 * first frame already holds the fields; without it the editor reads storage itself.
 */
export function useEditor(requested: EditorTarget | null, opened?: EditorStart) {
  const [state, setState] = useState(() => (opened ? stateFromStart(requested, opened) : NOTHING_SHOWN));
  const stateRef = useRef(state);
  stateRef.current = state;
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftStamp = useRef(opened?.draft?.editedAt);
  /** A save started by an earlier page (the popup closed mid-save) that the background finishes. */
  const awaitingEarlierSave = useRef(false);

  const update = useCallback((changes: Partial<EditorState>) => {
    setState((previous) => ({ ...previous, ...changes }));
  }, []);

  /** Shows a server profile: untouched fields follow it, edited ones keep the user's text. */
  const applyProfile = useCallback((profile: Profile, origin: string, notice?: Notice) => {
    const fresh = editableValues(profile);
    setState((previous) => {
      const { form, base } = previous;
      return {
        ...previous,
        target: { origin, userId: profile.userId },
        profile,
        ...rebase(form, base, fresh),
        notice: notice ?? previous.notice,
      };
    });
  }, []);

  /** Fetches through the background; without a user id, the instance's signed-in user. */
  const revalidate = useCallback(
    async (request: { origin: string; userId?: number }) => {
      const result = await sendMessage('ui:getProfile', request);
      if (!result.ok) {
        update({ error: result.error });
        return;
      }
      const previous = stateRef.current.profile;
      const refreshed = previous !== null && previous.updatedAt !== result.value.profile.updatedAt;
      update({ error: null });
      applyProfile(result.value.profile, result.value.origin, refreshed ? 'refreshed' : undefined);
      const avatar = await sendMessage('ui:getAvatar', {
        origin: result.value.origin,
        userId: result.value.userId,
      });
      if (avatar.ok) update({ avatarUrl: avatar.value.avatarUrl });
    },
    [applyProfile, update],
  );

  const showSaveStatus = useCallback(
    (target: EditorTarget, status: SaveStatus | null) => {
      if (!status) return;
      if (status.state === 'saving' && Date.now() - status.at < SAVE_IN_FLIGHT_MS) {
        awaitingEarlierSave.current = true;
        update({ saving: true });
        return;
      }
      awaitingEarlierSave.current = false;
      update({
        saving: false,
        notice: status.state === 'saved' ? 'savedWhileClosed' : stateRef.current.notice,
        error:
          status.state === 'failed' && status.error
            ? { ...status.error, message: t('errEarlierSaveFailed') }
            : stateRef.current.error,
      });
      void clearSaveStatus(target.origin, target.userId);
    },
    [update],
  );

  // Load: cache and draft first (no network), then revalidate.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const start = opened ?? (await readEditorStart(requested));
      if (cancelled) return;
      if (!opened) {
        draftStamp.current = start.draft?.editedAt;
        setState(stateFromStart(requested, start));
      }
      const { instance } = start;
      if (!instance) {
        if (requested) await revalidate(requested);
        return;
      }
      const userId = requested?.userId ?? instance.userId;
      if (userId !== null) {
        showSaveStatus({ origin: instance.origin, userId }, start.saveStatus);
        // A cached profile goes on screen before any request is made.
        if (start.cached) await afterPaint();
        if (cancelled) return;
      }
      await revalidate({ origin: instance.origin, userId: userId ?? undefined });
    })();
    return () => {
      cancelled = true;
    };
  }, [requested, opened, revalidate, showSaveStatus]);

  // A save the background finishes while this page is open (or after a reopen).
  useEffect(() => {
    const target = state.target;
    if (!target) return;
    return watchSaveStatus(target, (status) => {
      if (!awaitingEarlierSave.current || status?.state === 'saving') return;
      void getCachedProfile(target.origin, target.userId).then((cached) => {
        if (cached && status?.state === 'saved') applyProfile(cached.profile, target.origin);
        showSaveStatus(target, status);
      });
    });
  }, [state.target, applyProfile, showSaveStatus]);

  const persistDraft = useCallback(async () => {
    clearTimeout(draftTimer.current);
    draftTimer.current = undefined;
    const { target, form, base } = stateRef.current;
    if (!target || !form || !base) return;
    if (editedFields(form, base).length === 0) {
      draftStamp.current = undefined;
      await removeDraft(target.origin, target.userId);
      return;
    }
    draftStamp.current = Date.now();
    await saveDraft(target.origin, target.userId, { form, base, editedAt: draftStamp.current });
  }, []);

  // Whatever is pending is written when the popup goes away.
  useEffect(() => {
    const flush = () => {
      if (draftTimer.current !== undefined) void persistDraft();
    };
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, [persistDraft]);

  const setField = useCallback(
    (field: keyof FormValues, value: string) => {
      setState((previous) =>
        previous.form ? { ...previous, form: { ...previous.form, [field]: value }, notice: null } : previous,
      );
      clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(() => void persistDraft(), DRAFT_DEBOUNCE_MS);
    },
    [persistDraft],
  );

  const parsed = useMemo(() => (state.form ? parseForm(state.form) : null), [state.form]);
  const changes = useMemo(
    () => (parsed && state.base ? changedFields(parsed, state.base) : {}),
    [parsed, state.base],
  );
  const hasErrors = parsed ? Object.keys(parsed.errors).length > 0 : false;
  const dirty =
    state.form && state.base && parsed ? editedFields(state.form, state.base, parsed).length > 0 : false;

  const save = useCallback(async () => {
    const { target, base, form, saving, conflicts } = stateRef.current;
    if (!target || !base || !form || saving || conflicts.length > 0) return false;
    const formAtSave = form;
    const current = parseForm(form);
    if (Object.keys(current.errors).length > 0) return false;
    await persistDraft();
    update({ saving: true, error: null, notice: null });
    const request = {
      origin: target.origin,
      userId: target.userId,
      changes: changedFields(current, base),
      base,
      draftEditedAt: draftStamp.current,
    };
    let result = await sendMessage('ui:saveProfile', request);
    // A stopped background restarts on the next message; its read-before-save makes a resend
    // safe: changes already on the server are not sent again.
    if (!result.ok && result.error.kind === 'interrupted')
      result = await sendMessage('ui:saveProfile', request);
    if (!result.ok) {
      update({ saving: false, error: result.error });
      return false;
    }
    void clearSaveStatus(target.origin, target.userId);
    const { view } = result.value;
    if (result.value.status === 'conflict') {
      update({ saving: false, conflicts: result.value.conflicts, profile: view.profile });
      return false;
    }
    const fresh = editableValues(view.profile);
    setState((previous) => {
      // Text typed while the save ran stays on the form; otherwise the form is what was saved.
      const typedMeanwhile = previous.form !== formAtSave ? previous.form : null;
      return {
        ...previous,
        saving: false,
        profile: view.profile,
        notice: 'saved',
        ...rebase(typedMeanwhile, base, fresh),
      };
    });
    return true;
  }, [persistDraft, update]);

  /** The user picked a side for one conflicting field. */
  const resolveConflict = useCallback(
    (conflict: Conflict, keep: 'mine' | 'theirs') => {
      setState((previous) => {
        if (!previous.profile || !previous.form || !previous.base) return previous;
        const theirs = editableValues(previous.profile);
        const form = { ...previous.form };
        if (keep === 'theirs') form[conflict.field] = formFromValues(theirs)[conflict.field];
        // The server's value is now seen: it becomes this field's base.
        const base = { ...previous.base, [conflict.field]: theirs[conflict.field] };
        return { ...previous, form, base, conflicts: previous.conflicts.filter((c) => c !== conflict) };
      });
      void Promise.resolve().then(persistDraft);
    },
    [persistDraft],
  );

  /** Puts the values from before a save back into the form, as an edit to review and save. */
  const restore = useCallback(
    (record: SaveRecord, notice: Notice = 'restored') => {
      const before = Object.fromEntries(
        Object.entries(record.changes).map(([field, change]) => [field, change?.before ?? null]),
      ) as Partial<EditableValues>;
      const current = stateRef.current;
      if (!current.form) return;
      const form = withValues(current.form, before);
      // Kept in step now, not on the next render: an undo saves this form straight away.
      stateRef.current = { ...current, form, notice };
      setState((previous) => ({ ...previous, form, notice }));
      clearTimeout(draftTimer.current);
      void persistDraft();
    },
    [persistDraft],
  );

  /** Undoes the last save: its earlier values go back through the same save as any edit. */
  const undoLastSave = useCallback(async () => {
    const { target } = stateRef.current;
    if (!target) return false;
    const [last] = await readHistory(target);
    if (!last) return false;
    restore(last, null);
    return save();
  }, [restore, save]);

  const discard = useCallback(async () => {
    const { target, profile } = stateRef.current;
    if (!target || !profile) return;
    clearTimeout(draftTimer.current);
    await removeDraft(target.origin, target.userId);
    const values = editableValues(profile);
    update({ form: formFromValues(values), base: values, notice: null, conflicts: [], error: null });
  }, [update]);

  const retry = useCallback(async () => {
    const { target, instance } = stateRef.current;
    const origin = target?.origin ?? instance?.origin;
    if (origin) await revalidate({ origin, userId: target?.userId });
  }, [revalidate]);
  const setAvatarUrl = useCallback((avatarUrl: string | null) => update({ avatarUrl }), [update]);

  return {
    state,
    errors: parsed?.errors ?? {},
    changes,
    dirty,
    canSave: Object.keys(changes).length > 0 && !hasErrors && !state.saving && state.conflicts.length === 0,
    setField,
    save,
    discard,
    retry,
    resolveConflict,
    setAvatarUrl,
    restore,
    undoLastSave,
  };
}
