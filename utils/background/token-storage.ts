/**
 * API tokens, which only the background reads or writes. A token lives in `storage.session`
 * (trusted contexts only, in both browsers) unless the user asked to be remembered on this
 * device; then in the extension's own IndexedDB database, never in `storage.local`: Firefox lets
 * content scripts read `storage.local`, and a content script runs inside instance pages. Nothing
 * is ever kept in `storage.sync`. A lint rule keeps every other context from importing this module.
 */
import { defineExtensionStorage } from '@webext-core/storage';
import { createStore, del, get, set } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { getInstances, removeInstance } from '../shared/storage.ts';

interface TokenSchema {
  [key: `token:${string}`]: unknown;
}

const session = defineExtensionStorage<TokenSchema>(browser.storage.session);
/** Where 0.1.0 kept remembered tokens: emptied by moveRememberedTokens, cleared by clearToken. */
const local = defineExtensionStorage<TokenSchema>(browser.storage.local);
const sync = defineExtensionStorage<TokenSchema>(browser.storage.sync);
const tokenKey = (origin: string) => `token:${origin}` as const;

/** Opened on first use, not at every start of the background. */
let rememberedStore: ReturnType<typeof createStore> | undefined;
const remembered = () => {
  rememberedStore ??= createStore('profile-quick-edit', 'remembered-tokens');
  return rememberedStore;
};

const asToken = (value: unknown) => (typeof value === 'string' ? value : null);

export async function getToken(origin: string): Promise<string | null> {
  await moveRememberedTokens();
  return asToken(await session.getItem(tokenKey(origin))) ?? asToken(await get(origin, remembered()));
}

/** Stores the token in exactly one place: this device's database only when remembered. */
export async function setToken(origin: string, token: string, remember: boolean): Promise<void> {
  await moveRememberedTokens(); // else a moved token could land on top of this one
  const key = tokenKey(origin);
  if (remember) {
    await set(origin, token, remembered());
    await session.removeItem(key);
  } else {
    await session.setItem(key, token);
    await del(origin, remembered());
  }
}

/** Removes the token from everywhere, `storage.local` and `storage.sync` included. */
export async function clearToken(origin: string): Promise<void> {
  await moveRememberedTokens();
  const key = tokenKey(origin);
  await Promise.all([
    ...[session, local, sync].map((area) => area.removeItem(key)),
    del(origin, remembered()),
  ]);
}

let moving: Promise<void> | undefined;

/**
 * Moves the tokens that earlier versions remembered in `storage.local`, where content scripts
 * could read them, to the database: one small read of the configured instances' token keys. Runs
 * once per start of the background, before any token is read or written.
 */
export function moveRememberedTokens(): Promise<void> {
  moving ??= (async () => {
    const keys = (await getInstances()).map((instance) => tokenKey(instance.origin));
    const stored = keys.length > 0 ? await browser.storage.local.get(keys) : {};
    for (const [key, value] of Object.entries(stored)) {
      const token = asToken(value);
      if (token !== null) await set(key.slice('token:'.length), token, remembered());
      await browser.storage.local.remove(key);
    }
  })().catch((error: unknown) => {
    // Left where it was, to be moved at the next start; tokens of this session still work.
    console.error('Profile Quick Edit: could not move remembered tokens', error);
  });
  return moving;
}

/** Forgets an instance: its token everywhere, and everything else kept for it. */
export async function forgetInstance(origin: string): Promise<void> {
  await removeInstance(origin);
  await clearToken(origin);
}
