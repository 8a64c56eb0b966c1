/**
 * The content script's side of the protocol: it may only send `cs:` messages. It carries no zod
 * (the background validates everything it receives) and no webextension-polyfill: both browsers'
 * own `runtime` already returns promises in Manifest V3, and the script must stay tiny.
 */
import type { Envelope, MessageType, PayloadOf, PROTOCOL, ResultOf } from '../shared/messaging.ts';

type ContentMessage = Extract<MessageType, `cs:${string}`>;

interface NativeRuntime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

export const runtime = (
  (globalThis as { browser?: { runtime: NativeRuntime } }).browser ??
  (globalThis as unknown as { chrome: { runtime: NativeRuntime } }).chrome
).runtime;

const protocol: typeof PROTOCOL = 'profile-quick-edit/1';

export async function sendFromContentScript<T extends ContentMessage>(
  type: T,
  payload: PayloadOf<T>,
): Promise<ResultOf<T> | undefined> {
  const envelope: Envelope<T> = { protocol, type, payload };
  try {
    return (await runtime.sendMessage(envelope)) as ResultOf<T>;
  } catch {
    // The extension was reloaded or removed: this page's script is orphaned.
    return undefined;
  }
}

/** False once the extension was updated, reloaded or disabled: this script is then orphaned. */
export function extensionAlive(): boolean {
  return Boolean(runtime.id);
}
