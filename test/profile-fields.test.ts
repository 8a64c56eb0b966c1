import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryFor, countryOptions } from '@/utils/shared/profile/countries';
import { MAX_DESCRIPTION_LENGTH, normaliseSocialUrl } from '@/utils/shared/profile/fields';
import { type FormValues, parseForm } from '@/utils/shared/profile/form';
import { countInput } from '../e2e/harness/report';
import { EMPTY_FORM } from './fixtures';

describe('social fields', () => {
  it.each([
    ['twitterUrl', '@mira_makes', 'https://twitter.com/mira_makes'],
    ['twitterUrl', 'mira_makes', 'https://twitter.com/mira_makes'],
    ['twitterUrl', 'twitter.com/mira_makes', 'https://twitter.com/mira_makes'],
    ['twitterUrl', 'http://x.com/mira', 'https://x.com/mira'],
    ['instagramUrl', '@mira.makes', 'https://instagram.com/mira.makes'],
    ['facebookUrl', ' https://facebook.com/mira ', 'https://facebook.com/mira'],
    ['websiteUrl', 'mira.example/shop?x=1', 'https://mira.example/shop?x=1'],
    ['websiteUrl', 'HTTPS://Mira.Example', 'https://mira.example/'],
    ['websiteUrl', '', null],
    ['twitterUrl', '   ', null],
  ] as const)('%s %j → %j', (field, input, expected) => {
    expect(normaliseSocialUrl(field, input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['websiteUrl', 'javascript:alert(1)'],
    ['twitterUrl', 'JavaScript:alert(1)'],
    ['websiteUrl', 'data:text/html,hi'],
    ['websiteUrl', 'ftp://files.example'],
    ['websiteUrl', '@mira'],
    ['websiteUrl', 'not a link'],
    ['facebookUrl', 'https://user:pw@facebook.com/x'],
    ['websiteUrl', `https://example.com/${'a'.repeat(3000)}`],
  ] as const)('%s refuses %j with a message', (field, input) => {
    const result = normaliseSocialUrl(field, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.length).toBeGreaterThan(10);
  });

  it('never throws, and lets nothing but https:// through', () => {
    const fields = ['twitterUrl', 'facebookUrl', 'instagramUrl', 'websiteUrl'] as const;
    const inputs = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.webUrl(),
      fc
        .constantFrom('javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'chrome:')
        .chain((scheme) => fc.string().map((rest) => `${scheme}${rest}`)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...fields), inputs, (field, input) => {
        countInput();
        const result = normaliseSocialUrl(field, input);
        if (result.ok && result.value !== null) expect(new URL(result.value).protocol).toBe('https:');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('description', () => {
  it('keeps Unicode, emoji, right-to-left text and markup exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (text) => {
        fc.pre(text.trim() !== '');
        countInput();
        expect(parseForm({ ...EMPTY_FORM, description: text }).values.description).toBe(text);
      }),
    );
    const samples = [
      'שלום עולם',
      'مرحبا 👋🏽',
      '<p>Ceramics and <strong>slow</strong> video.</p>',
      ' spaced\n\nlines ',
    ];
    for (const text of samples)
      expect(parseForm({ ...EMPTY_FORM, description: text }).values.description).toBe(text);
  });

  it('refuses an oversize description with a message', () => {
    const parsed = parseForm({ ...EMPTY_FORM, description: 'x'.repeat(MAX_DESCRIPTION_LENGTH + 1) });
    expect(parsed.errors.description).toContain(String(MAX_DESCRIPTION_LENGTH));
  });

  it('clears to null when emptied', () => {
    expect(parseForm({ ...EMPTY_FORM, description: '  \n' }).values.description).toBeNull();
  });
});

describe('country', () => {
  it('knows the 249 ISO 3166-1 codes and sends the English name', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(countryFor('PL')).toEqual({ label: 'Poland', value: 'PL' });
    expect(parseForm({ ...EMPTY_FORM, country: 'al' }).values.country).toEqual({
      label: 'Albania',
      value: 'AL',
    });
  });

  it('names countries in the user’s language, sorted for it', () => {
    const german = countryOptions('de');
    expect(german.find((c) => c.code === 'DE')?.name).toBe('Deutschland');
    expect(german[0]?.name.localeCompare(german[1]?.name ?? '', 'de')).toBeLessThan(0);
  });

  it('refuses codes that are not countries', () => {
    expect(parseForm({ ...EMPTY_FORM, country: 'EU' }).errors.country).toBe(
      'Choose a country from the list.',
    );
  });

  it('no input ever throws', () => {
    fc.assert(
      fc.property(
        fc.record({ ...Object.fromEntries(Object.keys(EMPTY_FORM).map((k) => [k, fc.string()])) }),
        (form) => {
          countInput();
          parseForm(form as FormValues);
        },
      ),
    );
  });
});
