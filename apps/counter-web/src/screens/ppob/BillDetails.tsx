import type { ComponentChildren } from 'preact';
import { Money } from '../../components/Money';
import { formatPeriod } from '../../format/wib';
import { locale, t } from '../../i18n/i18n';
import { periodOf } from './product-kinds';

export interface BillFigures {
  productName: string;
  customerNo: string;
  customerNoLabel?: string;
  customerName: string | null;
  subscriberId: string | null;
  segmentPower: string | null;
  period: string | null;
  prepaid: boolean;
  billAmount: number;
  penalty: number;
  adminFee: number;
  totalAmount: number;
}

/** What the customer is paying for and how the total is made up, as the teller reads it back to the customer. */
export function BillDetails({
  bill,
  children,
}: {
  bill: BillFigures;
  children?: ComponentChildren;
}) {
  return (
    <dl class="summary" data-testid="bill-details">
      <dt>{t('ppob.detail.product')}</dt>
      <dd>{bill.productName}</dd>
      <dt>{bill.customerNoLabel ?? t('ppob.detail.customerNo')}</dt>
      <dd class="ppob-number">{bill.customerNo}</dd>
      {bill.customerName && (
        <>
          <dt>{t('ppob.detail.name')}</dt>
          <dd>{bill.customerName}</dd>
        </>
      )}
      {bill.subscriberId && bill.subscriberId !== bill.customerNo && (
        <>
          <dt>{t('ppob.detail.idpel')}</dt>
          <dd class="ppob-number">{bill.subscriberId}</dd>
        </>
      )}
      {bill.segmentPower && (
        <>
          <dt>{t('ppob.detail.tariff')}</dt>
          <dd>{bill.segmentPower}</dd>
        </>
      )}
      {bill.period && (
        <>
          <dt>{t('ppob.detail.period')}</dt>
          <dd>{formatPeriod(periodOf(bill.period), locale.value)}</dd>
        </>
      )}
      <dt>{bill.prepaid ? t('ppob.detail.nominal') : t('ppob.detail.bill')}</dt>
      <dd>
        <Money amountRp={bill.billAmount} />
      </dd>
      {bill.penalty > 0 && (
        <>
          <dt>{t('ppob.detail.penalty')}</dt>
          <dd>
            <Money amountRp={bill.penalty} />
          </dd>
        </>
      )}
      <dt>{t('ppob.detail.adminFee')}</dt>
      <dd>
        <Money amountRp={bill.adminFee} />
      </dd>
      <dt class="summary__total">{t('ppob.detail.total')}</dt>
      <dd class="summary__total" data-testid="bill-total">
        <Money amountRp={bill.totalAmount} />
      </dd>
      {children}
    </dl>
  );
}
