import { AggregatorRc } from '@koperasi/contracts';
import { stableHash } from '../common/stable-hash.js';
import { wibPeriodOf } from '../common/wib-clock.js';
import { POSTPAID_ADMIN_RP, POSTPAID_MARGIN_RP, type CatalogProduct } from './catalog.js';
import { TEST_CUSTOMERS } from './test-customers.js';

export interface CustomerBill {
  customerName?: string;
  segmentPower?: string;
  /** Postpaid only. */
  period?: string;
  billRp: number;
  adminRp: number;
  priceRp: number;
}

export type CustomerLookup = { found: true; bill: CustomerBill } | { found: false; rc: string; message: string };

interface FixedPostpaid {
  valid: { customerNo: string; customerName: string; period: string; billRp: number; adminRp: number; priceRp: number };
  unknown: string;
  billNotYetAvailable: string;
  alreadyPaid: string;
}

const FIXED_POSTPAID: Record<string, FixedPostpaid> = {
  PLNPOST: TEST_CUSTOMERS.plnPostpaid,
  PDAM: TEST_CUSTOMERS.pdam,
  BPJSKES: TEST_CUSTOMERS.bpjsKesehatan,
};

const UNKNOWN_PREPAID = new Set<string>([TEST_CUSTOMERS.plnPrepaid.unknown, TEST_CUSTOMERS.telco.unknown]);

const FIRST_NAMES = ['AGUS', 'SRI', 'BAMBANG', 'RINA', 'EKO', 'NUR', 'HENDRA', 'YULI', 'JOKO', 'WATI', 'ADI', 'LINA'];
const LAST_NAMES = ['SANTOSO', 'RAHAYU', 'WIBOWO', 'LESTARI', 'PRASETYO', 'HANDAYANI', 'SETIAWAN', 'PURNOMO', 'KURNIAWAN'];
const POWER_CLASSES = ['R1/900VA', 'R1/1300VA', 'R1/2200VA', 'R2/3500VA', 'B1/1300VA'];

/**
 * The customer behind a well-formed number: the fixed test customers first, otherwise one derived from the
 * number itself, so any number a benchmark makes up is a valid customer with a stable name and bill.
 */
export function lookupCustomer(product: CatalogProduct, customerNo: string, nowMs: number): CustomerLookup {
  if (product.kind === 'PREPAID') {
    if (UNKNOWN_PREPAID.has(customerNo)) return unknownCustomer(product, customerNo);
    const nominalRp = product.nominalRp ?? 0;
    const priceRp = product.priceRp ?? 0;
    if (product.biller !== 'PLN') return { found: true, bill: { billRp: nominalRp, adminRp: 0, priceRp } };
    const fixed = TEST_CUSTOMERS.plnPrepaid.valid;
    const isFixed = customerNo === fixed.customerNo;
    return {
      found: true,
      bill: {
        customerName: isFixed ? fixed.customerName : derivedName(customerNo),
        segmentPower: isFixed ? fixed.segmentPower : POWER_CLASSES[stableHash(`power:${customerNo}`) % POWER_CLASSES.length],
        billRp: nominalRp,
        adminRp: 0,
        priceRp,
      },
    };
  }
  const fixed = FIXED_POSTPAID[product.code];
  if (customerNo === fixed.unknown) return unknownCustomer(product, customerNo);
  if (customerNo === fixed.billNotYetAvailable) {
    return { found: false, rc: AggregatorRc.billNotYetAvailable, message: `No bill issued yet for ${customerNo}` };
  }
  if (customerNo === fixed.alreadyPaid) {
    return { found: false, rc: AggregatorRc.alreadyPaid, message: `The bill of ${customerNo} is already paid` };
  }
  if (customerNo === fixed.valid.customerNo) {
    const { customerName, period, billRp, adminRp, priceRp } = fixed.valid;
    return { found: true, bill: { customerName, period, billRp, adminRp, priceRp } };
  }
  const billRp = 50_000 + (stableHash(`bill:${product.code}:${customerNo}`) % 4_501) * 100;
  return {
    found: true,
    bill: {
      customerName: derivedName(customerNo),
      period: wibPeriodOf(nowMs),
      billRp,
      adminRp: POSTPAID_ADMIN_RP,
      priceRp: billRp + POSTPAID_MARGIN_RP,
    },
  };
}

function derivedName(customerNo: string): string {
  const hash = stableHash(`name:${customerNo}`);
  return `${FIRST_NAMES[hash % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(hash / FIRST_NAMES.length) % LAST_NAMES.length]}`;
}

function unknownCustomer(product: CatalogProduct, customerNo: string): CustomerLookup {
  return { found: false, rc: AggregatorRc.wrongCustomerNo, message: `${customerNo} is not a known ${product.code} customer` };
}
