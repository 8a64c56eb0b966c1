/** Reading and saving profiles for the editor pages. */
import type { AvatarChange, CreatorsHubClient, UserRef } from '../../shared/api/client.ts';
import { fail, ok, type Result } from '../../shared/api/errors.ts';
import {
  EDITABLE_FIELDS,
  type EditableValues,
  type ProfileChanges,
  sameValue,
} from '../../shared/api/schemas.ts';
import { t } from '../../shared/i18n.ts';
import type { Handlers, SaveOutcome } from '../../shared/messaging.ts';
import { avatarFileProblem, avatarUrlProblem } from '../../shared/profile/avatar.ts';
import { editableValues, mergeWithServer } from '../../shared/profile/form.ts';
import {
  addToHistory,
  clearSaveStatus,
  getDraft,
  getHistory,
  type Instance,
  removeDraft,
  setCachedAvatar,
  setSaveStatus,
  updateInstance,
} from '../../shared/storage.ts';
import type { HandlerContext } from './context.ts';

/** The file's bytes, or null when what the page sent is not base64. */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

export function profileHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'ui:getProfile' | 'ui:saveProfile' | 'ui:getAvatar' | 'ui:setAvatar' | 'ui:getHistory'> {
  /** Reads the server's current values right before the PUT and merges three ways. */
  async function saveMerged(
    client: CreatorsHubClient,
    instance: Instance,
    userId: number,
    changes: ProfileChanges,
    base: EditableValues,
  ): Promise<Result<SaveOutcome>> {
    const current = await client.getProfile(userId);
    if (!current.ok) return current;
    const merge = mergeWithServer(changes, base, editableValues(current.value));
    if (merge.conflicts.length > 0) {
      return ok({
        status: 'conflict',
        conflicts: merge.conflicts,
        view: await ctx.remember(instance, current.value),
      });
    }
    if (Object.keys(merge.changes).length === 0) {
      return ok({ status: 'saved', view: await ctx.remember(instance, current.value) });
    }
    const saved = await client.updateProfile(userId, merge.changes);
    if (!saved.ok) return saved;
    // The history holds what the instance had before and has after, for the fields this save sent
    // and any the instance changed along with them (one that clears what a PUT leaves out, say):
    // Undo and Restore put all of them back.
    const before = editableValues(current.value);
    const after = editableValues(saved.value);
    const fields = EDITABLE_FIELDS.filter(
      (field) => field in merge.changes || !sameValue(before[field], after[field]),
    );
    await addToHistory(instance.origin, userId, {
      at: ctx.now(),
      changes: Object.fromEntries(
        fields.map((field) => [field, { before: before[field], after: after[field] }]),
      ),
    });
    return ok({ status: 'saved', view: await ctx.remember(instance, saved.value) });
  }

  return {
    async 'ui:getProfile'({ origin, userId }) {
      const connection = await ctx.connect(origin);
      if (!connection.ok) return connection;
      const { instance, client } = connection.value;
      const user: UserRef = userId ?? instance.userId ?? 'me';
      const result = await client.getProfile(user);
      if (!result.ok) return result;
      if (user === 'me' && instance.userId === null) {
        await updateInstance(instance.origin, { userId: result.value.userId });
      }
      return ok(await ctx.remember(instance, result.value));
    },

    async 'ui:getAvatar'({ origin, userId }) {
      const connection = await ctx.connect(origin);
      if (!connection.ok) return connection;
      const avatar = await connection.value.client.getAvatar(userId);
      if (!avatar.ok) return avatar;
      await setCachedAvatar(origin, userId, avatar.value);
      return ok({ avatarUrl: avatar.value });
    },

    async 'ui:getHistory'({ origin, userId }) {
      return ok({ saves: await getHistory(origin, userId) });
    },

    async 'ui:setAvatar'({ origin, userId, change }) {
      const connection = await ctx.connect(origin);
      if (!connection.ok) return connection;
      let upload: AvatarChange;
      if ('base64' in change) {
        const bytes = bytesOf(change.base64);
        if (!bytes) return fail({ kind: 'invalidInput', message: t('errAvatarUnreadable') });
        const problem = avatarFileProblem(change.type, bytes.length);
        if (problem) return fail({ kind: 'invalidInput', message: problem });
        upload = { file: new Blob([bytes], { type: change.type }), name: change.name };
      } else {
        const problem = avatarUrlProblem(change.url);
        if (problem) return fail({ kind: 'invalidInput', message: problem });
        upload = { url: change.url };
      }
      const avatar = await connection.value.client.setAvatar(userId, upload);
      if (!avatar.ok) return avatar;
      await setCachedAvatar(origin, userId, avatar.value);
      return ok({ avatarUrl: avatar.value });
    },

    async 'ui:saveProfile'({ origin, userId, changes, base, draftEditedAt }) {
      const connection = await ctx.connect(origin);
      if (!connection.ok) return connection;
      const { instance, client } = connection.value;
      await setSaveStatus(origin, userId, { state: 'saving', at: ctx.now() });
      const outcome = await saveMerged(client, instance, userId, changes, base);
      if (!outcome.ok) {
        const { kind, status } = outcome.error;
        await setSaveStatus(origin, userId, { state: 'failed', at: ctx.now(), error: { kind, status } });
        return outcome;
      }
      if (outcome.value.status === 'saved') {
        // Only the draft this save was made from: the user may have typed on meanwhile.
        const draft = await getDraft(origin, userId);
        if (draft && draft.editedAt === draftEditedAt) await removeDraft(origin, userId);
        await setSaveStatus(origin, userId, { state: 'saved', at: ctx.now() });
      } else {
        await clearSaveStatus(origin, userId);
      }
      return outcome;
    },
  };
}
