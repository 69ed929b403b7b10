import { useState } from 'preact/hooks';
import { api, newIdempotencyKey } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ActionFailure } from '../../components/ActionFailure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/use-load';
import { t, type MessageKey } from '../../i18n/i18n';
import { ConfirmPanel } from '../supervisor/ConfirmPanel';
import { DrawerFigures, differenceText, type Drawer } from './DrawerFigures';

interface Approving {
  drawer: Drawer;
  /** Made when the confirm step opens: one approval, one key, reused if the answer is lost. */
  idempotencyKey: string;
}

/** The supervisor's tutup kasir: today's drawers, who has not closed, and approving a counted closing. */
export function CashClosingScreen() {
  const today = useLoad((signal) => api.get('/api/v1/cash-drawers', { signal }), []);
  const [approving, setApproving] = useState<Approving | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const approve = async () => {
    if (!approving || !today.data) return;
    setBusy(true);
    setFailure(null);
    try {
      const { drawer, idempotencyKey } = approving;
      await api.post('/api/v1/cash-drawers/{date}/{tellerId}/approve', {
        path: { date: today.data.date, tellerId: drawer.tellerId },
        idempotencyKey,
      });
      setApproving(null);
      setNotice(t('cash.supervisor.approved', { teller: drawer.tellerName }));
      today.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const failureText = failure
    ? describeError(failure, {
        DRAWER_NOT_COUNTED: () => t('cash.supervisor.notCounted'),
        DRAWER_CLOSED: () => t('cash.alreadyClosed'),
        SELF_APPROVAL: () => t('cash.supervisor.selfApproval'),
      })
    : null;
  const drawers = today.data?.drawers ?? [];

  return (
    <div class="supervisor-screen">
      <PageTitle>{t('cash.supervisor.title')}</PageTitle>
      <p>{t('cash.supervisor.intro')}</p>
      {notice && (
        <p class="alert alert--success" role="status">
          {notice}
        </p>
      )}
      {approving && (
        <ConfirmPanel
          id="cash-approve"
          title={t('cash.supervisor.confirmTitle')}
          confirmLabel={t('cash.supervisor.confirm')}
          busy={busy}
          onConfirm={approve}
          onCancel={() => {
            setApproving(null);
            setFailure(null);
          }}
        >
          <p>
            <strong>{approving.drawer.tellerName}</strong> · {t('cash.supervisor.confirmIntro')}
          </p>
          <DrawerFigures drawer={approving.drawer} countedRp={approving.drawer.counted} />
          <ActionFailure
            failure={failure}
            message={failureText}
            checking={busy}
            onCheckAgain={approve}
          />
        </ConfirmPanel>
      )}
      {today.error && <ErrorMessage message={today.error} />}
      {today.loading && !today.data && <p role="status">{t('app.loading')}</p>}
      {today.data && (
        <>
          <p
            role="status"
            class={today.data.notClosed > 0 ? 'alert alert--warning' : 'alert alert--info'}
            data-testid="cash-not-closed"
          >
            {drawers.length === 0
              ? t('cash.supervisor.empty')
              : today.data.notClosed > 0
                ? t('cash.supervisor.notClosed', { count: today.data.notClosed })
                : t('cash.supervisor.allClosed')}
          </p>
          {drawers.length > 0 && (
            <div class="table-wrap">
              <table class="supervisor-table">
                <caption class="visually-hidden">{t('cash.supervisor.tableLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cash.supervisor.teller')}</th>
                    <th scope="col" class="num">
                      {t('cash.expected')}
                    </th>
                    <th scope="col" class="num">
                      {t('cash.counted')}
                    </th>
                    <th scope="col">{t('cash.difference')}</th>
                    <th scope="col">{t('cash.supervisor.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {drawers.map((drawer) => (
                    <tr key={drawer.tellerId} data-teller={drawer.tellerName}>
                      <td data-label={t('cash.supervisor.teller')}>
                        <div>
                          <span class="cell-main">{drawer.tellerName}</span>
                          <span class={`badge cash-badge--${drawer.status}`}>
                            {t(`cash.status.${drawer.status}` as MessageKey)}
                          </span>
                          {drawer.status !== 'CLOSED' && (
                            <span class="badge badge--FAILED">
                              {t('cash.supervisor.notClosedBadge')}
                            </span>
                          )}
                        </div>
                      </td>
                      <td class="num" data-label={t('cash.expected')}>
                        <Money amountRp={drawer.expected.total} />
                      </td>
                      <td class="num" data-label={t('cash.counted')}>
                        {drawer.counted === null ? '–' : <Money amountRp={drawer.counted} />}
                      </td>
                      <td data-label={t('cash.difference')}>
                        {drawer.difference === null ? '–' : differenceText(drawer.difference)}
                      </td>
                      <td class="cell-action">
                        {drawer.status === 'COUNTED' && (
                          <button
                            type="button"
                            class="button"
                            disabled={busy || approving !== null}
                            aria-label={t('cash.supervisor.approveFor', {
                              teller: drawer.tellerName,
                            })}
                            onClick={() => {
                              setNotice(null);
                              setFailure(null);
                              setApproving({ drawer, idempotencyKey: newIdempotencyKey() });
                            }}
                          >
                            {t('cash.supervisor.approve')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
