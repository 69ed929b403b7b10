import type { ProductKind } from '@koperasi/contracts';
import type { CustomerNoRule } from './customer-no-rule.js';

/** A product of a koperasi's catalog, with the aggregator's price where the price list has one. */
export interface Product {
  code: string;
  name: string;
  kind: ProductKind;
  biller: string;
  customerNoRule: CustomerNoRule;
  /** Prepaid: the face value the customer buys (token or credit); postpaid: null, the bill decides. */
  denominationRp: number | null;
  /** What the customer pays the koperasi on top of the bill or face value. */
  adminFeeRp: number;
  /** Prepaid: what the aggregator debits the deposit, from the price list; postpaid: null, the inquiry says. */
  priceRp: number | null;
}
