import { describe, expect, it } from 'vitest';
import { pageTarget, routePatternProblem } from '@/utils/shared/routes';

const DEFAULTS = ['/users/:id', '/admin/users/:id'];

describe('route patterns', () => {
  it.each([
    ['/users/7', { userId: 7 }],
    ['/admin/users/12/', { userId: 12 }],
    ['/profile/personal-information', { self: true }],
    ['/admin/users', null],
    ['/users/7/edit', null],
    ['/users/abc', null],
    ['/users/0', null],
  ])('%s → %j', (path, target) => {
    expect(pageTarget(path, DEFAULTS)).toEqual(target);
  });

  it('matches patterns literally, not as regular expressions', () => {
    expect(pageTarget('/uXers/3', ['/u.ers/:id'])).toBeNull();
    expect(pageTarget('/u.ers/3', ['/u.ers/:id'])).toEqual({ userId: 3 });
  });

  it.each([
    ['users/:id', 'must start with /'],
    ['/users/', ':id exactly once'],
    ['/a/:id/b/:id', ':id exactly once'],
    ['/users/:id?x', 'may not contain'],
  ])('explains what is wrong with %j', (pattern, words) => {
    expect(routePatternProblem(pattern)).toContain(words);
  });
});
