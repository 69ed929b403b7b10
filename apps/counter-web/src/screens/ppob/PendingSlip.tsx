import { formatRupiah } from '../../format/rupiah';
import { t } from '../../i18n/i18n';
import type { Payment } from './product-kinds';
import { TakenPaymentDetails } from './TakenPaymentDetails';

interface PendingSlipProps {
  payment: Payment;
  productName: string;
  customerNoLabel: string;
  prepaid: boolean;
  following: boolean;
  onCheckAgain: () => void;
}

/** Dalam proses: the money is taken and held; never a receipt, never a second Bayar. */
export function PendingSlip({
  payment,
  productName,
  customerNoLabel,
  prepaid,
  following,
  onCheckAgain,
}: PendingSlipProps) {
  return (
    <section class="ppob-outcome" aria-labelledby="ppob-outcome-title">
      <div class="alert alert--warning" role="status">
        <h2 id="ppob-outcome-title" class="ppob-outcome__title">
          {t('ppob.pending.title')}
        </h2>
        <p>{t('ppob.pending.body', { amount: formatRupiah(payment.totalAmount) })}</p>
        {following ? (
          <p class="ppob-following">
            <span class="ppob-spinner" aria-hidden="true" /> {t('ppob.pending.checking')}
          </p>
        ) : (
          <>
            <p>{t('ppob.pending.stopped')}</p>
            <button type="button" class="button" onClick={onCheckAgain}>
              {t('error.checkAgain')}
            </button>
          </>
        )}
      </div>
      <TakenPaymentDetails
        payment={payment}
        productName={productName}
        customerNoLabel={customerNoLabel}
        prepaid={prepaid}
      />
    </section>
  );
}
