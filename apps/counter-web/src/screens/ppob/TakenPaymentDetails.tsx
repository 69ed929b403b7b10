import { formatWibDateTime } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { BillDetails } from './BillDetails';
import type { Payment } from './product-kinds';

interface TakenPaymentDetailsProps {
  payment: Payment;
  productName: string;
  customerNoLabel: string;
  prepaid: boolean;
}

/** What was taken from the customer, with our reference and when: the card under a pending or failed outcome. */
export function TakenPaymentDetails({
  payment,
  productName,
  customerNoLabel,
  prepaid,
}: TakenPaymentDetailsProps) {
  return (
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
  );
}
