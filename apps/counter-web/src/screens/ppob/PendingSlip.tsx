import { formatRupiah } from '../../format/rupiah';
import { formatWibDateTime } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { BillDetails } from './BillDetails';
import type { Payment } from './product-kinds';

interface PendingSlipProps {
  payment: Payment;
  productName: string;
  customerNoLabel: string;
  prepaid: boolean;
  following: boolean;
  onCheckAgain: () => void;
}

/** Dalam proses: the money is taken and held; never a receipt, never a second Bayar. */
export function PendingSlip({ payment, productName, customerNoLabel, prepaid, following, onCheckAgain }: PendingSlipProps) {
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
      <div class="card">
        <BillDetails
          bill={{
            productName,
            customerNo: payment.customerNo,
            customerNoLabel,
            customerName: payment.customerName,
            subscriberId: null,
            segmentPower: null,
            period: null,
            prepaid,
            billAmount: payment.billAmount,
            penalty: payment.penalty,
            adminFee: payment.adminFee,
            totalAmount: payment.totalAmount,
          }}
        >
          <dt>{t('ppob.detail.ref')}</dt>
          <dd class="ppob-number">{payment.refId}</dd>
          <dt>{t('ppob.detail.takenAt')}</dt>
          <dd>{formatWibDateTime(payment.createdAt)}</dd>
        </BillDetails>
      </div>
    </section>
  );
}
