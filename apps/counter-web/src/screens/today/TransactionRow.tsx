import type { ApiSchemas } from '../../api/client';
import { Money } from '../../components/Money';
import { ReceiptPanel } from '../../components/ReceiptPanel';
import { StatusBadge } from '../../components/StatusBadge';
import { formatWibTime } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { kindLabel } from '../home/kind-labels';

export type Transaction = ApiSchemas['CounterTransactionResponse'];

interface TransactionRowProps {
  transaction: Transaction;
  open: boolean;
  onToggleReceipt: () => void;
  checking: boolean;
  checkMessage: string | null;
  onCheckStatus: () => void;
}

/** One transaction of the day: what, when, how much, its status; a pending PPOB payment can be checked, any receipt reprinted. */
export function TransactionRow({
  transaction,
  open,
  onToggleReceipt,
  checking,
  checkMessage,
  onCheckStatus,
}: TransactionRowProps) {
  const waiting =
    transaction.kind === 'ppob' &&
    (transaction.status === 'PENDING' || transaction.status === 'PROCESSING');
  const receipt = transaction.receipt;
  const printed = (receipt?.printCount ?? 0) > 0;
  const panelId = `receipt-${transaction.id}`;
  return (
    <li class="today-row" data-testid="transaction" data-kind={transaction.kind}>
      <div class="today-row__main">
        <p class="today-row__what">
          <strong>{kindLabel(transaction.kind)}</strong>{' '}
          <span class="today-row__time">{formatWibTime(transaction.time)}</span>
        </p>
        <p class="today-row__description">{transaction.description}</p>
        {transaction.partnerRef && (
          <p class="today-row__ref">{t('today.partnerRef', { ref: transaction.partnerRef })}</p>
        )}
      </div>
      <div class="today-row__figures">
        <span class="figure">
          <Money amountRp={transaction.amount} />
        </span>
        <StatusBadge status={transaction.status} />
      </div>
      <div class="today-row__actions">
        {waiting && (
          <button type="button" class="button" onClick={onCheckStatus} disabled={checking}>
            {checking ? t('today.checking') : t('today.checkStatus')}
          </button>
        )}
        {receipt && (
          <button
            type="button"
            class="button"
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            onClick={onToggleReceipt}
          >
            {open
              ? t('today.closeReceipt')
              : printed
                ? t('today.reprintReceipt')
                : t('today.printReceipt')}
          </button>
        )}
      </div>
      {checkMessage && (
        <p class="today-row__message" role="status">
          {checkMessage}
        </p>
      )}
      {receipt && open && (
        <div id={panelId} class="today-row__receipt">
          <ReceiptPanel kind={receipt.kind} id={receipt.id} printedBefore={printed} />
        </div>
      )}
    </li>
  );
}
