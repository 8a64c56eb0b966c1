/** Values unit tests build on: an instance as options saves it, an empty form, a draft; what is stored. */
import { createStore, entries } from 'idb-keyval';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StorageAccess } from '@/utils/background/storage-access';
import type { EditableValues } from '@/utils/shared/api/schemas';
import type { FormValues } from '@/utils/shared/profile/form';
import { DEFAULT_ROUTE_PATTERNS, type Draft, type Instance } from '@/utils/shared/storage';

export const ORIGIN = 'https://hub.example';

export function anInstance(overrides: Partial<Instance> = {}): Instance {
  return {
    origin: ORIGIN,
    label: '',
    authMode: 'token',
    userId: 6,
    pathForm: null,
    routePatterns: DEFAULT_ROUTE_PATTERNS,
    rememberToken: false,
    ...overrides,
  };
}

export const EMPTY_FORM: FormValues = {
  description: '',
  twitterUrl: '',
  facebookUrl: '',
  instagramUrl: '',
  websiteUrl: '',
  country: '',
};

export const EMPTY_VALUES: EditableValues = {
  description: null,
  twitterUrl: null,
  facebookUrl: null,
  instagramUrl: null,
  websiteUrl: null,
  country: null,
};

export function aDraft(description: string, editedAt = 1, base: EditableValues = EMPTY_VALUES): Draft {
  return { form: { ...EMPTY_FORM, description }, base, editedAt };
}

/** Every storage area's content, as one string to search for what must not be kept. */
export async function storedEverywhere(): Promise<string> {
  const areas = [fakeBrowser.storage.local, fakeBrowser.storage.session, fakeBrowser.storage.sync];
  const stored = await Promise.all(areas.map((area) => area.get(null)));
  const database = await entries(createStore('profile-quick-edit', 'remembered-tokens'));
  return JSON.stringify(database.length > 0 ? [...stored, database] : stored);
}

/** Content scripts kept out of both storage areas, as a background would report it. */
export const SHUT: Promise<StorageAccess> = Promise.resolve({ sessionPrivate: true, localPrivate: true });
