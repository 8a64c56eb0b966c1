import { describe, expect, it } from 'vitest';
import type { EditableValues } from '@/utils/shared/api/schemas';
import {
  changedFields,
  editedFields,
  formFromValues,
  mergeWithServer,
  parseForm,
  rebase,
} from '@/utils/shared/profile/form';

const BASE: EditableValues = {
  description: 'Old bio',
  twitterUrl: 'https://twitter.com/mira_makes',
  facebookUrl: null,
  instagramUrl: null,
  websiteUrl: null,
  country: { label: 'Albania', value: 'AL' },
};

describe('changes', () => {
  it('are only the fields whose API value differs', () => {
    const form = {
      ...formFromValues(BASE),
      description: 'New bio',
      twitterUrl: '@mira_makes',
      country: 'PL',
    };
    expect(changedFields(parseForm(form), BASE)).toEqual({
      description: 'New bio',
      country: { label: 'Poland', value: 'PL' },
    });
  });

  it('send null for a cleared field', () => {
    const form = { ...formFromValues(BASE), twitterUrl: '' };
    expect(changedFields(parseForm(form), BASE)).toEqual({ twitterUrl: null });
  });

  it('leave out invalid fields, which still count as edited', () => {
    const form = { ...formFromValues(BASE), websiteUrl: 'javascript:alert(1)' };
    expect(changedFields(parseForm(form), BASE)).toEqual({});
    expect(editedFields(form, BASE)).toEqual(['websiteUrl']);
  });
});

describe('three-way merge', () => {
  it('sends my change when the server did not touch that field', () => {
    const theirs = { ...BASE, websiteUrl: 'https://new.example/' };
    expect(mergeWithServer({ description: 'Mine' }, BASE, theirs)).toEqual({
      changes: { description: 'Mine' },
      conflicts: [],
    });
  });

  it('reports a conflict when both sides changed a field differently', () => {
    const theirs = { ...BASE, description: 'Theirs' };
    expect(mergeWithServer({ description: 'Mine', websiteUrl: null }, BASE, theirs)).toEqual({
      changes: {},
      conflicts: [{ field: 'description', mine: 'Mine', theirs: 'Theirs' }],
    });
  });

  it('drops a change the server already has', () => {
    const theirs = { ...BASE, description: 'Same' };
    expect(mergeWithServer({ description: 'Same' }, BASE, theirs)).toEqual({ changes: {}, conflicts: [] });
  });

  it('compares countries by code', () => {
    const theirs = { ...BASE, country: { label: 'Albanien', value: 'AL' } };
    expect(mergeWithServer({ country: { label: 'Poland', value: 'PL' } }, BASE, theirs).conflicts).toEqual(
      [],
    );
  });
});

describe('rebasing a form onto fresher data', () => {
  it('takes server values for untouched fields and keeps what the user typed', () => {
    const form = { ...formFromValues(BASE), description: 'Typing…' };
    const fresh = { ...BASE, description: 'Server bio', websiteUrl: 'https://new.example/' };
    expect(rebase(form, BASE, fresh)).toEqual({
      form: { ...formFromValues(fresh), description: 'Typing…' },
      // The edited field keeps its old base: a save still sees the server's change as a conflict.
      base: { ...fresh, description: BASE.description },
    });
  });

  it('shows the server values as they are when nothing was typed over a base', () => {
    const fresh = { ...BASE, description: 'Server bio' };
    expect(rebase(null, BASE, fresh)).toEqual({ form: formFromValues(fresh), base: fresh });
    expect(rebase(formFromValues(BASE), null, fresh)).toEqual({ form: formFromValues(fresh), base: fresh });
  });
});
