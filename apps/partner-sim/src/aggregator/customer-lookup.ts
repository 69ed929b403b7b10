import { AggregatorRc } from '@koperasi/contracts';
import { stableDigits, stableHash } from '../common/stable-hash.js';
import { wibPeriodOf } from '../common/wib-clock.js';
import { POSTPAID_ADMIN_RP, POSTPAID_MARGIN_RP, type CatalogProduct } from './catalog.js';
import { TEST_CUSTOMERS } from './test-customers.js';

export interface CustomerBill {
  customerName?: string;
  /** PLN: tariff and power class. */
  segmentPower?: string;
  /** PLN: the customer id (IDPEL); for prepaid not the meter number. */
  subscriberId?: string;
  /** Postpaid only. */
  period?: string;
  /** Postpaid: the bill without penalty; prepaid: the face value. */
  billRp: number;
  /** Postpaid: the late-payment penalty (denda), 0 when paid on time. The price includes it. */
  penaltyRp: number;
  adminRp: number;
  priceRp: number;
}

export type CustomerLookup =
  { found: true; bill: CustomerBill } | { found: false; rc: string; message: string };

interface FixedBill {
  customerNo: string;
  customerName: string;
  period: string;
  segmentPower?: string;
  billRp: number;
  penaltyRp: number;
  adminRp: number;
  priceRp: number;
}

interface FixedPostpaid {
  valid: FixedBill;
  withPenalty?: FixedBill;
  unknown: string;
  billNotYetAvailable: string;
  alreadyPaid: string;
}

const FIXED_POSTPAID: Record<string, FixedPostpaid> = {
  PLNPOST: TEST_CUSTOMERS.plnPostpaid,
  PDAM: TEST_CUSTOMERS.pdam,
  BPJSKES: TEST_CUSTOMERS.bpjsKesehatan,
};

const UNKNOWN_PREPAID = new Set<string>([
  TEST_CUSTOMERS.plnPrepaid.unknown,
  TEST_CUSTOMERS.telco.unknown,
]);

const FIRST_NAMES = [
  'AGUS',
  'SRI',
  'BAMBANG',
  'RINA',
  'EKO',
  'NUR',
  'HENDRA',
  'YULI',
  'JOKO',
  'WATI',
  'ADI',
  'LINA',
];
const LAST_NAMES = [
  'SANTOSO',
  'RAHAYU',
  'WIBOWO',
  'LESTARI',
  'PRASETYO',
  'HANDAYANI',
  'SETIAWAN',
  'PURNOMO',
  'KURNIAWAN',
];
const POWER_CLASSES = ['R1/900VA', 'R1/1300VA', 'R1/2200VA', 'R2/3500VA', 'B1/1300VA'];

/**
 * The customer behind a well-formed number: the fixed test customers first, otherwise one derived from the
 * number itself, so any number a benchmark makes up is a valid customer with a stable name and bill.
 */
export function lookupCustomer(
  product: CatalogProduct,
  customerNo: string,
  nowMs: number,
): CustomerLookup {
  if (product.kind === 'PREPAID') {
    if (UNKNOWN_PREPAID.has(customerNo)) return unknownCustomer(product, customerNo);
    const nominalRp = product.nominalRp ?? 0;
    const priceRp = product.priceRp ?? 0;
    if (product.biller !== 'PLN')
      return { found: true, bill: { billRp: nominalRp, penaltyRp: 0, adminRp: 0, priceRp } };
    const fixed = TEST_CUSTOMERS.plnPrepaid.valid;
    const isFixed = customerNo === fixed.customerNo;
    return {
      found: true,
      bill: {
        customerName: isFixed ? fixed.customerName : derivedName(customerNo),
        segmentPower: isFixed ? fixed.segmentPower : derivedPower(customerNo),
        subscriberId: isFixed ? fixed.subscriberId : derivedIdpel(customerNo),
        billRp: nominalRp,
        penaltyRp: 0,
        adminRp: 0,
        priceRp,
      },
    };
  }
  const fixed = FIXED_POSTPAID[product.code];
  if (customerNo === fixed.unknown) return unknownCustomer(product, customerNo);
  if (customerNo === fixed.billNotYetAvailable) {
    return {
      found: false,
      rc: AggregatorRc.billNotYetAvailable,
      message: `No bill issued yet for ${customerNo}`,
    };
  }
  if (customerNo === fixed.alreadyPaid) {
    return {
      found: false,
      rc: AggregatorRc.alreadyPaid,
      message: `The bill of ${customerNo} is already paid`,
    };
  }
  const fixedBill = [fixed.valid, fixed.withPenalty].find(
    (bill) => bill?.customerNo === customerNo,
  );
  if (fixedBill) {
    const { customerName, period, segmentPower, billRp, penaltyRp, adminRp, priceRp } = fixedBill;
    const pln = product.biller === 'PLN' ? { segmentPower, subscriberId: customerNo } : {};
    return {
      found: true,
      bill: { customerName, period, ...pln, billRp, penaltyRp, adminRp, priceRp },
    };
  }
  const billRp = 50_000 + (stableHash(`bill:${product.code}:${customerNo}`) % 4_501) * 100;
  return {
    found: true,
    bill: {
      customerName: derivedName(customerNo),
      period: wibPeriodOf(nowMs),
      ...(product.biller === 'PLN'
        ? { segmentPower: derivedPower(customerNo), subscriberId: customerNo }
        : {}),
      billRp,
      penaltyRp: 0,
      adminRp: POSTPAID_ADMIN_RP,
      priceRp: billRp + POSTPAID_MARGIN_RP,
    },
  };
}

function derivedPower(customerNo: string): string {
  return POWER_CLASSES[stableHash(`power:${customerNo}`) % POWER_CLASSES.length];
}

/** A prepaid meter's IDPEL: 12 digits, stable for the meter. */
function derivedIdpel(meterNo: string): string {
  return `52${stableDigits(`idpel:${meterNo}`, 10)}`;
}

function derivedName(customerNo: string): string {
  const hash = stableHash(`name:${customerNo}`);
  return `${FIRST_NAMES[hash % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(hash / FIRST_NAMES.length) % LAST_NAMES.length]}`;
}

function unknownCustomer(product: CatalogProduct, customerNo: string): CustomerLookup {
  return {
    found: false,
    rc: AggregatorRc.wrongCustomerNo,
    message: `${customerNo} is not a known ${product.code} customer`,
  };
}
