import type { ApiSchemas } from '../../api/client';
import { Money } from '../../components/Money';
import { StatusBadge } from '../../components/StatusBadge';
import { formatWibDateTime } from '../../format/wib';

type PpobList = ApiSchemas['CounterPpobListResponse'];

interface PpobWatchListProps {
  id: string;
  title: string;
  empty: string;
  note?: string;
  list: PpobList;
}

/** PPOB payments that need a look: each opens the payment's own screen. */
export function PpobWatchList({ id, title, empty, note, list }: PpobWatchListProps) {
  return (
    <section aria-labelledby={id} class="card" data-testid={id}>
      <h2 id={id}>
        {title} <span class="home-count">({list.count})</span>
      </h2>
      {note && list.count > 0 && <p class="field__hint">{note}</p>}
      {list.count === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul class="home-ppob">
          {list.payments.map((payment) => (
            <li key={payment.paymentId} class="home-ppob__item">
              <a href={`/ppob/pembayaran/${payment.paymentId}`} class="home-ppob__link">
                {payment.productCode} · {payment.customerNo}
                {payment.customerName ? ` · ${payment.customerName}` : ''}
              </a>
              <span class="home-ppob__meta">
                <Money amountRp={payment.amount} /> <StatusBadge status={payment.status} />
              </span>
              <span class="home-ppob__meta">
                {formatWibDateTime(payment.createdAt)} · {payment.tellerName}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
