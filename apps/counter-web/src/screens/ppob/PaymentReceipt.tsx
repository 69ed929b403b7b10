import { Fragment } from 'preact';
import { ReceiptPanel } from '../../components/ReceiptPanel';
import { formatWibDateTime } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { BillDetails } from './BillDetails';
import { kwhText, tokenGroups, type Payment } from './product-kinds';

type Receipt = NonNullable<Payment['receipt']>;

/** Sukses: the token large for the customer to write down or type into the meter, the figures, and the print. */
export function PaymentReceipt({
  payment,
  receipt,
  customerNoLabel,
}: {
  payment: Payment;
  receipt: Receipt;
  customerNoLabel: string;
}) {
  return (
    <section class="ppob-outcome" aria-labelledby="ppob-outcome-title">
      <div class="alert alert--success" role="status">
        <h2 id="ppob-outcome-title" class="ppob-outcome__title">
          {t('ppob.success.title')}
        </h2>
      </div>
      {receipt.token && (
        <div class="card ppob-token">
          <h3 class="ppob-token__label">{t('ppob.detail.token')}</h3>
          <p class="token" data-testid="pln-token">
            {tokenGroups(receipt.token)
              .split(' ')
              .map((group, index) => (
                <Fragment key={index}>
                  {index > 0 && ' '}
                  <span class="ppob-token__group">{group}</span>
                </Fragment>
              ))}
          </p>
          {receipt.kwh && (
            <p class="ppob-token__kwh">
              {t('ppob.detail.kwh')}: <strong>{kwhText(receipt.kwh)} kWh</strong>
            </p>
          )}
          <p class="field__hint">{t('ppob.success.tokenHint')}</p>
        </div>
      )}
      <div class="card">
        <BillDetails
          bill={{
            productName: receipt.productName,
            customerNo: receipt.customerNo,
            customerNoLabel,
            customerName: receipt.customerName,
            subscriberId: receipt.subscriberId,
            segmentPower: receipt.segmentPower,
            period: receipt.period,
            prepaid: receipt.productKind === 'PREPAID',
            billAmount: receipt.billAmount,
            penalty: receipt.penalty,
            adminFee: receipt.adminFee,
            totalAmount: receipt.totalAmount,
          }}
        >
          {receipt.serialNo && !receipt.token && (
            <>
              <dt>{t('ppob.detail.sn')}</dt>
              <dd class="ppob-number">{receipt.serialNo}</dd>
            </>
          )}
          <dt>{t('ppob.detail.ref')}</dt>
          <dd class="ppob-number">{receipt.partnerRef ?? receipt.refId}</dd>
          <dt>{t('ppob.detail.paidAt')}</dt>
          <dd>{formatWibDateTime(receipt.paidAt)}</dd>
        </BillDetails>
        <ReceiptPanel kind="ppob" id={payment.paymentId} />
      </div>
    </section>
  );
}
