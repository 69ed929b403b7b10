import { Money } from '../../../components/Money';
import { t } from '../../../i18n/i18n';

/** The debit and credit column heads every book table of the auditor ends with. */
export function DebitCreditHeads() {
  return (
    <>
      <th scope="col" class="num">
        {t('audit.books.debit')}
      </th>
      <th scope="col" class="num">
        {t('audit.books.credit')}
      </th>
    </>
  );
}

/** A line's debit and credit; the side it does not touch stays empty, as in a ledger. */
export function DebitCreditCells({ debitRp, creditRp }: { debitRp: number; creditRp: number }) {
  return (
    <>
      <td data-label={t('audit.books.debit')} class="num">
        {debitRp > 0 ? <Money amountRp={debitRp} /> : ''}
      </td>
      <td data-label={t('audit.books.credit')} class="num">
        {creditRp > 0 ? <Money amountRp={creditRp} /> : ''}
      </td>
    </>
  );
}
