/** A field's value as a person reads it: a bio formatted, a country by name, an empty field said so. */
import type { ComponentChildren } from 'preact';
import type { EditableField, FieldValue as Value } from '@/utils/shared/api/schemas';
import { t } from '@/utils/shared/i18n';
import { parseBio } from '@/utils/shared/profile/bio';
import { BioView } from './BioView';

export function FieldValue({
  field,
  value,
}: {
  field: EditableField;
  value: Value | undefined;
}): ComponentChildren {
  if (value === null || value === undefined || value === '') return t('conflictEmpty');
  if (typeof value !== 'string') return value.label;
  return field === 'description' ? <BioView lines={parseBio(value).lines} /> : value;
}
