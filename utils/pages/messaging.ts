/**
 * Extension pages' side of the protocol (popup, options, side panel). Types only from
 * messaging.ts: the background validates every payload and every result, so no schema is
 * bundled here.
 */
import { browser } from 'wxt/browser';
import { t } from '../shared/i18n.ts';
import type { Envelope, MessageType, PayloadOf, PROTOCOL, ResultOf } from '../shared/messaging.ts';

type PageMessage = Extract<MessageType, `ui:${string}`>;

const protocol: typeof PROTOCOL = 'profile-quick-edit/1';

export async function sendMessage<T extends PageMessage>(
  type: T,
  payload: PayloadOf<T>,
): Promise<ResultOf<T>> {
  const envelope: Envelope<T> = { protocol, type, payload };
  try {
    const answer = (await browser.runtime.sendMessage(envelope)) as ResultOf<T> | undefined;
    if (answer) return answer;
  } catch {
    // The worker was stopped mid-request; the answer below says so.
  }
  return {
    ok: false,
    error: {
      kind: 'interrupted',
      message: t('errInterrupted'),
    },
  } as ResultOf<T>;
}
