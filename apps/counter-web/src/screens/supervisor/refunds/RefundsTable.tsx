import type { ApiSchemas } from '../../../api/client';
import { Money } from '../../../components/Money';
import { formatRupiah } from '../../../format/rupiah';
import { formatWibDateTime } from '../../../format/wib';
import { t } from '../../../i18n/i18n';

export type OwedRefund = ApiSchemas['CounterPpobPaymentResponse'] & { productName: string };

/** `BUDI SANTOSO · 14712345678`, or the number alone when the aggregator gave no name. */
export function customerOf(refund: OwedRefund): string {
  return refund.customerName ? `${refund.customerName} · ${refund.customerNo}` : refund.customerNo;
}

interface RefundsTableProps {
  rows: OwedRefund[];
  paid: ReadonlySet<string>;
  disabled: boolean;
  onPay: (refund: OwedRefund) => void;
}

/** Two facts per cell so the table fits a phone: who and what, then whose drawer and when. */
export function RefundsTable({ rows, paid, disabled, onPay }: RefundsTableProps) {
  return (
    <div class="table-wrap">
      <table class="supervisor-table">
        <caption class="visually-hidden">{t('supervisor.refunds.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supervisor.refunds.customerAndProduct')}</th>
            <th scope="col">{t('supervisor.refunds.tellerAndTime')}</th>
            <th scope="col" class="num">
              {t('supervisor.amount')}
            </th>
            <th scope="col">{t('supervisor.refunds.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((refund) => (
            <tr key={refund.paymentId} data-payment-id={refund.paymentId}>
              <td data-label={t('supervisor.refunds.customerAndProduct')}>
                <div>
                  <span class="cell-main">{refund.customerName ?? refund.customerNo}</span>
                  {refund.customerName && <span class="cell-sub">{refund.customerNo}</span>}
                  <span class="cell-sub">{refund.productName}</span>
                </div>
              </td>
              <td data-label={t('supervisor.refunds.tellerAndTime')}>
                <div>
                  <span class="cell-main">{refund.tellerName}</span>
                  <span class="cell-sub">{formatWibDateTime(refund.createdAt)}</span>
                </div>
              </td>
              <td class="num" data-label={t('supervisor.amount')}>
                <Money amountRp={refund.amount} />
              </td>
              <td class="cell-action">
                {paid.has(refund.paymentId) ? (
                  <span class="badge badge--SUCCESS">{t('supervisor.refunds.paidBadge')}</span>
                ) : (
                  <button
                    type="button"
                    class="button"
                    onClick={() => onPay(refund)}
                    disabled={disabled}
                    aria-label={t('supervisor.refunds.payFor', {
                      amount: formatRupiah(refund.amount),
                      customer: customerOf(refund),
                    })}
                  >
                    {t('supervisor.refunds.pay')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
