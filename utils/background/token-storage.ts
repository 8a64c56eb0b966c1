/**
 * API tokens, which only the background reads or writes: they live in `storage.session` unless
 * the user asked to be remembered on this device, then in `storage.local`; never in
 * `storage.sync`. A lint rule keeps every other context from importing this module.
 */
import { defineExtensionStorage } from '@webext-core/storage';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { removeInstance } from '../shared/storage.ts';

interface TokenSchema {
  [key: `token:${string}`]: unknown;
}

const local = defineExtensionStorage<TokenSchema>(browser.storage.local);
const session = defineExtensionStorage<TokenSchema>(browser.storage.session);
const tokenKey = (origin: string) => `token:${origin}` as const;

function asToken(value: unknown): string | null {
  const parsed = z.safeParse(z.string(), value);
  return parsed.success ? parsed.data : null;
}

export async function getToken(origin: string): Promise<string | null> {
  const key = tokenKey(origin);
  return asToken(await session.getItem(key)) ?? asToken(await local.getItem(key));
}

/** Stores the token in exactly one area: this device (`local`) only when remembered. */
export async function setToken(origin: string, token: string, remember: boolean): Promise<void> {
  const key = tokenKey(origin);
  await (remember ? local : session).setItem(key, token);
  await (remember ? session : local).removeItem(key);
}

/** Removes the token from every area, `storage.sync` included, where none should ever be. */
export async function clearToken(origin: string): Promise<void> {
  const key = tokenKey(origin);
  await Promise.all(
    [local, session, defineExtensionStorage<TokenSchema>(browser.storage.sync)].map((area) =>
      area.removeItem(key),
    ),
  );
}

/** Forgets an instance: its token in every area, and everything else kept for it. */
export async function forgetInstance(origin: string): Promise<void> {
  await removeInstance(origin);
  await clearToken(origin);
}
