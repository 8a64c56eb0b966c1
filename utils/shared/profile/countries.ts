/**
 * ISO 3166-1 alpha-2 countries. Names come from the browser (`Intl.DisplayNames`) so the list
 * costs ~500 bytes; the API receives the English name as its `label`, as in the vendor's docs.
 */
import type { Country } from '../api/schemas.ts';

const CODES =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCR' +
  'CUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU' +
  'IDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQ' +
  'MRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI' +
  'SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW';

// Marked pure so that bundles which import this module but not these names (the background's)
// leave them out: bundlers keep a top-level call they cannot prove free of side effects.
export const COUNTRY_CODES: readonly string[] = /* @__PURE__ */ CODES.match(/../g) ?? [];

const englishNames = /* @__PURE__ */ new Intl.DisplayNames(['en'], { type: 'region' });

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.includes(code);
}

/** The `{label, value}` the API expects, with the English name. */
export function countryFor(code: string): Country {
  return { label: englishNames.of(code) ?? code, value: code };
}

export interface CountryOption {
  code: string;
  /** In the user's language. */
  name: string;
}

const localNames = new Map<string, Intl.DisplayNames>();

/** One country's name in the user's language. */
export function countryName(code: string, locale = 'en'): string {
  let names = localNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    localNames.set(locale, names);
  }
  return (isCountryCode(code) && names.of(code)) || code;
}

const optionLists = new Map<string, CountryOption[]>();

/** Every country, named and sorted for the user's language (built once per language). */
export function countryOptions(locale = 'en'): CountryOption[] {
  let options = optionLists.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
    optionLists.set(locale, options);
  }
  return options;
}
