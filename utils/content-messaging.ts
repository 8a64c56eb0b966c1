/**
 * The content script's side of the protocol: it may only send `cs:` messages, and it carries no
 * zod — the background validates everything it receives.
 */
import { browser } from 'wxt/browser';
import type { Envelope, MessageType, PayloadOf, PROTOCOL, ResultOf } from './messaging.ts';

type ContentMessage = Extract<MessageType, `cs:${string}`>;

const protocol: typeof PROTOCOL = 'profile-quick-edit/1';

export async function sendFromContentScript<T extends ContentMessage>(
  type: T,
  payload: PayloadOf<T>,
): Promise<ResultOf<T>> {
  const envelope: Envelope<T> = { protocol, type, payload };
  return (await browser.runtime.sendMessage(envelope)) as ResultOf<T>;
}
