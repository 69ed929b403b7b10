import { useState } from 'preact/hooks';
import { ApiError } from '../../../api/api-error';
import { api, newIdempotencyKey, type ApiSchemas } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ActionFailure } from '../../../components/ActionFailure';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { useLoad } from '../../../components/use-load';
import { formatRupiah } from '../../../format/rupiah';
import { formatWibDateTime } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { ConfirmPanel } from '../ConfirmPanel';
import { RefundsTable, customerOf, type OwedRefund } from './RefundsTable';

type RefundResult = ApiSchemas['RefundResponse'];

interface Confirming {
  refund: OwedRefund;
  /** Made when the confirm step opens: one refund, one key, reused if the answer is lost and asked again. */
  idempotencyKey: string;
}

/**
 * Refund PPOB: the koperasi's FAILED payments whose money is still owed (every day, every teller, as
 * GET /counter/today lists them, with the teller's name), paid out one at a time after a confirm step.
 */
export function RefundsScreen() {
  const owed = useLoad(async (signal) => {
    const [today, products] = await Promise.all([
      api.get('/api/v1/counter/today', { signal }),
      api.get('/api/v1/billpay/products', { signal }).catch(() => []),
    ]);
    const names = new Map(products.map((product) => [product.code, product.name]));
    return today.ppobRefundsOwed.payments.map((payment): OwedRefund => ({
      ...payment,
      productName: names.get(payment.productCode) ?? payment.productCode,
    }));
  }, []);
  /** Paid on this screen since it loaded: the row stays, marked paid, until the next reload. */
  const [paid, setPaid] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | unknown | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const open = (refund: OwedRefund) => {
    setNotice(null);
    setFailure(null);
    setConfirming({ refund, idempotencyKey: newIdempotencyKey() });
  };
  const close = () => {
    setConfirming(null);
    setFailure(null);
  };
  const markPaid = (paymentId: string) => setPaid((previous) => new Set([...previous, paymentId]));

  const pay = async () => {
    if (!confirming) return;
    const { refund, idempotencyKey } = confirming;
    setBusy(true);
    setFailure(null);
    try {
      const result: RefundResult = await api.post('/api/v1/billpay/payments/{id}/refund', {
        path: { id: refund.paymentId },
        idempotencyKey,
      });
      markPaid(refund.paymentId);
      setConfirming(null);
      setNotice(
        t('supervisor.refunds.paid', {
          amount: formatRupiah(result.amount),
          customer: customerOf(refund),
        }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'REFUND_ALREADY_PAID')
        markPaid(refund.paymentId);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const rows = owed.data ?? [];
  const stillOwed = rows.filter((refund) => !paid.has(refund.paymentId));
  const failureText = failure
    ? describeError(failure, {
        REFUND_ALREADY_PAID: () => t('supervisor.refunds.alreadyPaid'),
        PAYMENT_NOT_FAILED: () => t('supervisor.refunds.notFailed'),
        PAYMENT_NOT_FOUND: () => t('supervisor.refunds.notFound'),
      })
    : null;

  return (
    <div class="supervisor-screen">
      <PageTitle>{t('supervisor.refunds.title')}</PageTitle>
      <p>{t('supervisor.refunds.intro')}</p>
      {notice && (
        <p class="alert alert--success" role="status">
          {notice}
        </p>
      )}
      {confirming && (
        <ConfirmPanel
          id="refund-confirm"
          title={t('supervisor.refunds.confirmTitle')}
          confirmLabel={t('supervisor.refunds.confirm', {
            amount: formatRupiah(confirming.refund.amount),
          })}
          busy={busy}
          onConfirm={pay}
          onCancel={close}
        >
          <p class="confirm-panel__amount">
            {t('supervisor.refunds.confirmHandBack', {
              amount: formatRupiah(confirming.refund.amount),
            })}
          </p>
          <dl class="summary">
            <dt>{t('supervisor.customer')}</dt>
            <dd>{customerOf(confirming.refund)}</dd>
            <dt>{t('supervisor.product')}</dt>
            <dd>{confirming.refund.productName}</dd>
            <dt>{t('supervisor.date')}</dt>
            <dd>{formatWibDateTime(confirming.refund.createdAt)}</dd>
            <dt>{t('supervisor.teller')}</dt>
            <dd>{confirming.refund.tellerName}</dd>
            <dt>{t('supervisor.refunds.reference')}</dt>
            <dd>{confirming.refund.refId}</dd>
            <dt>{t('supervisor.amount')}</dt>
            <dd class="summary__total">
              <Money amountRp={confirming.refund.amount} />
            </dd>
          </dl>
          <p>{t('supervisor.refunds.confirmDrawer', { teller: confirming.refund.tellerName })}</p>
          <ActionFailure
            failure={failure}
            message={failureText}
            checking={busy}
            onCheckAgain={pay}
          />
        </ConfirmPanel>
      )}
      {!confirming && failureText && <ErrorMessage message={failureText} />}

      {owed.error && <ErrorMessage message={owed.error} />}
      {owed.loading && !owed.data && <p role="status">{t('app.loading')}</p>}
      {owed.data && (
        <>
          <div class="supervisor-toolbar">
            <p role="status">
              {stillOwed.length === 0
                ? t('supervisor.refunds.empty')
                : t('supervisor.refunds.count', {
                    count: stillOwed.length,
                    amount: formatRupiah(stillOwed.reduce((sum, refund) => sum + refund.amount, 0)),
                  })}
            </p>
            <button
              type="button"
              class="button"
              onClick={() => {
                setNotice(null);
                setFailure(null);
                setPaid(new Set());
                owed.reload();
              }}
              disabled={owed.loading || busy}
            >
              {owed.loading ? t('app.loading') : t('supervisor.reload')}
            </button>
          </div>
          {rows.length > 0 && (
            <RefundsTable
              rows={rows}
              paid={paid}
              disabled={busy || confirming !== null}
              onPay={open}
            />
          )}
        </>
      )}
    </div>
  );
}
