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
  /** PLN prepaid: the meter owner's power class, e.g. R1/1300VA. */
  segmentPower: string | null;
  billAmountRp: number;
  adminFeeRp: number;
  totalAmountRp: number;
  expiresAt: string;
}
