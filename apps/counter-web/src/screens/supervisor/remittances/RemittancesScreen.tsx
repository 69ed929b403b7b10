import { useState } from 'preact/hooks';
import { api, newIdempotencyKey, type ApiSchemas } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ActionFailure } from '../../../components/ActionFailure';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { useLoad } from '../../../components/use-load';
import { formatRupiah } from '../../../format/rupiah';
import { formatWibDay } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { ConfirmPanel } from '../ConfirmPanel';
import { BatchPanel, forgetBatch, rememberBatch, rememberedBatch } from './BatchPanel';
import { CollectionsTable } from './CollectionsTable';
import { recentWibDays } from './recent-days';

type Collection = ApiSchemas['CollectionResponse'];
type Remittance = ApiSchemas['RemittanceResponse'];

/**
 * How far back the list looks for collections not yet remitted: the collections API answers one WIB date at a
 * time, and a counter remits at least weekly. A batch itself takes every acknowledged one, whatever its date.
 */
const DAYS_SHOWN = 8;

interface Pool {
  days: string[];
  collections: Collection[];
  count: number;
  collected: number;
  feeNetted: number;
  truncated: boolean;
}

async function loadPool(signal: AbortSignal): Promise<Pool> {
  const days = recentWibDays(DAYS_SHOWN);
  const lists = await Promise.all(
    days.map((date) =>
      api.get('/api/v1/loans/collections', { query: { date, status: 'UNREMITTED' }, signal }),
    ),
  );
  const collections = lists
    .flatMap((list) => list.collections)
    .sort((a, b) => a.collectedAt.localeCompare(b.collectedAt));
  return {
    days,
    collections,
    count: lists.reduce((sum, list) => sum + list.count, 0),
    collected: lists.reduce((sum, list) => sum + list.amount, 0),
    feeNetted: collections.filter((c) => c.feeMode === 'NETTED').reduce((sum, c) => sum + c.fee, 0),
    truncated: lists.some((list) => list.truncated),
  };
}

/** Setoran ke bank: the installments collected and not yet remitted, closing a batch, and following it. */
export function RemittancesScreen() {
  const pool = useLoad(loadPool, []);
  const [confirmKey, setConfirmKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [batch, setBatch] = useState<Remittance | null>(null);
  const [batchId, setBatchId] = useState<string | null>(rememberedBatch());

  const data = pool.data;
  const acknowledged = data?.collections.filter((c) => c.noticeStatus === 'ACKNOWLEDGED') ?? [];
  const waiting = data ? data.collections.length - acknowledged.length : 0;
  const ackRemit = acknowledged.reduce(
    (sum, c) => sum + c.amount - (c.feeMode === 'NETTED' ? c.fee : 0),
    0,
  );

  const openConfirm = () => {
    setFailure(null);
    setConfirmKey(newIdempotencyKey());
  };
  const cancel = () => {
    setConfirmKey(null);
    setFailure(null);
  };

  const closeBatch = async () => {
    if (!confirmKey) return;
    setBusy(true);
    setFailure(null);
    try {
      const closed = await api.post('/api/v1/loans/remittances', {
        body: {},
        idempotencyKey: confirmKey,
      });
      rememberBatch(closed.remittanceId);
      setBatch(closed);
      setBatchId(closed.remittanceId);
      setConfirmKey(null);
      pool.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const failureText = failure
    ? describeError(failure, {
        NOTHING_TO_REMIT: () =>
          waiting > 0
            ? t('supervisor.remit.nothingWaiting', { count: waiting })
            : t('supervisor.remit.nothing'),
        REMITTANCE_TOO_LARGE: () => t('supervisor.remit.tooLarge'),
        CONCURRENT_UPDATE: () => t('supervisor.remit.concurrent'),
      })
    : null;

  return (
    <div class="supervisor-screen">
      <PageTitle>{t('supervisor.remit.title')}</PageTitle>
      {batchId && (
        <BatchPanel
          remittanceId={batchId}
          initial={batch}
          onDismiss={() => {
            forgetBatch();
            setBatchId(null);
            setBatch(null);
          }}
        />
      )}
      {pool.error && <ErrorMessage message={pool.error} />}
      {pool.loading && !data && <p role="status">{t('app.loading')}</p>}
      {data && (
        <>
          <p>
            {t('supervisor.remit.window', {
              days: DAYS_SHOWN,
              from: formatWibDay(data.days[data.days.length - 1]),
            })}
          </p>
          <dl class="cards remit-figures" data-testid="remit-figures">
            <div class="card">
              <dt>{t('supervisor.remit.count')}</dt>
              <dd class="figure" data-testid="remit-count">
                {data.count}
              </dd>
            </div>
            <div class="card">
              <dt>{t('supervisor.remit.collected')}</dt>
              <dd class="figure" data-testid="remit-total">
                <Money amountRp={data.collected} />
              </dd>
            </div>
            <div class="card">
              <dt>{t('supervisor.remit.feeNetted')}</dt>
              <dd class="figure">
                <Money amountRp={data.feeNetted} />
              </dd>
            </div>
            <div class="card">
              <dt>{t('supervisor.remit.toRemit')}</dt>
              <dd class="figure">
                <Money amountRp={data.collected - data.feeNetted} />
              </dd>
            </div>
          </dl>
          {waiting > 0 && (
            <p class="alert alert--info">{t('supervisor.remit.waiting', { count: waiting })}</p>
          )}
          {data.truncated && <p class="alert alert--info">{t('supervisor.remit.truncated')}</p>}

          {confirmKey ? (
            <ConfirmPanel
              id="remit-confirm"
              title={t('supervisor.remit.confirmTitle')}
              confirmLabel={t('supervisor.remit.confirm')}
              busy={busy}
              onConfirm={closeBatch}
              onCancel={cancel}
            >
              <p class="confirm-panel__amount">
                {t('supervisor.remit.confirmText', {
                  count: acknowledged.length,
                  amount: formatRupiah(ackRemit),
                })}
              </p>
              <ActionFailure
                failure={failure}
                message={failureText}
                checking={busy}
                onCheckAgain={closeBatch}
              />
            </ConfirmPanel>
          ) : (
            <div class="supervisor-toolbar">
              <button
                type="button"
                class="button button--primary"
                onClick={openConfirm}
                disabled={pool.loading}
              >
                {t('supervisor.remit.close')}
              </button>
              <button type="button" class="button" onClick={pool.reload} disabled={pool.loading}>
                {pool.loading ? t('app.loading') : t('supervisor.reload')}
              </button>
            </div>
          )}

          {data.collections.length === 0 ? (
            <p role="status">{t('supervisor.remit.empty')}</p>
          ) : (
            <CollectionsTable collections={data.collections} />
          )}
        </>
      )}
    </div>
  );
}
