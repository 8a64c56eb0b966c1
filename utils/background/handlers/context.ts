/**
 * What every background handler shares: which instance a request means, a client carrying
 * that instance's auth, and the profile cache. Tokens are read here and go no further than
 * the client.
 */
import { type Auth, type CreatorsHubClient, createClient } from '../../shared/api/client.ts';
import { fail, ok, type Result } from '../../shared/api/errors.ts';
import { hostOf } from '../../shared/api/origin.ts';
import type { Profile } from '../../shared/api/schemas.ts';
import type { HostAccess } from '../../shared/host-access.ts';
import { t } from '../../shared/i18n.ts';
import type { ProfileView } from '../../shared/messaging.ts';
import {
  addRecentUser,
  getActiveInstance,
  getInstance,
  type Instance,
  setCachedProfile,
  updateInstance,
} from '../../shared/storage.ts';
import type { StorageAccess } from '../storage-access.ts';
import { getToken } from '../token-storage.ts';

export interface HandlerDeps {
  fetch?: typeof fetch;
  now?: () => number;
  access: HostAccess;
  /** Shows the editor for a user of an instance, next to `tabId` when given (side panel or window). */
  openEditor(origin: string, userId: number, tabId?: number): Promise<void>;
  /** What the browser granted when the background asked it to keep storage from content scripts. */
  storageAccess: Promise<StorageAccess>;
}

export type HandlerContext = ReturnType<typeof createContext>;

export function createContext(deps: HandlerDeps) {
  const now = deps.now ?? Date.now;

  async function resolveInstance(origin: string | undefined): Promise<Result<Instance>> {
    const instance = origin ? await getInstance(origin) : await getActiveInstance();
    if (instance) return ok(instance);
    return fail({
      kind: 'notConfigured',
      message: origin ? t('errHostNotSetUp', hostOf(origin)) : t('errNoInstance'),
    });
  }

  async function clientFor(instance: Instance): Promise<Result<CreatorsHubClient>> {
    let auth: Auth = { mode: 'session' };
    if (instance.authMode === 'token') {
      const token = await getToken(instance.origin);
      if (!token) {
        return fail({
          kind: 'notConfigured',
          message: t('errNoToken', hostOf(instance.origin)),
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

  /** The instance and its client in one step, for handlers that call the API. */
  async function connect(origin: string | undefined) {
    const instance = await resolveInstance(origin);
    if (!instance.ok) return instance;
    if (!(await deps.access.isGranted(instance.value.origin))) {
      return fail({
        kind: 'notConfigured',
        message: t('errNoAccess', hostOf(instance.value.origin)),
      });
    }
    const client = await clientFor(instance.value);
    return client.ok ? ok({ instance: instance.value, client: client.value }) : client;
  }

  /** Caches a fetched profile and notes other users an admin opened. */
  async function remember(instance: Instance, profile: Profile): Promise<ProfileView> {
    const view = { origin: instance.origin, userId: profile.userId, profile, fetchedAt: now() };
    await setCachedProfile(instance.origin, profile.userId, { profile, fetchedAt: view.fetchedAt });
    if (instance.userId !== null && profile.userId !== instance.userId) {
      await addRecentUser(instance.origin, profile.userId);
    }
    return view;
  }

  return { deps, now, resolveInstance, connect, remember };
}
