/**
 * What the background does for each message. The background owns tokens and every network
 * call: results carry profiles and error kinds, never a token.
 */
import { type Auth, type CreatorsHubClient, createClient, type UserRef } from './api/client.ts';
import { fail, ok, type Result } from './api/errors.ts';
import { hostOf } from './api/origin.ts';
import type { EditableValues, ProfileChanges } from './api/schemas.ts';
import type { Handlers, ProfileView, SaveOutcome } from './messaging.ts';
import { editableValues, mergeWithServer } from './profile/form.ts';
import {
  addRecentUser,
  clearSaveStatus,
  getActiveInstance,
  getDraft,
  getInstance,
  getToken,
  type Instance,
  removeDraft,
  setCachedProfile,
  setSaveStatus,
  updateInstance,
} from './storage.ts';

export interface HandlerDeps {
  fetch?: typeof fetch;
  now?: () => number;
  /** Shows the editor for a user of an instance (side panel or window). */
  openEditor(origin: string, userId: number): Promise<void>;
}

async function resolveInstance(origin: string | undefined): Promise<Result<Instance>> {
  const instance = origin ? await getInstance(origin) : await getActiveInstance();
  if (instance) return ok(instance);
  return fail({
    kind: 'notConfigured',
    message: origin
      ? `${hostOf(origin)} is not set up in this extension. Add it in Options.`
      : 'No Creators Hub instance is set up yet. Open Options to connect one.',
  });
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const now = deps.now ?? Date.now;

  async function clientFor(instance: Instance): Promise<Result<CreatorsHubClient>> {
    let auth: Auth = { mode: 'session' };
    if (instance.authMode === 'token') {
      const token = await getToken(instance.origin);
      if (!token) {
        return fail({
          kind: 'notConfigured',
          message: `No API token for ${hostOf(instance.origin)} in this browser session. Paste it again in Options, or tick “Remember on this device”.`,
        });
      }
      auth = { mode: 'token', token };
    }
    return ok(
      createClient({
        origin: instance.origin,
        auth,
        fetch: deps.fetch,
        now,
        pathForm: instance.pathForm,
        onPathForm: (pathForm) => updateInstance(instance.origin, { pathForm }),
      }),
    );
  }

  async function remember(instance: Instance, profile: ProfileView['profile']): Promise<ProfileView> {
    const view = { origin: instance.origin, userId: profile.userId, profile, fetchedAt: now() };
    await setCachedProfile(instance.origin, profile.userId, { profile, fetchedAt: view.fetchedAt });
    if (instance.userId !== null && profile.userId !== instance.userId) {
      await addRecentUser(instance.origin, profile.userId);
    }
    return view;
  }

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
        view: await remember(instance, current.value),
      });
    }
    if (Object.keys(merge.changes).length === 0) {
      return ok({ status: 'saved', view: await remember(instance, current.value) });
    }
    const saved = await client.updateProfile(userId, merge.changes);
    return saved.ok ? ok({ status: 'saved', view: await remember(instance, saved.value) }) : saved;
  }

  return {
    async 'ui:getProfile'({ origin, userId }) {
      const instance = await resolveInstance(origin);
      if (!instance.ok) return instance;
      const client = await clientFor(instance.value);
      if (!client.ok) return client;
      const user: UserRef = userId ?? instance.value.userId ?? 'me';
      const result = await client.value.getProfile(user);
      if (!result.ok) return result;
      if (user === 'me' && instance.value.userId === null) {
        await updateInstance(instance.value.origin, { userId: result.value.userId });
      }
      return ok(await remember(instance.value, result.value));
    },

    async 'ui:saveProfile'({ origin, userId, changes, base, draftEditedAt }) {
      const instance = await resolveInstance(origin);
      if (!instance.ok) return instance;
      const client = await clientFor(instance.value);
      if (!client.ok) return client;
      await setSaveStatus(origin, userId, { state: 'saving', at: now() });
      const outcome = await saveMerged(client.value, instance.value, userId, changes, base);
      if (!outcome.ok) {
        const { kind, message } = outcome.error;
        await setSaveStatus(origin, userId, { state: 'failed', at: now(), error: { kind, message } });
        return outcome;
      }
      if (outcome.value.status === 'saved') {
        // Only the draft this save was made from: the user may have typed on meanwhile.
        const draft = await getDraft(origin, userId);
        if (draft && draft.editedAt === draftEditedAt) await removeDraft(origin, userId);
        await setSaveStatus(origin, userId, { state: 'saved', at: now() });
      } else {
        await clearSaveStatus(origin, userId);
      }
      return outcome;
    },

    async 'cs:openEditor'({ userId }, sender) {
      const instance = await getInstance(sender.origin);
      if (!instance) return fail({ kind: 'notConfigured', message: 'This instance is not set up.' });
      const target = userId === 'self' ? instance.userId : userId;
      if (target === null) {
        return fail({ kind: 'notConfigured', message: 'Set your user ID in Options first.' });
      }
      await deps.openEditor(sender.origin, target);
      return ok({ opened: true });
    },
  };
}
