import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { DebitCreditCells, DebitCreditHeads } from './DebitCreditColumns';
import { useLoad } from '../../../components/use-load';
import { formatWibDateTime, formatWibDay } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import type { ApiSchemas } from '../../../api/client';
import { auditScopeQuery } from '../shared/audit-koperasi';
import { entryHref } from '../shared/history-links';
import { wibDayBefore, wibInstant } from '../shared/wib-input';

type Entry = ApiSchemas['AuditEntryResponse'];
type Line = Entry['lines'][number];

/** The period shown: the month up to asOf. */
const PERIOD_DAYS = 31;
const PAGE = 100;

interface Read {
  lines: { entry: Entry; line: Line }[];
  cursor: string | null;
}

/**
 * Buku besar of one account: its lines in the month up to asOf in posting order, a page at a time (the API pages
 * by entry, filtered on the account), each leading to the entry's trace.
 */
export function AccountEntries({
  accountCode,
  accountName,
  day,
  time,
}: {
  accountCode: string;
  accountName: string;
  day: string;
  time: string;
}) {
  const fromDay = wibDayBefore(day, PERIOD_DAYS - 1);
  const [more, setMore] = useState<{ read: Read | null; busy: boolean; error: string | null }>({
    read: null,
    busy: false,
    error: null,
  });
  const readPage = async (cursor: string | null, signal?: AbortSignal): Promise<Read> => {
    const page = await api.get('/api/v1/audit/entries', {
      query: {
        accountCode,
        from: fromDay,
        to: wibInstant(day, time),
        cursor: cursor ?? undefined,
        limit: PAGE,
        ...auditScopeQuery(),
      },
      signal,
    });
    return {
      lines: page.entries.flatMap((entry) =>
        entry.lines
          .filter((line) => line.accountCode === accountCode)
          .map((line) => ({ entry, line })),
      ),
      cursor: page.nextCursor,
    };
  };
  const first = useLoad((signal) => readPage(null, signal), [accountCode, fromDay, day, time]);
  useEffect(() => setMore({ read: null, busy: false, error: null }), [first.data]);
  const shown = more.read ?? first.data;
  const readMore = async () => {
    if (!shown?.cursor) return;
    setMore({ read: more.read, busy: true, error: null });
    try {
      const next = await readPage(shown.cursor);
      setMore({
        read: { lines: [...shown.lines, ...next.lines], cursor: next.cursor },
        busy: false,
        error: null,
      });
    } catch (failure) {
      setMore({ read: more.read, busy: false, error: describeError(failure) });
    }
  };
  const lines = {
    data: shown?.lines ?? null,
    loading: first.loading,
    error: first.error ?? more.error,
  };
  return (
    <section class="card" aria-labelledby="account-entries-title" data-testid="account-entries">
      <h2 id="account-entries-title">
        {t('audit.books.entriesOf', { code: accountCode, name: accountName })}
      </h2>
      <p class="field__hint">
        {t('audit.books.period', {
          from: formatWibDay(fromDay),
          to: formatWibDateTime(wibInstant(day, time)),
        })}
      </p>
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
      {shown?.cursor && (
        <div class="button-row">
          <button type="button" class="button" onClick={readMore} disabled={more.busy}>
            {more.busy ? t('app.loading') : t('audit.history.more')}
          </button>
        </div>
      )}
    </section>
  );
}
