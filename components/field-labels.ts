import type { MessageKey } from '@/utils/shared/i18n';

/** The editable fields' labels, as message keys. */
export const FIELD_LABELS = {
  description: 'fieldDescription',
  twitterUrl: 'fieldTwitter',
  facebookUrl: 'fieldFacebook',
  instagramUrl: 'fieldInstagram',
  websiteUrl: 'fieldWebsite',
  country: 'fieldCountry',
} as const satisfies Record<string, MessageKey>;
