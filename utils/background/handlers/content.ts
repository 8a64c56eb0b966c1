/** The little that content scripts on instance pages may ask for. */
import { fail, ok } from '../../shared/api/errors.ts';
import { t } from '../../shared/i18n.ts';
import type { Handlers } from '../../shared/messaging.ts';
import { getCachedProfile, getInstance } from '../../shared/storage.ts';
import type { HandlerContext } from './context.ts';

export function contentHandlers(ctx: HandlerContext): Pick<Handlers, 'cs:getPageConfig' | 'cs:openEditor'> {
  return {
    async 'cs:getPageConfig'(_payload, sender) {
      const instance = await getInstance(sender.origin);
      if (!instance) return fail({ kind: 'notConfigured', message: t('errInstanceNotSetUp') });
      const own = instance.userId === null ? null : await getCachedProfile(instance.origin, instance.userId);
      return ok({
        routePatterns: instance.routePatterns,
        signedInUserId: instance.userId,
        canEditOthers: own?.profile.user?.role?.privileges?.userManage ?? null,
      });
    },

    /** The instance is the sending tab's, never one named in the message. */
    async 'cs:openEditor'({ userId }, sender) {
      const instance = await getInstance(sender.origin);
      if (!instance) return fail({ kind: 'notConfigured', message: t('errInstanceNotSetUp') });
      const target = userId === 'self' ? instance.userId : userId;
      if (target === null) {
        return fail({ kind: 'notConfigured', message: t('errSetUserId') });
      }
      await ctx.deps.openEditor(sender.origin, target, sender.tabId);
      return ok({ opened: true });
    },
  };
}
