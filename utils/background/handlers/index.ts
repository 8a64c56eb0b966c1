/**
 * What the background does for each message. The background owns tokens and every network
 * call: results carry profiles and error kinds, never a token.
 */
import type { Handlers } from '../../shared/messaging.ts';
import { contentHandlers } from './content.ts';
import { createContext, type HandlerDeps } from './context.ts';
import { instanceHandlers } from './instances.ts';
import { profileHandlers } from './profile.ts';

export type { HandlerDeps } from './context.ts';

export function createHandlers(deps: HandlerDeps): Handlers {
  const ctx = createContext(deps);
  return { ...profileHandlers(ctx), ...instanceHandlers(ctx), ...contentHandlers(ctx) };
}
