/**
 * The saves made from this browser to the profile being edited, newest first, each with what it
 * changed. Restore puts the values from before that save back into the form, to review and save:
 * an undo of that one save. Read from storage only when opened, and again after each save.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EditableField } from '@/utils/shared/api/schemas';
import { t, uiLanguage } from '@/utils/shared/i18n';
import type { SaveRecord } from '@/utils/shared/storage';
import { FieldValue } from './FieldValue';

interface Props {
  /** The saves of the profile being edited, newest first. */
  loadHistory(): Promise<SaveRecord[]>;
  /** A new value with each profile the instance sends (a save ends), so an open list shows the new save. */
  profileVersion: unknown;
  labelOf(field: EditableField): string;
  onRestore(record: SaveRecord): void;
}

export function SaveHistory({ loadHistory, profileVersion, labelOf, onRestore }: Props) {
  const [open, setOpen] = useState(false);
  const [records, setRecords] = useState<SaveRecord[] | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void loadHistory().then((history) => live && setRecords(history));
    return () => {
      live = false;
    };
  }, [open, loadHistory, profileVersion]);

  const when = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <details class="history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('history')}</summary>
      {records === null ? null : records.length === 0 ? (
        <p class="field-hint">{t('historyEmpty')}</p>
      ) : (
        <>
          <p class="field-hint">{t('historyIntro')}</p>
          <ol class="history-list">
            {records.map((record, index) => {
              // In the order the background wrote them: the form's.
              const fields = (Object.keys(record.changes) as EditableField[]).filter(
                (field) => record.changes[field],
              );
              const headingId = `save-${index}`;
              return (
                <li key={record.at}>
                  <h2 id={headingId}>
                    <time dateTime={new Date(record.at).toISOString()}>{when.format(record.at)}</time>
                    {' · '}
                    {fields.map(labelOf).join(', ')}
                  </h2>
                  <dl>
                    {fields.map((field) => (
                      <div key={field} class="history-change">
                        <dt>{labelOf(field)}</dt>
                        <dd>
                          <span class="history-side">{t('historyBefore')}</span>
                          <div class="history-value">
                            <FieldValue field={field} value={record.changes[field]?.before} />
                          </div>
                          <span class="history-side">{t('historyAfter')}</span>
                          <div class="history-value">
                            <FieldValue field={field} value={record.changes[field]?.after} />
                          </div>
                        </dd>
                      </div>
                    ))}
                  </dl>
                  <button type="button" aria-describedby={headingId} onClick={() => onRestore(record)}>
                    {t('restore')}
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </details>
  );
}
