import { useState } from 'preact/hooks';
import { ApiError } from '../../api/api-error';
import { api, newIdempotencyKey } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ActionFailure } from '../../components/ActionFailure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { MoneyField } from '../../components/MoneyField';
import { PageTitle } from '../../components/PageTitle';
import { ReceiptPanel } from '../../components/ReceiptPanel';
import { useLoad } from '../../components/use-load';
import { formatRupiah } from '../../format/rupiah';
import { formatWibDateTime } from '../../format/wib';
import { t, type MessageKey } from '../../i18n/i18n';
import {
  DenominationFields,
  DENOMINATIONS_RP,
  totalOf,
  type DenominationCounts,
} from './DenominationFields';
import { DrawerFigures, type Drawer } from './DrawerFigures';

const REFUSALS = {
  DRAWER_ALREADY_OPEN: () => t('cash.alreadyOpen'),
  DRAWER_CLOSED: () => t('cash.alreadyClosed'),
  INVALID_DENOMINATIONS: () => t('cash.denominationsInvalid'),
};

/**
 * The teller's drawer of today: buka kasir with the float from the vault (optional), then tutup kasir with the
 * count (optionally note by note) against what the books expect, and the recap on the 58 mm roll.
 */
export function CashDrawerScreen() {
  const loaded = useLoad((signal) => api.get('/api/v1/cash-drawer', { signal }), []);
  const [answer, setAnswer] = useState<Drawer | null>(null);
  const drawer = answer ?? loaded.data;
  const [floatRp, setFloatRp] = useState<number | null>(null);
  const [countedRp, setCountedRp] = useState<number | null>(null);
  const [byNote, setByNote] = useState(false);
  const [notes, setNotes] = useState<DenominationCounts>({});
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [lastAction, setLastAction] = useState<'open' | 'close'>('open');
  // One key per business action, reused when the answer was lost and the teller checks again.
  const [openKey] = useState(newIdempotencyKey);
  const [closeKey, setCloseKey] = useState(newIdempotencyKey);

  // Nothing counted yet shows no difference; a drawer of nothing is counted as Rp 0 in the amount field.
  const counted = byNote
    ? Object.values(notes).some((count) => count > 0)
      ? totalOf(notes)
      : null
    : countedRp;

  const send = async (action: () => Promise<Drawer>, done: (after: Drawer) => string) => {
    setBusy(true);
    setFailure(null);
    try {
      const after = await action();
      setAnswer(after);
      setNotice(done(after));
    } catch (error) {
      setFailure(error);
      if (
        error instanceof ApiError &&
        !error.outcomeUnknown &&
        error.code === 'INVALID_DENOMINATIONS'
      )
        setCloseKey(newIdempotencyKey());
    } finally {
      setBusy(false);
    }
  };

  const open = () => {
    if (floatRp === null || floatRp <= 0) return setFieldError(t('cash.openingFloatRequired'));
    setFieldError(null);
    setLastAction('open');
    void send(
      () =>
        api.post('/api/v1/cash-drawer/open', {
          body: { openingFloat: floatRp },
          idempotencyKey: openKey,
        }),
      (after) => t('cash.opened', { amount: formatRupiah(after.openingFloat) }),
    );
  };

  const close = () => {
    if (counted === null) return setFieldError(t('cash.countedRequired'));
    setFieldError(null);
    setLastAction('close');
    const denominations = byNote
      ? DENOMINATIONS_RP.filter((value) => (notes[value] ?? 0) > 0).map((value) => ({
          value,
          count: notes[value],
        }))
      : undefined;
    void send(
      () =>
        api.post('/api/v1/cash-drawer/close', {
          body: { counted, denominations },
          idempotencyKey: closeKey,
        }),
      () => t('cash.closed'),
    );
  };

  const failureText = failure ? describeError(failure, REFUSALS) : null;
  const takesCash = drawer?.status === 'UNOPENED' || drawer?.status === 'OPEN';

  return (
    <div class="cash-screen">
      <PageTitle>{t('cash.title')}</PageTitle>
      {loaded.error && <ErrorMessage message={loaded.error} />}
      {!drawer && loaded.loading && <p role="status">{t('app.loading')}</p>}
      {drawer && (
        <>
          <p class="cash-status">
            {t('cash.statusLabel')}:{' '}
            <span class={`badge cash-badge--${drawer.status}`} data-testid="cash-status">
              {t(`cash.status.${drawer.status}` as MessageKey)}
            </span>
          </p>
          {notice && (
            <p class="alert alert--success" role="status">
              {notice}
            </p>
          )}
          <ActionFailure
            failure={failure}
            message={failureText}
            checking={busy}
            onCheckAgain={lastAction === 'open' ? open : close}
          />

          {drawer.status === 'UNOPENED' && (
            <section class="card" aria-labelledby="cash-open-title">
              <h2 id="cash-open-title">{t('cash.openTitle')}</h2>
              <p>{t('cash.openIntro')}</p>
              <Form onSubmit={open} aria-label={t('cash.openTitle')}>
                <MoneyField
                  id="cash-float"
                  label={t('cash.openingFloat')}
                  amountRp={floatRp}
                  onAmount={setFloatRp}
                  error={fieldError && floatRp === null ? fieldError : null}
                />
                <button type="submit" class="button button--primary" disabled={busy}>
                  {t('cash.open')}
                </button>
              </Form>
            </section>
          )}

          <DrawerFigures drawer={drawer} countedRp={takesCash ? counted : drawer.counted} />

          {takesCash && (
            <section class="card" aria-labelledby="cash-close-title">
              <h2 id="cash-close-title">{t('cash.closeTitle')}</h2>
              <p>{t('cash.closeIntro')}</p>
              <Form onSubmit={close} aria-label={t('cash.closeTitle')}>
                <label class="cash-toggle">
                  <input
                    type="checkbox"
                    checked={byNote}
                    onChange={(event) => setByNote(event.currentTarget.checked)}
                  />
                  {t('cash.byDenomination')}
                </label>
                {byNote ? (
                  <DenominationFields counts={notes} onCounts={setNotes} />
                ) : (
                  <MoneyField
                    id="cash-counted"
                    label={t('cash.countedField')}
                    amountRp={countedRp}
                    onAmount={setCountedRp}
                    error={fieldError && counted === null ? fieldError : null}
                  />
                )}
                <button type="submit" class="button button--primary" disabled={busy}>
                  {t('cash.close')}
                </button>
              </Form>
            </section>
          )}

          {drawer.status === 'COUNTED' && <p class="alert alert--info">{t('cash.waiting')}</p>}
          {drawer.status === 'CLOSED' && drawer.approverName && drawer.closedAt && (
            <p class="alert alert--success">
              {t('cash.approvedBy', {
                name: drawer.approverName,
                time: formatWibDateTime(drawer.closedAt),
              })}
            </p>
          )}
          {!takesCash && (
            <section class="card" aria-labelledby="cash-recap-title">
              <h2 id="cash-recap-title">{t('cash.recap')}</h2>
              <ReceiptPanel kind="kasir" id={drawer.drawerId} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
