import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeInstanceOrigin } from '@/utils/shared/api/origin';
import { countInput } from '../e2e/harness/report';

const VALID_ORIGIN = /^(https:\/\/[a-z0-9.-]+(:\d+)?|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?)$/;

describe('normalizeInstanceOrigin', () => {
  it.each([
    ['creators-hub-instance.com', 'https://creators-hub-instance.com'],
    ['https://x.com/', 'https://x.com'],
    ['x.com/profile', 'https://x.com'],
    ['  HTTPS://Hub.Example.COM/settings?tab=api#top ', 'https://hub.example.com'],
    ['https://hub.example:8443/path', 'https://hub.example:8443'],
    ['localhost:4815', 'http://localhost:4815'],
    ['http://127.0.0.1:4815/admin/users', 'http://127.0.0.1:4815'],
    ['https://localhost', 'https://localhost'],
  ])('%j → %s', (input, origin) => {
    expect(normalizeInstanceOrigin(input)).toEqual({ ok: true, value: origin });
  });

  it.each([
    ['', 'Enter your instance'],
    ['   ', 'Enter your instance'],
    ['ftp://x', '“ftp:” addresses are not supported'],
    ['javascript:alert(1)', '“javascript:” addresses are not supported'],
    ['not a url', 'not a'],
    ['http://hub.example', 'only allowed for localhost'],
    ['https://user:pass@hub.example', 'user name and password'],
    ['hub', 'not a valid host name'],
  ])('rejects %j with a clear message', (input, words) => {
    const result = normalizeInstanceOrigin(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain(words);
  });

  it('never throws, and yields either a valid origin or a message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.domain(),
          fc.webUrl().map((u) => u.replace(/^https?:\/\//, '')),
        ),
        (input) => {
          countInput();
          const result = normalizeInstanceOrigin(input);
          if (result.ok) expect(result.value).toMatch(VALID_ORIGIN);
          else expect(result.error.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('allows plain http only for localhost and 127.0.0.1', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.domain(), fc.constantFrom('localhost', '127.0.0.1')),
        fc.option(fc.integer({ min: 1, max: 65535 })),
        (host, port) => {
          countInput();
          const address = `http://${host}${port ? `:${port}` : ''}/`;
          const result = normalizeInstanceOrigin(address);
          const local = host === 'localhost' || host === '127.0.0.1';
          expect(result.ok).toBe(local);
        },
      ),
    );
  });

  it('keeps every https web URL as its origin', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'] }), (url) => {
        countInput();
        const result = normalizeInstanceOrigin(url);
        if (result.ok) expect(result.value).toBe(new URL(url).origin);
      }),
    );
  });
});
