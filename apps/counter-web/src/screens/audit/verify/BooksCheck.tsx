import type { ApiSchemas } from '../../../api/client';
import { Money } from '../../../components/Money';
import { t } from '../../../i18n/i18n';
import { CheckBadge } from '../shared/CheckBadge';
import { entryHref } from '../shared/history-links';

type BooksResult = ApiSchemas['BooksVerifyResponse'];

/** The ledger: every entry balanced, and every running balance equal to its journal lines added up. */
export function BooksCheck({ books }: { books: BooksResult }) {
  return (
    <section class="card audit-check" aria-labelledby="verify-books" data-testid="books-check">
      <h2 id="verify-books">
        {t('audit.verify.books')} <CheckBadge status={books.status} />
      </h2>
      {books.status === 'unavailable' ? (
        <p>{t('audit.verify.storeUnavailable')}</p>
      ) : (
        <p>{t('audit.verify.entriesChecked', { count: books.entriesChecked })}</p>
      )}
      {books.unbalancedEntries.length > 0 && (
        <>
          <h3>{t('audit.verify.unbalanced')}</h3>
          <ul class="audit-breaks">
            {books.unbalancedEntries.map((entry) => (
              <li key={entry.entryId} class="audit-break">
                <a href={entryHref(entry.entryId)}>
                  {t('audit.verify.entry', { id: entry.entryId })}
                </a>
                <span>
                  {t('audit.books.debit')} <Money amountRp={entry.debit} /> ·{' '}
                  {t('audit.books.credit')} <Money amountRp={entry.credit} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {books.balanceMismatches.length > 0 && (
        <>
          <h3>{t('audit.verify.mismatches')}</h3>
          <ul class="audit-breaks">
            {books.balanceMismatches.map((mismatch) => (
              <li key={`${mismatch.koperasiId}-${mismatch.accountCode}`} class="audit-break">
                <span class="audit-break__where">
                  {t('audit.verify.account', { code: mismatch.accountCode })}
                </span>
                <span>
                  {t('audit.verify.journalSays')}{' '}
                  <Money amountRp={mismatch.journalDebit - mismatch.journalCredit} /> ·{' '}
                  {t('audit.verify.balanceSays')}{' '}
                  <Money amountRp={mismatch.balanceDebit - mismatch.balanceCredit} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
