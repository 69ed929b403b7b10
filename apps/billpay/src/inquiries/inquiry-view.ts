import type { ProductKind } from '@koperasi/contracts';

export interface InquiryView {
  inquiryId: string;
  refId: string;
  productCode: string;
  productName: string;
  kind: ProductKind;
  customerNo: string;
  customerName: string | null;
  period: string | null;
  /** PLN: the tariff and power class, e.g. R1/1300VA. */
  segmentPower: string | null;
  /** PLN: the customer id (IDPEL, 12 digits); for prepaid it is not the meter number. */
  subscriberId: string | null;
  /** Postpaid: the bill without penalty; prepaid: the face value. */
  billAmountRp: number;
  /** Postpaid late-payment penalty (denda); 0 when none. */
  penaltyRp: number;
  adminFeeRp: number;
  /** billAmountRp + penaltyRp + adminFeeRp. */
  totalAmountRp: number;
  expiresAt: string;
}
