import { useRoute } from 'preact-iso';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/use-load';
import { t } from '../../i18n/i18n';
import { FailedNotice } from './FailedNotice';
import { PaymentReceipt } from './PaymentReceipt';
import { PendingSlip } from './PendingSlip';
import { customerNoLabelOf } from './product-kinds';
import { useFollowPayment } from './use-follow-payment';

/**
 * One PPOB payment at /ppob/pembayaran/:paymentId: Sukses with its receipt, Dalam proses (followed here until
 * it ends, without a reload), or Gagal with the refund the customer is owed.
 */
export function PaymentScreen() {
  const { params } = useRoute();
  const paymentId = params.paymentId ?? '';
  const { payment, error, gaveUp, checkAgain } = useFollowPayment(paymentId);
  // Product names for a payment still in process (its receipt, which names it, comes with success).
  const catalog = useLoad((signal) => api.get('/api/v1/billpay/products', { signal }), []);
  const product = catalog.data?.find((candidate) => candidate.code === payment?.productCode);
  const productName = product?.name ?? payment?.productCode ?? '';
  const prepaid = product?.kind === 'PREPAID';
  const customerNoLabel = t(customerNoLabelOf(product?.customerNoRule));

  return (
    <div class="ppob">
      <PageTitle>{t('ppob.payment.title')}</PageTitle>
      {!payment && !error && <p role="status">{t('app.loading')}</p>}
      {!payment && error && (
        <>
          <ErrorMessage message={error} />
          <button type="button" class="button" onClick={checkAgain}>
            {t('app.retry')}
          </button>
        </>
      )}
      {payment?.status === 'SUCCESS' && payment.receipt && (
        <PaymentReceipt
          payment={payment}
          receipt={payment.receipt}
          customerNoLabel={customerNoLabel}
        />
      )}
      {payment &&
        (payment.status === 'PROCESSING' ||
          payment.status === 'PENDING' ||
          (payment.status === 'SUCCESS' && !payment.receipt)) && (
          <PendingSlip
            payment={payment}
            productName={productName}
            customerNoLabel={customerNoLabel}
            prepaid={prepaid}
            following={!gaveUp}
            onCheckAgain={checkAgain}
          />
        )}
      {payment?.status === 'FAILED' && (
        <FailedNotice
          payment={payment}
          productName={productName}
          customerNoLabel={customerNoLabel}
          prepaid={prepaid}
        />
      )}
      {payment && (
        <div class="button-row">
          <a href="/ppob" class="button">
            {t('ppob.newPayment')}
          </a>
        </div>
      )}
    </div>
  );
}
