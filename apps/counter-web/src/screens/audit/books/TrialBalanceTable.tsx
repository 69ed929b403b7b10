import type { ApiSchemas } from '../../../api/client';
import { Money } from '../../../components/Money';
import { DebitCreditCells, DebitCreditHeads } from './DebitCreditColumns';
import { formatWibDateTime } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { booksHref } from './books-href';

interface TrialBalanceTableProps {
  balance: ApiSchemas['TrialBalanceResponse'];
  day: string;
  time: string;
  openAccount: string | null;
}

/** Neraca saldo: every account's debit or credit balance at asOf, the totals, and whether they agree. */
export function TrialBalanceTable({ balance, day, time, openAccount }: TrialBalanceTableProps) {
  const balanced = balance.totalDebit === balance.totalCredit;
  return (
    <section aria-labelledby="trial-balance-title">
      <h2 id="trial-balance-title">
        {t('audit.books.trialBalance', { time: formatWibDateTime(balance.asOf) })}
      </h2>
      <p class={`alert ${balanced ? 'alert--success' : 'alert--error'}`} role="status">
        {balanced ? t('audit.books.balanced') : t('audit.books.unbalanced')}
      </p>
      {balance.lines.length === 0 ? (
        <p>{t('audit.books.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="audit-table books-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.books.account')}</th>
                <DebitCreditHeads />
              </tr>
            </thead>
            <tbody>
              {balance.lines.map((line) => (
                <tr
                  key={line.code}
                  class={openAccount === line.code ? 'audit-row--highlight' : undefined}
                >
                  <td data-label={t('audit.books.account')}>
                    <a
                      href={booksHref(day, time, line.code)}
                      aria-current={openAccount === line.code ? 'true' : undefined}
                    >
                      <span class="cell-ref">{line.code}</span> {line.name}
                    </a>
                  </td>
                  <DebitCreditCells debitRp={line.debit} creditRp={line.credit} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('audit.books.total')}</th>
                <td class="num" data-label={t('audit.books.debit')}>
                  <Money amountRp={balance.totalDebit} />
                </td>
                <td class="num" data-label={t('audit.books.credit')}>
                  <Money amountRp={balance.totalCredit} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
