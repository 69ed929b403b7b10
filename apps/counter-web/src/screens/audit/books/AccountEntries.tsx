import { ErrorMessage } from '../../../components/ErrorMessage';
import { DebitCreditCells, DebitCreditHeads } from './DebitCreditColumns';
import { useLoad } from '../../../components/use-load';
import { formatWibDateTime, formatWibDay } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import type { ApiSchemas } from '../../../api/client';
import { fetchAuditFile } from '../shared/audit-download';
import { entryHref } from '../shared/history-links';
import { wibDayBefore, wibInstant } from '../shared/wib-input';

type Entry = ApiSchemas['AuditEntryResponse'];

/** The API lists entries by period, not by account: the account's lines are picked from this period up to asOf. */
const PERIOD_DAYS = 31;
/** An entry list longer than this is not read into the page; the export screen hands it over as a file. */
const MAX_ENTRIES = 20_000;

/**
 * Buku besar of one account: its lines in the month up to asOf, newest first, each leading to the entry's trace.
 * Read from the journal export (JSON Lines) of the period, since the API has no per-account listing.
 */
export function AccountEntries({ accountCode, accountName, day, time }: { accountCode: string; accountName: string; day: string; time: string }) {
  const fromDay = wibDayBefore(day, PERIOD_DAYS - 1);
  const lines = useLoad(
    async (signal) => {
      const file = await fetchAuditFile('/api/v1/audit/export/entries', { format: 'jsonl', from: fromDay, to: wibInstant(day, time) }, 'journal-entries.jsonl', signal);
      const entries = (await file.blob.text())
        .split('\n')
        .filter((line) => line.trim() !== '')
        .slice(0, MAX_ENTRIES)
        .map((line) => JSON.parse(line) as Entry);
      return entries
        .flatMap((entry) => entry.lines.filter((line) => line.accountCode === accountCode).map((line) => ({ entry, line })))
        .reverse();
    },
    [accountCode, fromDay, day, time],
  );
  return (
    <section class="card" aria-labelledby="account-entries-title" data-testid="account-entries">
      <h2 id="account-entries-title">{t('audit.books.entriesOf', { code: accountCode, name: accountName })}</h2>
      <p class="field__hint">{t('audit.books.period', { from: formatWibDay(fromDay), to: formatWibDateTime(wibInstant(day, time)) })}</p>
      {lines.loading && !lines.data && <p role="status">{t('app.loading')}</p>}
      <ErrorMessage message={lines.error} />
      {lines.data && lines.data.length === 0 && <p>{t('audit.books.noEntries')}</p>}
      {lines.data && lines.data.length > 0 && (
        <div class="table-wrap">
          <table class="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.history.when')}</th>
                <th scope="col">{t('audit.books.description')}</th>
                <DebitCreditHeads />
              </tr>
            </thead>
            <tbody>
              {lines.data.map(({ entry, line }) => (
                <tr key={`${entry.id}-${line.lineNo}`}>
                  <td data-label={t('audit.history.when')} class="nowrap">
                    {formatWibDateTime(entry.occurredAt)}
                  </td>
                  <td data-label={t('audit.books.description')}>
                    <a href={entryHref(entry.id)}>{entry.description}</a>
                  </td>
                  <DebitCreditCells debitRp={line.debit} creditRp={line.credit} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
