import { useEffect, useState } from 'preact/hooks';
import { api, type ApiSchemas } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Money } from '../../../components/Money';
import { formatRupiah } from '../../../format/rupiah';
import { formatWibDateTime } from '../../../format/wib';
import { t, type MessageKey } from '../../../i18n/i18n';

type Remittance = ApiSchemas['RemittanceResponse'];

/** Asked every 2 s for at most 3 minutes; after that the supervisor asks by hand (the bank may hold a batch for hours). */
const POLL_EVERY_MS = 2_000;
const POLLS_PER_ROUND = 90;
const STORAGE_KEY = 'counter.supervisor.lastRemittance';

const BADGE: Record<string, string> = {
  SENT: 'PENDING',
  UNKNOWN: 'PENDING',
  CONFIRMED: 'SUCCESS',
  REJECTED: 'FAILED',
};
const isFinal = (status: string) => status === 'CONFIRMED' || status === 'REJECTED';

/** The batch being followed survives leaving the screen (this tab only) until the supervisor closes its panel. */
export function rememberBatch(remittanceId: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, remittanceId);
  } catch {
    // Storage refused: followed while the screen is open only.
  }
}

export function rememberedBatch(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function forgetBatch(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}

interface BatchPanelProps {
  remittanceId: string;
  /** The close's answer, when this screen closed the batch. */
  initial: Remittance | null;
  onDismiss: () => void;
}

/** A batch sent to the bank, its status updating by itself until the bank confirms or rejects it. */
export function BatchPanel({ remittanceId, initial, onDismiss }: BatchPanelProps) {
  const [batch, setBatch] = useState<Remittance | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    setGaveUp(false);
    const ask = async () => {
      try {
        const now = await api.get('/api/v1/loans/remittances/{id}', { path: { id: remittanceId } });
        if (cancelled) return;
        setBatch(now);
        setError(null);
        if (isFinal(now.status)) return;
      } catch (failure) {
        if (cancelled) return;
        setError(describeError(failure));
      }
      polls += 1;
      if (polls >= POLLS_PER_ROUND) setGaveUp(true);
      else timer = setTimeout(ask, POLL_EVERY_MS);
    };
    if (initial && isFinal(initial.status) && round === 0) return;
    timer = setTimeout(ask, initial && round === 0 ? POLL_EVERY_MS : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [remittanceId, round]);

  const status = batch?.status ?? null;
  return (
    <section class="card batch-panel" aria-labelledby="batch-title" data-testid="remittance-batch">
      <div class="batch-panel__head">
        <h2 id="batch-title">{t('supervisor.remit.batchTitle')}</h2>
        {status && (
          <span
            class={`badge badge--${BADGE[status] ?? 'PENDING'}`}
            data-testid="remittance-status"
          >
            {t(`supervisor.remit.status.${status}` as MessageKey)}
          </span>
        )}
      </div>
      {batch && (
        <dl class="summary">
          <dt>{t('supervisor.remit.batchRef')}</dt>
          <dd class="cell-ref">{batch.remittanceId}</dd>
          <dt>{t('supervisor.remit.closedAt')}</dt>
          <dd>{formatWibDateTime(batch.closedAt)}</dd>
          <dt>{t('supervisor.remit.count')}</dt>
          <dd>{batch.collectionCount}</dd>
          <dt>{t('supervisor.remit.collected')}</dt>
          <dd>
            <Money amountRp={batch.collected} />
          </dd>
          <dt>{t('supervisor.remit.feeNetted')}</dt>
          <dd>
            <Money amountRp={batch.feeNetted} />
          </dd>
          <dt>{t('supervisor.remit.toRemit')}</dt>
          <dd class="summary__total">
            <Money amountRp={batch.remit} />
          </dd>
          {batch.bankRef && (
            <>
              <dt>{t('supervisor.remit.bankRef')}</dt>
              <dd class="cell-ref" data-testid="remittance-bank-ref">
                {batch.bankRef}
              </dd>
            </>
          )}
          {batch.reason && (
            <>
              <dt>{t('supervisor.remit.reason')}</dt>
              <dd>{batch.reason}</dd>
            </>
          )}
        </dl>
      )}
      <div role="status">
        {status === 'CONFIRMED' && batch && (
          <p class="alert alert--success">
            {t('supervisor.remit.confirmed', { amount: formatRupiah(batch.remit) })}
          </p>
        )}
        {status === 'REJECTED' && (
          <p class="alert alert--error">{t('supervisor.remit.rejected')}</p>
        )}
        {status !== null && !isFinal(status) && !gaveUp && (
          <p class="batch-panel__following">{t('supervisor.remit.following')}</p>
        )}
        {gaveUp && status !== null && !isFinal(status) && (
          <p class="alert alert--warning">{t('supervisor.remit.stillWaiting')}</p>
        )}
      </div>
      <ErrorMessage message={error} />
      <div class="button-row">
        {gaveUp && (
          <button type="button" class="button" onClick={() => setRound((value) => value + 1)}>
            {t('supervisor.remit.checkNow')}
          </button>
        )}
        {(status === null || isFinal(status) || gaveUp) && (
          <button type="button" class="button" onClick={onDismiss}>
            {t('common.close')}
          </button>
        )}
      </div>
    </section>
  );
}
