import { formatRupiah } from '../../format/rupiah';
import { formatWibDateTime } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { BillDetails } from './BillDetails';
import type { Payment } from './product-kinds';

/** Gagal: the customer's money is owed back, and a supervisor pays it from the refund screen. */
export function FailedNotice({ payment, productName, customerNoLabel, prepaid }: { payment: Payment; productName: string; customerNoLabel: string; prepaid: boolean }) {
  const amount = formatRupiah(payment.totalAmount);
  return (
    <section class="ppob-outcome" aria-labelledby="ppob-outcome-title">
      <div class="alert alert--error" role="status">
        <h2 id="ppob-outcome-title" class="ppob-outcome__title">
          {t('ppob.failed.title')}
        </h2>
        <p>{payment.refund === 'PAID' ? t('ppob.failed.paid', { amount }) : t('ppob.failed.owed', { amount })}</p>
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
