import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveInstance, userForUrl } from '@/utils/shared/storage';
import { anInstance, ORIGIN } from './fixtures';

beforeEach(async () => {
  fakeBrowser.reset();
  await saveInstance(anInstance());
});

describe('the instance user a page or link address shows (side panel, “Edit this profile” on links)', () => {
  it.each([
    [`${ORIGIN}/users/7`, { origin: ORIGIN, userId: 7 }],
    [`${ORIGIN}/admin/users/12?tab=1`, { origin: ORIGIN, userId: 12 }],
    [`${ORIGIN}/profile/personal-information`, { origin: ORIGIN, userId: 6 }],
    [`${ORIGIN}/admin/users`, null],
    ['https://elsewhere.example/users/7', null],
    ['not a url', null],
  ])('%s → %j', async (link, target) => {
    expect(await userForUrl(link)).toEqual(target);
  });
});
