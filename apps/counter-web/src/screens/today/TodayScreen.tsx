import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { useEscape } from '../../components/use-escape';
import { useLoad } from '../../components/use-load';
import { formatWibDay } from '../../format/wib';
import { t, type MessageKey } from '../../i18n/i18n';
import { TransactionRow, type Transaction } from './TransactionRow';

type Status = Transaction['status'];

/** Transaksi hari ini: this teller's day, newest first, with statuses, status checks of pending PPOB and reprints. */
export function TodayScreen() {
  const day = useLoad((signal) => api.get('/api/v1/counter/today', { signal }), []);
  const [openId, setOpenId] = useState<string | null>(null);
  /** Statuses checked since the list loaded, by payment id. */
  const [checked, setChecked] = useState<Record<string, Status>>({});
  const [checkingId, setCheckingId] = useState<string | null>(null);
  const [messages, setMessages] = useState<Record<string, string>>({});

  // A fresh list drops what was checked against the old one.
  useEffect(() => setChecked({}), [day.data]);
  useEscape(openId ? () => setOpenId(null) : null);

  const toggleReceipt = (id: string) => {
    // Closing a receipt (or opening another) rereads the day, so a receipt printed a moment ago offers a reprint.
    if (openId !== null) day.reload();
    setOpenId(openId === id ? null : id);
  };

  const checkStatus = async (id: string) => {
    setCheckingId(id);
    try {
      const payment = await api.get('/api/v1/billpay/payments/{id}', { path: { id } });
      setChecked((previous) => ({ ...previous, [id]: payment.status }));
      setMessages((previous) => ({
        ...previous,
        [id]: t('today.statusNow', { status: t(`common.status.${payment.status}` as MessageKey) }),
      }));
      if (payment.status === 'SUCCESS' || payment.status === 'FAILED') day.reload();
    } catch (error) {
      setMessages((previous) => ({ ...previous, [id]: describeError(error) }));
    } finally {
      setCheckingId(null);
    }
  };

  const transactions = (day.data?.transactions ?? []).map((transaction) =>
    checked[transaction.id] ? { ...transaction, status: checked[transaction.id] } : transaction,
  );
  return (
    <div class="today">
      <PageTitle>{t('today.title')}</PageTitle>
      <p>
        {day.data
          ? t('today.subtitle', { date: formatWibDay(day.data.date), name: day.data.tellerName })
          : ''}
      </p>
      <ErrorMessage message={day.error} />
      {day.loading && !day.data && <p role="status">{t('app.loading')}</p>}
      {day.data && transactions.length === 0 && <p class="alert alert--info">{t('today.none')}</p>}
      {transactions.length > 0 && (
        <>
          <p class="today__count">{t('today.count', { count: transactions.length })}</p>
          <ul class="today-list" aria-label={t('today.listLabel')}>
            {transactions.map((transaction) => (
              <TransactionRow
                key={transaction.id}
                transaction={transaction}
                open={openId === transaction.id}
                onToggleReceipt={() => toggleReceipt(transaction.id)}
                checking={checkingId === transaction.id}
                checkMessage={messages[transaction.id] ?? null}
                onCheckStatus={() => checkStatus(transaction.id)}
              />
            ))}
          </ul>
        </>
      )}
      <div class="button-row">
        <button type="button" class="button" onClick={day.reload} disabled={day.loading}>
          {day.loading ? t('app.loading') : t('today.refresh')}
        </button>
      </div>
    </div>
  );
}
