import { formatRupiah } from '../../format/rupiah';
import { t } from '../../i18n/i18n';
import type { Payment } from './product-kinds';
import { TakenPaymentDetails } from './TakenPaymentDetails';

/** Gagal: the customer's money is owed back, and a supervisor pays it from the refund screen. */
export function FailedNotice({
  payment,
  productName,
  customerNoLabel,
  prepaid,
}: {
  payment: Payment;
  productName: string;
  customerNoLabel: string;
  prepaid: boolean;
}) {
  const amount = formatRupiah(payment.totalAmount);
  return (
    <section class="ppob-outcome" aria-labelledby="ppob-outcome-title">
      <div class="alert alert--error" role="status">
        <h2 id="ppob-outcome-title" class="ppob-outcome__title">
          {t('ppob.failed.title')}
        </h2>
        <p>
          {payment.refund === 'PAID'
            ? t('ppob.failed.paid', { amount })
            : t('ppob.failed.owed', { amount })}
        </p>
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
