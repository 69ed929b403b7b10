import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError } from '../../api/api-error';
import { api, newIdempotencyKey } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { UnknownOutcome } from '../../components/UnknownOutcome';
import { useEscape } from '../../components/use-escape';
import { formatRupiah } from '../../format/rupiah';
import { t } from '../../i18n/i18n';
import { BillDetails } from './BillDetails';
import { handOver } from './payment-cache';
import type { Inquiry, KindGroup, Payment } from './product-kinds';

interface InquiryConfirmProps {
  inquiry: Inquiry;
  kind: KindGroup;
  customerNoLabel: string;
  /** Back to the form (Esc, Ubah), the typed number kept. */
  onBack: () => void;
}

/** checking: asking again, with the same key, about a payment whose outcome was unknown. */
type PayState = 'ready' | 'paying' | 'unknown' | 'checking' | 'refused';

/**
 * The bill read back to the customer and one Bayar. The payment's Idempotency-Key is made when this step
 * opens and sent again on every retry, so a double tap, a lost answer or "Periksa lagi" never pays twice;
 * once the outcome is unknown the only way on is to ask again.
 */
export function InquiryConfirm({ inquiry, kind, customerNoLabel, onBack }: InquiryConfirmProps) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [state, setState] = useState<PayState>('ready');
  const [refusal, setRefusal] = useState<string | null>(null);
  const sending = useRef(false);
  const payButton = useRef<HTMLButtonElement>(null);
  const { route } = useLocation();

  useLayoutEffect(() => payButton.current?.focus(), []);
  // Esc steps back to the form only while nothing is on its way: a payment sent or of unknown outcome stays here.
  useEscape(() => {
    if (state === 'ready' || state === 'refused') onBack();
  });

  const pay = async () => {
    if (sending.current) return;
    sending.current = true;
    setState((previous) => (previous === 'unknown' ? 'checking' : 'paying'));
    setRefusal(null);
    try {
      const payment = await api.post('/api/v1/billpay/payments', {
        body: { inquiryId: inquiry.inquiryId },
        idempotencyKey,
      });
      if (typeof (payment as Partial<Payment>).totalAmount === 'number')
        handOver(payment as Payment);
      route(`/ppob/pembayaran/${encodeURIComponent(payment.paymentId)}`);
    } catch (error) {
      if (error instanceof ApiError && error.outcomeUnknown) {
        setState('unknown');
      } else {
        setRefusal(await payRefusal(error));
        setState('refused');
      }
    } finally {
      sending.current = false;
    }
  };

  const total = formatRupiah(inquiry.totalAmount);
  return (
    <section class="card ppob-confirm" aria-labelledby="ppob-confirm-title">
      <h2 id="ppob-confirm-title">{t('ppob.confirm.title')}</h2>
      <BillDetails
        bill={{
          productName: inquiry.productName,
          customerNo: inquiry.customerNo,
          customerNoLabel,
          customerName: inquiry.customerName,
          subscriberId: inquiry.subscriberId,
          segmentPower: inquiry.segmentPower,
          period: inquiry.period,
          prepaid: kind.prepaid,
          billAmount: inquiry.billAmount,
          penalty: inquiry.penalty,
          adminFee: inquiry.adminFee,
          totalAmount: inquiry.totalAmount,
        }}
      />
      {state === 'unknown' || state === 'checking' ? (
        <UnknownOutcome checking={state === 'checking'} onCheckAgain={pay} />
      ) : state === 'refused' ? (
        <>
          <ErrorMessage message={refusal} />
          <div class="button-row">
            <button type="button" class="button button--primary" onClick={onBack}>
              {t('ppob.inquireAgain')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p class="ppob-take-cash">{t('ppob.confirm.takeCash', { amount: total })}</p>
          <div class="button-row">
            <button
              ref={payButton}
              type="button"
              class="button button--primary ppob-pay"
              disabled={state === 'paying'}
              onClick={pay}
              onKeyDown={(event) => event.key === 'Enter' && event.repeat && event.preventDefault()}
            >
              {state === 'paying' ? t('ppob.paying') : t('ppob.pay', { amount: total })}
            </button>
            <button type="button" class="button" onClick={onBack} disabled={state === 'paying'}>
              {t('ppob.change')}
            </button>
          </div>
        </>
      )}
      {state === 'paying' && (
        <p class="visually-hidden" role="status">
          {t('ppob.paying')}
        </p>
      )}
    </section>
  );
}

/** A refusal the gateway gave: nothing was sent to the aggregator, and the teller is told what to do next. */
async function payRefusal(error: unknown): Promise<string> {
  if (error instanceof ApiError && error.code === 'DEPOSIT_TOO_LOW') {
    try {
      const deposit = await api.get('/api/v1/billpay/deposit');
      return t('ppob.error.DEPOSIT_TOO_LOW', { amount: formatRupiah(deposit.available) });
    } catch {
      return t('ppob.error.DEPOSIT_TOO_LOW_UNKNOWN');
    }
  }
  return describeError(error, {
    INQUIRY_EXPIRED: () => t('ppob.error.INQUIRY_EXPIRED'),
    INQUIRY_ALREADY_USED: () => t('ppob.error.INQUIRY_ALREADY_USED'),
    INQUIRY_REQUIRED: () => t('ppob.error.payRefused'),
    PRICE_UNKNOWN: () => t('ppob.error.PRODUCT_NOT_AVAILABLE'),
    PRODUCT_NOT_FOUND: () => t('ppob.error.PRODUCT_NOT_FOUND'),
    VALIDATION_FAILED: () => t('ppob.error.payRefused'),
  });
}
