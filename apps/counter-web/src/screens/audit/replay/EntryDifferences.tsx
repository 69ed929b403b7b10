import { t } from '../../../i18n/i18n';
import { EventLinks } from './EventLinks';
import type { ReplayResult } from './replay-result';

const COLUMN_WORDS: Record<string, () => string> = {
  debit_rp: () => t('audit.replay.column.debit'),
  credit_rp: () => t('audit.replay.column.credit'),
  account_code: () => t('audit.replay.column.account'),
};

/** A differing part as the ledger names it (`line 2: credit_rp`), in the auditor's words: `baris 2: kredit`. */
function partInWords(field: string): string {
  const line = /^line (\d+): (\w+)$/.exec(field);
  if (!line) return field;
  const column = COLUMN_WORDS[line[2]]?.() ?? line[2];
  return t('audit.replay.linePart', { line: line[1], column });
}

/** The journal entries that differ, missing or extra: each with the event it was posted from. */
export function EntryDifferences({ entries }: { entries: ReplayResult['entries'] }) {
  if (entries.listed.length === 0) return null;
  return (
    <section class="card">
      <h2>
        {t('audit.replay.entries', {
          different: entries.different,
          missing: entries.missingInLive,
          extra: entries.extraInLive,
        })}
      </h2>
      <ul class="audit-breaks">
        {entries.listed.map((difference) => (
          <li key={`${difference.sourceEventId}-${difference.kind}`} class="audit-break">
            <span class="audit-break__where">{t(`audit.replay.kind.${difference.kind}`)}</span>
            {difference.fields.length > 0 && (
              <span>
                {t('audit.replay.fields', {
                  fields: difference.fields.map(partInWords).join(', '),
                })}
              </span>
            )}
            <EventLinks eventIds={[difference.sourceEventId]} />
          </li>
        ))}
      </ul>
      {entries.listTruncated && <p class="field__hint">{t('audit.replay.truncated')}</p>}
    </section>
  );
}
