import type { ApiSchemas } from '../../../api/client';
import { Money } from '../../../components/Money';
import { formatWibDateTime } from '../../../format/wib';
import { t, type MessageKey } from '../../../i18n/i18n';

type Collection = ApiSchemas['CollectionResponse'];

/** The pool as the supervisor checks it against the tellers' slips: loan and borrower, period, amount, the bank's word. */
export function CollectionsTable({ collections }: { collections: Collection[] }) {
  return (
    <div class="table-wrap">
      <table class="supervisor-table">
        <caption class="visually-hidden">{t('supervisor.remit.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supervisor.remit.loan')}</th>
            <th scope="col">{t('supervisor.remit.period')}</th>
            <th scope="col" class="num">
              {t('supervisor.amount')}
            </th>
            <th scope="col">{t('supervisor.remit.bankStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {collections.map((collection) => (
            <tr key={collection.collectionId}>
              <td data-label={t('supervisor.remit.loan')}>
                <div>
                  <span class="cell-main">{collection.borrowerName}</span>
                  <span class="cell-sub">
                    {collection.product} · {collection.loanNo}
                  </span>
                </div>
              </td>
              <td data-label={t('supervisor.remit.period')}>
                <div>
                  <span class="cell-main">{collection.period}</span>
                  <span class="cell-sub">{formatWibDateTime(collection.collectedAt)}</span>
                </div>
              </td>
              <td class="num" data-label={t('supervisor.amount')}>
                <Money amountRp={collection.amount} />
              </td>
              <td data-label={t('supervisor.remit.bankStatus')}>
                <span
                  class={`badge badge--${collection.noticeStatus === 'ACKNOWLEDGED' ? 'SUCCESS' : 'PENDING'}`}
                >
                  {t(`supervisor.remit.notice.${collection.noticeStatus}` as MessageKey)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
