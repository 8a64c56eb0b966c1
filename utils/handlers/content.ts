/** The little that content scripts on instance pages may ask for. */
import { fail, ok } from '../api/errors.ts';
import type { Handlers } from '../messaging.ts';
import { getInstance } from '../storage.ts';
import type { HandlerContext } from './context.ts';

export function contentHandlers(ctx: HandlerContext): Pick<Handlers, 'cs:openEditor'> {
  return {
    /** The instance is the sending tab's, never one named in the message. */
    async 'cs:openEditor'({ userId }, sender) {
      const instance = await getInstance(sender.origin);
      if (!instance) return fail({ kind: 'notConfigured', message: 'This instance is not set up.' });
      const target = userId === 'self' ? instance.userId : userId;
      if (target === null) {
        return fail({ kind: 'notConfigured', message: 'Set your user ID in Options first.' });
      }
      await ctx.deps.openEditor(sender.origin, target);
      return ok({ opened: true });
    },
  };
}
