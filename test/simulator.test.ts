// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../simulator/server';

/** The keys of the seed page's examples (../shared/seed/profile-information.md), in its order. */
const PROFILE_KEYS = [
  'id',
  'avatarKey',
  'coverKey',
  'description',
  'location',
  'twitterUrl',
  'facebookUrl',
  'instagramUrl',
  'websiteUrl',
  'ethPublicAddr',
  'bankAccount',
  'createdAt',
  'updatedAt',
  'userId',
  'seenNotifications',
  'country',
  'isCreator',
  'creatorsData',
  'creatorsPosition',
  'user',
];
const PRIVILEGES = [
  'feesSet',
  'nftMedia',
  'settings',
  'userRole',
  'nftCreate',
  'dropManage',
  'nftDetails',
  'nftPublish',
  'userManage',
  'nftBuyResell',
  'projectCreate',
  'collectionCreate',
];

describe('the simulator answers in the seed’s shapes', () => {
  let simulator: Simulator;
  const call = (method: string, path: string, userId: number | null, body?: unknown) =>
    fetch(`${simulator.origin}${path}`, {
      method,
      headers: {
        ...(userId === null ? {} : { authorization: `Bearer ${simulator.users.get(userId)?.token}` }),
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  it('GET user 6: {profile} with every seed field', async () => {
    const response = await call('GET', '/api/public/user/6/info', 6);
    expect(response.status).toBe(200);
    const { profile } = await response.json();
    expect(Object.keys(profile)).toEqual(PROFILE_KEYS);
    expect(Object.keys(profile.user)).toEqual(['name', 'email', 'role', 'username']);
    expect(Object.keys(profile.user.role.privileges)).toEqual(PRIVILEGES);
    expect(profile.country).toEqual({ label: 'Albania', value: 'AL' });
  });

  it('PUT user 6: {updatedProfile}, only the fields sent change, updatedAt moves on', async () => {
    const before = (await (await call('GET', '/api/public/user/6/info', 6)).json()).profile;
    const response = await call('PUT', '/api/public/user/6/info', 6, {
      description: 'My profile description',
      country: { label: 'Poland', value: 'PL' },
    });
    expect(response.status).toBe(200);
    const { updatedProfile } = await response.json();
    expect(Object.keys(updatedProfile)).toEqual(PROFILE_KEYS);
    expect(updatedProfile).toMatchObject({
      description: 'My profile description',
      country: { label: 'Poland', value: 'PL' },
      twitterUrl: before.twitterUrl,
    });
    expect(Date.parse(updatedProfile.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
  });

  it('answers 401 without a token, 403 to a creator editing someone else, 404 for nobody, 400 for bad types', async () => {
    expect((await call('GET', '/api/public/user/6/info', null)).status).toBe(401);
    expect((await call('PUT', '/api/public/user/7/info', 6, { description: 'x' })).status).toBe(403);
    expect((await call('PUT', '/api/public/user/7/info', 1, { description: 'admin edit' })).status).toBe(200);
    expect((await call('GET', '/api/public/user/99/info', 1)).status).toBe(404);
    expect((await call('PUT', '/api/public/user/6/info', 6, { description: 42 })).status).toBe(400);
  });

  it('serves the later /profile/info form and `me`', async () => {
    const response = await call('GET', '/api/public/user/me/profile/info', 7);
    expect((await response.json()).profile.userId).toBe(7);
  });
});
