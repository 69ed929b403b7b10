import { arrearsOwedRp } from '@koperasi/domain';
import { Money } from '../../components/Money';
import { formatWibTime } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { loanDueOf, type LoanView } from './installment-math';

/** The bank's view of the loan as the teller reads it out to the borrower. */
export function LoanSummary({ loan }: { loan: LoanView }) {
  return (
    <dl class="summary" data-testid="loan-summary">
      <dt>{t('installments.loanNo')}</dt>
      <dd>{loan.loanNo}</dd>
      <dt>{t('installments.borrower')}</dt>
      <dd>{loan.borrowerName}</dd>
      <dt>{t('installments.product')}</dt>
      <dd>
        {loan.product === 'KUPEDES' ? 'Kupedes' : 'KUR'} ·{' '}
        {t('installments.period', { period: loan.period })}
      </dd>
      <dt>{t('installments.installmentDue')}</dt>
      <dd>
        <Money amountRp={loan.installmentDue} />
      </dd>
      <dt>{t('installments.arrears')}</dt>
      <dd>
        {loan.installmentsInArrears > 0 ? (
          <>
            {t('installments.arrearsCount', { count: loan.installmentsInArrears })} ·{' '}
            <Money amountRp={arrearsOwedRp(loanDueOf(loan))} />
          </>
        ) : (
          t('installments.noArrears')
        )}
      </dd>
      <dt>{t('installments.penalty')}</dt>
      <dd>
        <Money amountRp={loan.penalty} />
      </dd>
      <dt>{t('installments.viewedAt')}</dt>
      <dd>{formatWibTime(loan.viewedAt)}</dd>
    </dl>
  );
}
