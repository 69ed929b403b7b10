import type { InstallmentAllocation } from '@koperasi/contracts';
import { Money } from '../../components/Money';
import { t } from '../../i18n/i18n';

interface PaymentBreakdownProps {
  amountRp: number;
  allocation: InstallmentAllocation;
  feeRp: number | null;
  feeMode: string | undefined;
}

/** What the amount pays (the months in arrears, penalty, this month's installment, ahead) and the koperasi's fee, which the borrower does not pay. */
export function PaymentBreakdown({ amountRp, allocation, feeRp, feeMode }: PaymentBreakdownProps) {
  return (
    <dl class="summary installment-breakdown" data-testid="payment-breakdown">
      {allocation.arrearsRp > 0 && (
        <>
          <dt>{t('installments.paysArrears')}</dt>
          <dd>
            <Money amountRp={allocation.arrearsRp} />
            <span class="installment-breakdown__note" data-testid="arrears-periods">
              {' '}
              {allocation.arrearsPeriods.join(', ')}
            </span>
          </dd>
        </>
      )}
      {allocation.penaltyRp > 0 && (
        <>
          <dt>{t('installments.paysPenalty')}</dt>
          <dd>
            <Money amountRp={allocation.penaltyRp} />
          </dd>
        </>
      )}
      <dt>{t('installments.paysCurrent', { period: allocation.currentPeriod })}</dt>
      <dd>
        <Money amountRp={allocation.currentRp} />
      </dd>
      {allocation.aheadRp > 0 && (
        <>
          <dt>{t('installments.paysAhead')}</dt>
          <dd>
            <Money amountRp={allocation.aheadRp} />
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
