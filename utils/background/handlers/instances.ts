/** Setting up instances from options: save, test, detect the user, remove every trace. */
import { normalizeToken } from '../../shared/api/client.ts';
import { fail, ok, type Result } from '../../shared/api/errors.ts';
import { normalizeInstanceOrigin } from '../../shared/api/origin.ts';
import { userIdFromToken } from '../../shared/api/token.ts';
import { t } from '../../shared/i18n.ts';
import type { Handlers, PayloadOf } from '../../shared/messaging.ts';
import { routePatternProblem } from '../../shared/routes.ts';
import {
  DEFAULT_ROUTE_PATTERNS,
  getActiveInstance,
  getInstance,
  getInstances,
  type Instance,
  originsWithDrafts,
  saveInstance,
  setActiveInstance,
} from '../../shared/storage.ts';
import { clearToken, forgetInstance, getToken, setToken } from '../token-storage.ts';
import type { HandlerContext } from './context.ts';

type InstanceHandlers = Pick<
  Handlers,
  | 'ui:listInstances'
  | 'ui:saveInstance'
  | 'ui:setActiveInstance'
  | 'ui:detectUserId'
  | 'ui:removeInstance'
  | 'ui:getStorageAccess'
>;

function invalid(field: string, message: string): Result<never> {
  return fail({ kind: 'invalidInput', field, message });
}

/** Checks a whole setup before anything is stored: nothing is saved from a bad form. */
async function validate(
  input: PayloadOf<'ui:saveInstance'>,
): Promise<Result<{ instance: Instance; token: string | null }>> {
  const origin = normalizeInstanceOrigin(input.address);
  if (!origin.ok) return invalid('address', origin.error.message);
  const token = input.authMode === 'token' && input.token !== undefined ? normalizeToken(input.token) : null;
  const existing = await getInstance(origin.value);
  const hasStoredToken = existing !== null && (await getToken(origin.value)) !== null;
  if (input.authMode === 'token' && !token && !hasStoredToken) {
    return invalid('token', t('errTokenMissing'));
  }
  const patterns = input.routePatterns.map((pattern) => pattern.trim()).filter(Boolean);
  const problem = patterns.map(routePatternProblem).find(Boolean);
  if (problem) return invalid('routePatterns', problem);
  return ok({
    token,
    instance: {
      origin: origin.value,
      label: input.label.trim(),
      authMode: input.authMode,
      userId: input.userId,
      pathForm: existing?.pathForm ?? null,
      routePatterns: patterns.length > 0 ? patterns : DEFAULT_ROUTE_PATTERNS,
      rememberToken: input.authMode === 'token' && input.remember,
    },
  });
}

export function instanceHandlers(ctx: HandlerContext): InstanceHandlers {
  return {
    async 'ui:listInstances'() {
      const active = await getActiveInstance();
      const drafted = await originsWithDrafts();
      const instances = await Promise.all(
        (await getInstances()).map(async (instance) => ({
          ...instance,
          hasToken: (await getToken(instance.origin)) !== null,
          granted: await ctx.deps.access.isGranted(instance.origin),
          hasDrafts: drafted.has(instance.origin),
        })),
      );
      return ok({ active: active?.origin ?? null, instances });
    },

    async 'ui:saveInstance'(input) {
      const valid = await validate(input);
      if (!valid.ok) return valid;
      const { instance, token } = valid.value;
      if (input.previousOrigin && input.previousOrigin !== instance.origin) {
        await forgetInstance(input.previousOrigin);
        await ctx.deps.access.revoke(input.previousOrigin);
      }
      const first = (await getInstances()).length === 0;
      await saveInstance(instance);
      if (instance.authMode === 'session') await clearToken(instance.origin);
      else if (token) await setToken(instance.origin, token, instance.rememberToken);
      else {
        // Moves the stored token to the area the (possibly changed) remember choice asks for.
        const stored = await getToken(instance.origin);
        if (stored) await setToken(instance.origin, stored, instance.rememberToken);
      }
      if (first || !(await getActiveInstance())) await setActiveInstance(instance.origin);
      return ok({ origin: instance.origin });
    },

    async 'ui:setActiveInstance'({ origin }) {
      const instance = await ctx.resolveInstance(origin);
      if (!instance.ok) return instance;
      await setActiveInstance(origin);
      return ok({ origin });
    },

    async 'ui:detectUserId'({ origin }) {
      const connection = await ctx.connect(origin);
      if (!connection.ok) return connection;
      const { instance, client } = connection.value;
      if (instance.authMode === 'session') {
        const sessionUser = await client.getSessionUserId();
        if (sessionUser.ok) return ok({ userId: sessionUser.value, source: 'session' as const });
      }
      const me = await client.getProfile('me');
      if (me.ok) return ok({ userId: me.value.userId, source: 'me' as const });
      const token = await getToken(origin);
      const claimed = token ? userIdFromToken(token) : null;
      if (claimed !== null) return ok({ userId: claimed, source: 'token' as const });
      return me;
    },

    async 'ui:removeInstance'({ origin }) {
      await forgetInstance(origin);
      await ctx.deps.access.revoke(origin);
      return ok({ removed: true as const });
    },

    async 'ui:getStorageAccess'() {
      return ok(await ctx.deps.storageAccess);
    },
  };
}
