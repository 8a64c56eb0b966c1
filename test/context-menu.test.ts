import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { linkTarget } from '@/utils/context-menu';
import { DEFAULT_ROUTE_PATTERNS, saveInstance } from '@/utils/storage';

const ORIGIN = 'https://hub.example';

beforeEach(async () => {
  fakeBrowser.reset();
  await saveInstance({
    origin: ORIGIN,
    label: '',
    authMode: 'token',
    userId: 6,
    pathForm: null,
    routePatterns: DEFAULT_ROUTE_PATTERNS,
    rememberToken: false,
  });
});

describe('“Edit this profile” on links', () => {
  it.each([
    [`${ORIGIN}/users/7`, { origin: ORIGIN, userId: 7 }],
    [`${ORIGIN}/admin/users/12?tab=1`, { origin: ORIGIN, userId: 12 }],
    [`${ORIGIN}/profile/personal-information`, { origin: ORIGIN, userId: 6 }],
    [`${ORIGIN}/admin/users`, null],
    ['https://elsewhere.example/users/7', null],
    ['not a url', null],
  ])('%s → %j', async (link, target) => {
    expect(await linkTarget(link)).toEqual(target);
  });
});
