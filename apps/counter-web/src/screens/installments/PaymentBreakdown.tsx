import { Money } from '../../components/Money';
import { t } from '../../i18n/i18n';
import type { Allocation } from './installment-math';

interface PaymentBreakdownProps {
  amountRp: number;
  allocation: Allocation;
  feeRp: number | null;
  feeMode: string | undefined;
}

/** What the amount pays (arrears, penalty, this month's installment) and the koperasi's fee, which the borrower does not pay. */
export function PaymentBreakdown({ amountRp, allocation, feeRp, feeMode }: PaymentBreakdownProps) {
  return (
    <dl class="summary installment-breakdown" data-testid="payment-breakdown">
      {allocation.arrears > 0 && (
        <>
          <dt>{t('installments.paysArrears')}</dt>
          <dd>
            <Money amountRp={allocation.arrears} />
          </dd>
        </>
      )}
      {allocation.penalty > 0 && (
        <>
          <dt>{t('installments.paysPenalty')}</dt>
          <dd>
            <Money amountRp={allocation.penalty} />
          </dd>
        </>
      )}
      <dt>{t('installments.paysCurrent')}</dt>
      <dd>
        <Money amountRp={allocation.current} />
      </dd>
      {allocation.ahead > 0 && (
        <>
          <dt>{t('installments.paysAhead')}</dt>
          <dd>
            <Money amountRp={allocation.ahead} />
          </dd>
        </>
      )}
      <dt class="summary__total">{t('installments.amountPaid')}</dt>
      <dd class="summary__total">
        <Money amountRp={amountRp} />
      </dd>
      <dt>{t('installments.fee')}</dt>
      <dd>
        {feeRp === null ? '—' : <Money amountRp={feeRp} />}
        <span class="installment-breakdown__note">
          {' '}
          {feeMode === 'NETTED' ? t('installments.feeNetted') : t('installments.feeBankPays')}
        </span>
      </dd>
    </dl>
  );
}
