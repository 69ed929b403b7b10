import { useState } from 'preact/hooks';
import { api, newIdempotencyKey, type ApiSchemas } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ActionFailure } from '../../../components/ActionFailure';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Money } from '../../../components/Money';
import { useLoad } from '../../../components/use-load';
import { formatRupiah } from '../../../format/rupiah';
import { formatWibDateTime } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { ConfirmPanel } from '../ConfirmPanel';

type Collection = ApiSchemas['CollectionResponse'];

interface Confirming {
  collection: Collection;
  /** One pay-back, one key, reused if the answer is lost and asked again. */
  idempotencyKey: string;
}

/** Installments the bank refused for good: its reason, and paying the cash back to the customer from the supervisor's drawer. */
export function RefusedCollections() {
  const loaded = useLoad((signal) => api.get('/api/v1/loans/refused-collections', { signal }), []);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const payBack = async () => {
    if (!confirming) return;
    const { collection, idempotencyKey } = confirming;
    setBusy(true);
    setFailure(null);
    try {
      await api.post('/api/v1/loans/refused-collections/{collectionId}/pay-back', {
        path: { collectionId: collection.collectionId },
        body: {},
        idempotencyKey,
      });
      setConfirming(null);
      setNotice(
        t('bank.refused.paid', {
          amount: formatRupiah(collection.amount),
          borrower: collection.borrowerName,
        }),
      );
      loaded.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const rows = loaded.data ?? [];
  const owed = rows.filter((collection) => !collection.refusal?.paidBack);
  const failureText = failure
    ? describeError(failure, {
        ALREADY_PAID_BACK: () => t('bank.refused.alreadyPaid'),
        CASH_DRAWER_CLOSED: () => t('bank.refused.drawerClosed'),
      })
    : null;

  return (
    <section class="card" aria-labelledby="refused-title" data-testid="refused-collections">
      <h2 id="refused-title">{t('bank.refused.title')}</h2>
      <p>{t('bank.refused.intro')}</p>
      {notice && (
        <p class="alert alert--success" role="status">
          {notice}
        </p>
      )}
      {confirming && (
        <ConfirmPanel
          id="refused-confirm"
          title={t('bank.refused.confirmTitle')}
          confirmLabel={t('bank.refused.confirm', {
            amount: formatRupiah(confirming.collection.amount),
          })}
          busy={busy}
          onConfirm={payBack}
          onCancel={() => {
            setConfirming(null);
            setFailure(null);
          }}
        >
          <p class="confirm-panel__amount">
            {t('bank.refused.handBack', {
              amount: formatRupiah(confirming.collection.amount),
              borrower: confirming.collection.borrowerName,
            })}
          </p>
          <p>{t('bank.refused.fromYourDrawer')}</p>
          <ActionFailure
            failure={failure}
            message={failureText}
            checking={busy}
            onCheckAgain={payBack}
          />
        </ConfirmPanel>
      )}
      {!confirming && failureText && <ErrorMessage message={failureText} />}
      {loaded.error && <ErrorMessage message={loaded.error} />}
      {loaded.data && (
        <p role="status">
          {owed.length === 0
            ? t('bank.refused.none')
            : t('bank.refused.count', {
                count: owed.length,
                amount: formatRupiah(owed.reduce((sum, collection) => sum + collection.amount, 0)),
              })}
        </p>
      )}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="supervisor-table">
            <caption class="visually-hidden">{t('bank.refused.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bank.refused.loan')}</th>
                <th scope="col">{t('bank.refused.reason')}</th>
                <th scope="col" class="num">
                  {t('common.amount')}
                </th>
                <th scope="col">{t('bank.refused.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((collection) => (
                <tr key={collection.collectionId}>
                  <td data-label={t('bank.refused.loan')}>
                    {collection.borrowerName}
                    <br />
                    <span class="cell-ref">{collection.loanNo}</span> ·{' '}
                    {formatWibDateTime(collection.collectedAt)}
                  </td>
                  <td data-label={t('bank.refused.reason')}>{collection.refusal?.reason}</td>
                  <td class="num" data-label={t('common.amount')}>
                    <Money amountRp={collection.amount} />
                  </td>
                  <td data-label={t('bank.refused.status')}>
                    {collection.refusal?.paidBack ? (
                      t('bank.refused.paidBy', { name: collection.refusal.paidBack.paidByName })
                    ) : (
                      <button
                        type="button"
                        class="button"
                        disabled={busy}
                        onClick={() => {
                          setNotice(null);
                          setFailure(null);
                          setConfirming({ collection, idempotencyKey: newIdempotencyKey() });
                        }}
                      >
                        {t('bank.refused.payBack')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
